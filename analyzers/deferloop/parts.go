package deferloop

import (
	"go/ast"
	"go/types"

	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/knowledge"
	"golang.org/x/tools/go/types/typeutil"
)

// This file knows release methods whose receiver holds nothing, and values that
// the loop's next call of the reader that made them releases: the parts of a
// multipart body.

// releasesNothing reports whether the deferred call is a release method whose
// receiver holds no resource of its own (knowledge.HoldsNothing: a
// *multipart.Part's Close, which only drains what is left of the part from the
// reader it shares with the other parts). Nothing stays open until it runs, so it
// names no resource held per iteration: the defer is judged as any deferred call
// that releases nothing.
func releasesNothing(info *types.Info, call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	return ok && knowledge.HoldsNothing(fn)
}

// closedByNextCall reports whether the deferred call releases (see releases) a
// value that the loop releases itself as it goes: its root variable is assigned
// in the loop body, every time, from a call of a method that releases what it
// returned last before returning the next (knowledge.ClosesPrevious:
// multipart.Reader's NextPart closes the previous part), on a receiver rooted in a
// variable declared outside the loop that the body does not assign, so that every
// iteration calls the same reader. Every value but the last is released by the
// next iteration's call; the deferred call is a safety net for the last one and
// for an early return, as is a Close the iteration calls itself
// (releasedEachIteration). What piles up until return is one deferred call per
// value, each keeping a value that the loop has already released.
func closedByNextCall(info *types.Info, loop ast.Stmt, body *ast.BlockStmt, call *ast.CallExpr) bool {
	fun, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || loop == nil || body == nil {
		return false
	}
	if _, release := releases[fun.Sel.Name]; !release {
		return false
	}
	if selection, ok := info.Selections[fun]; !ok || selection.Kind() != types.MethodVal {
		return false
	}
	v := flow.RootVar(info, fun.X)
	if v == nil {
		return false
	}
	assigned, other := false, false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if isVar(info, lhs, v) {
					assigned = true
					other = other || len(n.Rhs) != 1 || !callsSameIterator(info, loop, body, n.Rhs[0])
				}
			}
		case *ast.ValueSpec:
			for _, id := range n.Names {
				if isVar(info, id, v) {
					assigned = true
					other = other || len(n.Values) != 1 || !callsSameIterator(info, loop, body, n.Values[0])
				}
			}
		}
		return !other
	})
	return assigned && !other
}

// callsSameIterator reports whether e is a call of a method that releases what it
// returned last (knowledge.ClosesPrevious), on a receiver rooted in a variable
// declared before the loop and not assigned in its body: the same receiver in
// every iteration.
func callsSameIterator(info *types.Info, loop ast.Stmt, body *ast.BlockStmt, e ast.Expr) bool {
	c, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, ok := typeutil.Callee(info, c).(*types.Func)
	if !ok || !knowledge.ClosesPrevious(fn) {
		return false
	}
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	r := flow.RootVar(info, sel.X)
	return r != nil && (r.Pos() < loop.Pos() || r.Pos() >= loop.End()) && !assignedIn(info, body, r)
}
