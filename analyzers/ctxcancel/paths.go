package ctxcancel

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/deferlint/deferlint/internal/obligation"
	"golang.org/x/tools/go/cfg"
)

// paths is what the paths leaving the statement that assigns a cancel function
// to a variable reach before a node that calls it.
type paths struct {
	ret       *ast.ReturnStmt // the first return statement, in source order
	overwrite ast.Node        // the first assignment of a new value to the variable
	again     bool            // the statement itself, declaring a fresh variable (a loop)
}

// lost sorts the drops of an obligation search from the statement from: running
// from again is a loop when it declares a fresh variable each time (fresh), and
// an overwrite of the cancel function it stored before when it assigns an
// existing one.
func lost(p obligation.Paths, from ast.Node, fresh bool) paths {
	l := paths{ret: p.First}
	for _, n := range p.Drops {
		if n == from && fresh {
			l.again = true
			continue
		}
		if l.overwrite == nil || n.Pos() < l.overwrite.Pos() {
			l.overwrite = n
		}
	}
	return l
}

// definesFresh reports whether the statement n declares v (rather than assigning
// to an existing v): running it again creates a new variable.
func definesFresh(info *types.Info, n ast.Node, v *types.Var) bool {
	switch n := n.(type) {
	case *ast.AssignStmt:
		for _, lhs := range n.Lhs {
			if id, ok := lhs.(*ast.Ident); ok && info.Defs[id] == v {
				return true
			}
		}
	case *ast.ValueSpec:
		return true
	}
	return false
}

// waitsDoneCase reports whether b is the body of a select case that receives
// from the Done channel of one of ctxs: a path that enters it finds the derived
// context released.
func waitsDoneCase(info *types.Info, b *cfg.Block, ctxs []*types.Var) bool {
	clause, ok := b.Stmt.(*ast.CommClause)
	return ok && b.Kind == cfg.KindSelectCaseBody && clause.Comm != nil && waitsDone(info, clause.Comm, ctxs)
}

// waitsDone reports whether n receives from the Done channel of one of ctxs:
// after it, the context is canceled or past its deadline, and released.
func waitsDone(info *types.Info, n ast.Node, ctxs []*types.Var) bool {
	if len(ctxs) == 0 {
		return false
	}
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if _, ok := m.(*ast.FuncLit); ok {
			return false
		}
		recv, ok := m.(*ast.UnaryExpr)
		if !ok || recv.Op != token.ARROW {
			return !found
		}
		call, ok := ast.Unparen(recv.X).(*ast.CallExpr)
		if !ok || len(call.Args) != 0 {
			return !found
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Done" {
			return !found
		}
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
			for _, ctx := range ctxs {
				if info.Uses[id] == ctx {
					found = true
				}
			}
		}
		return !found
	})
	return found
}
