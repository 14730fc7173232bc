package deferloop

import (
	"go/ast"
	"go/types"

	"github.com/deferlint/deferlint/internal/edit"
	"golang.org/x/tools/go/analysis"
)

// This file judges whether a repeated defer has a concrete cost the default rule
// reports: what the iteration makes and the deferred call keeps until return, and
// loops whose count no collection bounds.

// walksCollection reports whether loop ranges over a collection the program already
// holds: a slice, an array (or a pointer to one), a map, a string, or a function
// iterator (which usually walks one). Such a loop runs once per element, so a handle
// taken per element costs in proportion to what is already in memory (the handful
// of views of a session, the arguments of a command). Other loops (a count, a
// condition, no condition, a channel, goto) make their values as they go, with no
// collection to bound them.
func walksCollection(info *types.Info, loop ast.Stmt) bool {
	r, ok := loop.(*ast.RangeStmt)
	if !ok {
		return false
	}
	t := info.TypeOf(r.X)
	if t == nil {
		return false
	}
	u := t.Underlying()
	if p, ok := u.(*types.Pointer); ok {
		u = p.Elem().Underlying()
	}
	switch u := u.(type) {
	case *types.Slice, *types.Array, *types.Map, *types.Signature:
		return true
	case *types.Basic:
		return u.Info()&types.IsString != 0
	}
	return false
}

// keptFresh describes what the iteration makes and the deferred call keeps until the
// function returns, in a loop that walks no collection (see walksCollection), or
// returns "": a release function returned beside a value (ch, cleanup :=
// newChannel(); defer cleanup(): the value stays held), or a method deferred on a
// value a call of the iteration returned (b, err := t.block(i); defer b.decrRef()).
// Either way the deferred call is what keeps the value alive, one per iteration.
// Over a collection the same pile is bounded by the collection, and the defers are
// the author's way to hold one handle per element until the function is done.
func keptFresh(pass *analysis.Pass, loop ast.Stmt, region *ast.BlockStmt, call *ast.CallExpr) string {
	info := pass.TypesInfo
	if loop == nil || walksCollection(info, loop) {
		return ""
	}
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		v, ok := info.Uses[fun].(*types.Var)
		if !ok || !assignedFromCall(info, region, v) {
			return ""
		}
		if kept := siblings(info, region, call); len(kept) > 0 {
			return "every iteration's " + kept[0].Name() + " stays held"
		}
	case *ast.SelectorExpr:
		if selection, ok := info.Selections[fun]; !ok || selection.Kind() != types.MethodVal {
			return ""
		}
		if v := rootVar(info, fun.X); v != nil && assignedFromCall(info, region, v) {
			return "every iteration's " + edit.Render(pass.Fset, fun.X, "value") + " stays held"
		}
	}
	return ""
}

// assignedFromCall reports whether region assigns v, outside function literals, the
// result of a call of a function (not a conversion or a builtin such as append).
func assignedFromCall(info *types.Info, region *ast.BlockStmt, v *types.Var) bool {
	found := false
	ast.Inspect(region, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if !isVar(info, lhs, v) {
					continue
				}
				rhs := n.Rhs[0]
				if len(n.Rhs) == len(n.Lhs) {
					rhs = n.Rhs[i]
				}
				found = found || isFunctionCall(info, rhs)
			}
		}
		return !found
	})
	return found
}

// isFunctionCall reports whether e is a call of a function or method, not a
// conversion or a builtin.
func isFunctionCall(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	if tv, ok := info.Types[call.Fun]; ok && (tv.IsType() || tv.IsBuiltin()) {
		return false
	}
	return true
}

// inputBound describes, for a loop whose count comes from its input rather than from
// a collection or a count, how long it runs ("the channel delivers", "the loop runs",
// "sc.Scan() is true"), or returns "". Such a loop is a range over a channel, a for
// statement without a condition, or one whose condition is a call (for sc.Scan(),
// for rows.Next()): its deferred calls, and all they keep, pile up for as long as
// input comes, which no bound in the code limits.
func inputBound(pass *analysis.Pass, loop ast.Stmt) string {
	switch l := loop.(type) {
	case *ast.RangeStmt:
		if rangesOverChannel(pass.TypesInfo, l) {
			return "the channel delivers"
		}
	case *ast.ForStmt:
		if l.Cond == nil {
			return "the loop runs"
		}
		if isFunctionCall(pass.TypesInfo, l.Cond) {
			if cond := edit.Render(pass.Fset, l.Cond, ""); cond != "" && len(cond) <= 40 {
				return cond + " is true"
			}
			return "its condition holds"
		}
	}
	return ""
}
