package loops

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/deferlint/deferlint/internal/flow"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"
)

// Body returns the body of a for or range statement, or nil for any other node.
func Body(loop ast.Node) *ast.BlockStmt {
	switch loop := loop.(type) {
	case *ast.ForStmt:
		return loop.Body
	case *ast.RangeStmt:
		return loop.Body
	}
	return nil
}

// InIteration reports whether block b of a function's control-flow graph belongs to
// the iterations of loop (a for or range statement): it is the loop's head, body or
// post block, or it comes from a statement inside the loop's body. The block after
// the loop, and the block of a label on the loop, do not belong to it.
func InIteration(loop ast.Stmt, b *cfg.Block) bool {
	if b.Stmt == nil {
		return false
	}
	if b.Stmt == loop {
		return b.Kind != cfg.KindForDone && b.Kind != cfg.KindRangeDone
	}
	body := Body(loop)
	return body != nil && body.Pos() <= b.Stmt.Pos() && b.Stmt.End() <= body.End()
}

// Repeating tells whether stmt, a node of g, can run again after it has run within
// one call of the function, and through which loop. The loop is the innermost of
// enclosing (the for and range statements around stmt, innermost first, as returned
// by Enclosing) that has a path from stmt back to stmt without leaving the loop's
// iterations. When stmt repeats but through none of them (a loop built with goto),
// the loop is nil.
func Repeating(g *flow.Graph, stmt ast.Node, enclosing []ast.Stmt) (loop ast.Stmt, repeats bool) {
	if !g.Repeats(stmt, nil) {
		return nil, false
	}
	for _, loop := range enclosing {
		if g.Repeats(stmt, func(b *cfg.Block) bool { return InIteration(loop, b) }) {
			return loop, true
		}
	}
	return nil, true
}

// MovableBody reports whether the body of loop (a for or range statement, labelled
// label or unlabelled when label is nil) can be moved into a function literal called
// in its place, func() { ... }(), without changing what it does, and returns the
// continue statements of this loop, which must become return statements.
//
// It refuses, when unsure, any body holding (outside nested function literals) a
// return or goto statement, a break of this loop, a break or continue of an enclosing
// loop or statement, or a call of the builtin recover, which stops working one call
// deeper.
func MovableBody(info *types.Info, loop ast.Stmt, label *ast.Ident) (continues []*ast.BranchStmt, ok bool) {
	body := Body(loop)
	if body == nil || returnsOrRecovers(info, body) {
		return nil, false
	}
	for b, dest := range BodyBranches(loop, label) {
		switch {
		case b.Tok == token.GOTO || dest == LeavesLoop:
			return nil, false
		case dest == ContinuesLoop:
			continues = append(continues, b)
		}
	}
	return continues, true
}

// returnsOrRecovers reports whether body holds, outside nested function literals, a
// return statement or a call of the builtin recover.
func returnsOrRecovers(info *types.Info, body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = true
		case *ast.CallExpr:
			if id, isIdent := ast.Unparen(n.Fun).(*ast.Ident); isIdent {
				if b, isBuiltin := info.Uses[id].(*types.Builtin); isBuiltin && b.Name() == "recover" {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// LastInIteration reports whether the statement at cur is the last one that its
// iteration of loop runs: it ends the loop's body, or ends a block, if or else branch,
// or case clause that in turn ends the body. It is false when another loop lies
// between cur and loop, and when loop is nil.
func LastInIteration(cur inspector.Cursor, loop ast.Stmt) bool {
	body := Body(loop)
	if body == nil {
		return false
	}
	for {
		parent := cur.Parent()
		switch p := parent.Node().(type) {
		case *ast.BlockStmt:
			if len(p.List) == 0 || p.List[len(p.List)-1] != cur.Node() {
				return false
			}
			if p == body {
				return true
			}
		case *ast.CaseClause:
			if len(p.Body) == 0 || p.Body[len(p.Body)-1] != cur.Node() {
				return false
			}
			parent = parent.Parent() // the switch's body: other clauses do not follow
		case *ast.CommClause:
			if len(p.Body) == 0 || p.Body[len(p.Body)-1] != cur.Node() {
				return false
			}
			parent = parent.Parent()
		case *ast.IfStmt:
			if cur.Node() != p.Body && cur.Node() != p.Else {
				return false
			}
		case *ast.LabeledStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
		default:
			return false
		}
		cur = parent
	}
}
