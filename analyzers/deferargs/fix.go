package deferargs

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/deferlint/deferlint/internal/edit"
)

// wrapFix offers, when offer is true, to wrap the deferred call in a function
// literal, so that its arguments are evaluated when it runs.
func wrapFix(pass *analysis.Pass, stmt *ast.DeferStmt, offer bool) []analysis.SuggestedFix {
	if !offer {
		return nil
	}
	call := edit.Render(pass.Fset, stmt.Call, "the argument")
	return []analysis.SuggestedFix{{
		Message: "Evaluate the arguments when the deferred call runs",
		TextEdits: []analysis.TextEdit{{
			Pos:     stmt.Call.Pos(),
			End:     stmt.Call.End(),
			NewText: []byte("func() { " + call + " }()"),
		}},
	}}
}

// onlyChanges reports whether wrapping the deferred call in a function literal
// changes nothing but the value read for the reported variable: every other operand
// of the call (its function, its receiver, the other arguments) evaluates the same
// at the defer statement and when the call runs. That holds for constants, package
// functions and types, conversions, and local variables that nothing changes after
// the defer. It does not hold for a call or a receive in the arguments (they would
// run later), a read through a pointer, a map or a slice (the contents may change),
// or a variable assigned after the defer, changed in place, or written by a
// function literal. Package-level variables are taken as stable: the function does
// not assign them after the defer.
//
// A maker call (see makerCall) stays at the defer statement in its fix, so it is
// not judged.
func onlyChanges(pass *analysis.Pass, fn *funcInfo, stmt *ast.DeferStmt, reported *ast.Ident, maker *ast.CallExpr) bool {
	info := pass.TypesInfo
	stable := true
	ast.Inspect(stmt.Call, func(n ast.Node) bool {
		if !stable {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			if n == maker {
				return false
			}
			stable = n == stmt.Call || info.Types[n.Fun].IsType()
		case *ast.FuncLit:
			return false // the same closure either way
		case *ast.UnaryExpr:
			stable = n.Op != token.ARROW
		case *ast.StarExpr:
			stable = info.Types[n].IsType()
		case *ast.SelectorExpr:
			if s, ok := info.Selections[n]; ok && s.Indirect() {
				stable = false
			}
		case *ast.IndexExpr:
			stable = indexesValue(info, n)
		case *ast.Ident:
			if v, ok := info.Uses[n].(*types.Var); ok {
				stable = !changesAfter(pass, fn, stmt, v, v == info.Uses[reported])
			}
		}
		return stable
	})
	return stable
}

// indexesValue reports whether an index expression reads from a value that the call
// holds a copy of (a string or an array) or instantiates a generic function, rather
// than from a map, a slice or a pointer, whose contents may change.
func indexesValue(info *types.Info, n *ast.IndexExpr) bool {
	t := info.TypeOf(n.X)
	if t == nil {
		return false
	}
	switch t.Underlying().(type) {
	case *types.Basic, *types.Array, *types.Signature:
		return true
	}
	return false
}

// changesAfter reports whether v may hold another value when the deferred call runs
// than at the defer statement. For the reported variable the later assignments are
// the point of the fix; only a later nil (which disables it) or a write in a
// function literal would make the wrapped call read something else.
func changesAfter(pass *analysis.Pass, fn *funcInfo, stmt *ast.DeferStmt, v *types.Var, reported bool) bool {
	switch {
	case v.IsField(), v.Pkg() != nil && v.Parent() == v.Pkg().Scope():
		return false // a field is judged by its selector; a package-level variable is taken as stable
	case !fn.declares(v):
		return true // a variable of an enclosing function, which may change it
	}
	after := fn.reach(pass, stmt.Pos(), v)
	for _, w := range writesOf(pass.TypesInfo, fn, v) {
		switch {
		case w.inLiteral:
			return true
		case reported:
			if w.disables && after.Pos(w.pos) {
				return true
			}
		case w.kind == aliased:
			return true // v may be written through the pointer at any time
		case w.kind != declared && after.Pos(w.pos):
			return true
		}
	}
	return false
}
