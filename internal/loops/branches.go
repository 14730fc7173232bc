package loops

import (
	"go/ast"
	"go/token"
	"iter"
)

// A Destination says where a branch statement in the body of a loop goes, seen
// from the loop.
type Destination int

const (
	// StaysInBody: a break of a switch, select or loop inside the body, a continue
	// of a loop inside the body, a fallthrough, or a branch to a label declared
	// inside the body.
	StaysInBody Destination = iota
	// ContinuesLoop: a continue of the loop itself, unlabelled or by its label.
	ContinuesLoop
	// LeavesLoop: a break of the loop, a break, continue or goto of a statement or
	// label outside the body.
	LeavesLoop
)

// BodyBranches yields the break, continue, goto and fallthrough statements of the
// body of loop (a for or range statement, labelled label or unlabelled when label is
// nil), outside nested function literals, in source order, each with where it goes.
// Whether a body can be moved elsewhere, or whether a loop ends only by its
// condition, turns on these destinations; one walk keeps Go's rules for them
// (labels, and the switch, select or loop an unlabelled break or continue binds
// to) in one place. It yields nothing when loop is not a for or range statement.
func BodyBranches(loop ast.Stmt, label *ast.Ident) iter.Seq2[*ast.BranchStmt, Destination] {
	return func(yield func(*ast.BranchStmt, Destination) bool) {
		body := Body(loop)
		if body == nil {
			return
		}
		inner := labelsIn(body)
		more := true
		ast.PreorderStack(body, nil, func(n ast.Node, stack []ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.BranchStmt:
				more = yield(n, destination(n, stack, inner, label))
			}
			return more
		})
	}
}

// labelsIn returns the names of the labels declared in body, outside nested
// function literals (each has its own labels).
func labelsIn(body *ast.BlockStmt) map[string]bool {
	labels := make(map[string]bool)
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.LabeledStmt:
			labels[n.Label.Name] = true
		}
		return true
	})
	return labels
}

// destination tells where the branch statement b goes, b lying in the body of a loop
// labelled label (or nil) under the nodes of stack (from the body down), inner the
// labels declared in the body. An unlabelled break binds to the innermost switch,
// select or loop around it, an unlabelled continue to the innermost loop: when that
// lies in stack, it stays in the body.
func destination(b *ast.BranchStmt, stack []ast.Node, inner map[string]bool, label *ast.Ident) Destination {
	switch {
	case b.Tok == token.FALLTHROUGH:
		return StaysInBody
	case b.Label != nil && inner[b.Label.Name]:
		return StaysInBody
	case b.Label != nil:
		if b.Tok == token.CONTINUE && label != nil && b.Label.Name == label.Name {
			return ContinuesLoop
		}
		return LeavesLoop
	case b.Tok == token.BREAK:
		if bindsInside(stack, false) {
			return StaysInBody
		}
		return LeavesLoop
	case b.Tok == token.CONTINUE:
		if bindsInside(stack, true) {
			return StaysInBody
		}
		return ContinuesLoop
	}
	return LeavesLoop // an unlabelled goto does not parse
}

// bindsInside reports whether stack holds a loop, or, for a break (not onlyLoops), a
// switch, type switch or select: a statement an unlabelled break or continue below
// it binds to.
func bindsInside(stack []ast.Node, onlyLoops bool) bool {
	for _, n := range stack {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			if !onlyLoops {
				return true
			}
		}
	}
	return false
}
