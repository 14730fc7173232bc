package obligation

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/deferlint/deferlint/internal/flow"
)

// DeferredBefore reports whether a deferred function literal that meets the
// obligation (it holds one of the positions in meets) may have been deferred
// before the acquisition: var f *os.File; defer func() { if f != nil { f.Close() }
// }(); ...; f, err = os.Open(name). Such a literal reads v when the function
// returns, so it meets whatever obligation v holds then: every return is covered,
// and only a drop (a new value before the return) still loses one. The variable
// must exist when the defer runs (declared before it), so that the literal
// captures the very variable the acquisition assigns, not an earlier iteration's.
func DeferredBefore(g *flow.Graph, body *ast.BlockStmt, acquire ast.Node, v *types.Var, meets []token.Pos) bool {
	return deferredBefore(g, body, acquire, v, func(d *ast.DeferStmt) bool {
		_, ok := ast.Unparen(d.Call.Fun).(*ast.FuncLit)
		return ok && holdsAny(d, meets)
	})
}

// DeferredCallBefore is DeferredBefore for a deferred call of a variable bound
// once to a function literal that meets the obligation (see BoundClosures):
// defer cleanup(), where the identifier cleanup is at one of the positions in
// calls. The call runs that literal when the function returns, as a deferred
// literal would.
func DeferredCallBefore(g *flow.Graph, body *ast.BlockStmt, acquire ast.Node, v *types.Var, calls []token.Pos) bool {
	return deferredBefore(g, body, acquire, v, func(d *ast.DeferStmt) bool {
		id, ok := ast.Unparen(d.Call.Fun).(*ast.Ident)
		return ok && slices.Contains(calls, id.Pos())
	})
}

// deferredBefore reports whether a defer statement of body (outside function
// literals) that meets the obligation (see meets) comes after v's declaration
// and reaches the acquisition.
func deferredBefore(g *flow.Graph, body *ast.BlockStmt, acquire ast.Node, v *types.Var, meets func(*ast.DeferStmt) bool) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			if v.Pos() < n.Pos() && meets(n) && g.After(n.Pos())(acquire.Pos()) {
				found = true
			}
			return false
		}
		return !found
	})
	return found
}

// BoundClosures returns the local variables of body bound once to a function
// literal: declared with it as their value (cleanup := func() { ... } or var
// cleanup = func() { ... }) and never changed afterwards, nor their address
// taken, anywhere in body (function literals included). A call of such a
// variable, deferred or not, runs that very literal.
func BoundClosures(info *types.Info, body *ast.BlockStmt) map[*types.Var]*ast.FuncLit {
	bound := make(map[*types.Var]*ast.FuncLit)
	ast.Inspect(body, func(n ast.Node) bool {
		lhs, rhs, ok := flow.Sides(n)
		if !ok || len(lhs) != len(rhs) {
			return true
		}
		for i, r := range rhs {
			lit, isLit := ast.Unparen(r).(*ast.FuncLit)
			id, isIdent := lhs[i].(*ast.Ident)
			if !isLit || !isIdent {
				continue
			}
			if v, ok := info.Defs[id].(*types.Var); ok {
				bound[v] = lit
			}
		}
		return true
	})
	if len(bound) == 0 {
		return nil
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok {
					if v, ok := info.Uses[id].(*types.Var); ok {
						delete(bound, v) // assigned again: a call may run another function
					}
				}
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND {
				if v, ok := info.Uses[id].(*types.Var); ok {
					delete(bound, v)
				}
			}
		}
		return true
	})
	return bound
}

// CallsOf returns the positions of the identifiers of the calls, in body
// (function literals included), of the variables in vars.
func CallsOf(info *types.Info, body *ast.BlockStmt, vars map[*types.Var]bool) []token.Pos {
	var calls []token.Pos
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && vars[objectVar(info, id)] {
				calls = append(calls, id.Pos())
			}
		}
		return true
	})
	return calls
}

// ClosureCalls returns the positions of the calls, in body, of local variables
// holding a function literal that meets the obligation (it holds one of the
// positions in meets): calling closeAll := func() { f.Close() } runs the release
// at the call, wherever the literal was written.
func ClosureCalls(info *types.Info, body *ast.BlockStmt, meets []token.Pos) []token.Pos {
	closures := make(map[*types.Var]bool)
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != len(as.Rhs) {
			return true
		}
		for i, r := range as.Rhs {
			lit, ok := ast.Unparen(r).(*ast.FuncLit)
			if !ok || !holdsAny(lit, meets) {
				continue
			}
			if id, ok := as.Lhs[i].(*ast.Ident); ok {
				if v, ok := info.ObjectOf(id).(*types.Var); ok {
					closures[v] = true
				}
			}
		}
		return true
	})
	if len(closures) == 0 {
		return nil
	}
	return CallsOf(info, body, closures)
}

func objectVar(info *types.Info, id *ast.Ident) *types.Var {
	v, _ := info.Uses[id].(*types.Var)
	return v
}

// holdsAny reports whether one of the positions lies in n.
func holdsAny(n ast.Node, positions []token.Pos) bool {
	for _, pos := range positions {
		if n.Pos() <= pos && pos < n.End() {
			return true
		}
	}
	return false
}
