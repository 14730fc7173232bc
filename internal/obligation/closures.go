package obligation

import (
	"go/ast"
	"go/token"
	"go/types"

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
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			if _, ok := ast.Unparen(n.Call.Fun).(*ast.FuncLit); ok && v.Pos() < n.Pos() && holdsAny(n, meets) && g.After(n.Pos())(acquire.Pos()) {
				found = true
			}
			return false
		}
		return !found
	})
	return found
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
	var calls []token.Pos
	if len(closures) == 0 {
		return nil
	}
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && closures[objectVar(info, id)] {
				calls = append(calls, id.Pos())
			}
		}
		return true
	})
	return calls
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
