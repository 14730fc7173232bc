package resources

import (
	"go/ast"
	"go/types"
	"slices"
)

// releasesOwnReceiver reports whether the method fd releases what its receiver
// holds: somewhere in its body (function literals included: a deferred or
// spawned release counts) it calls a release method (see Catalogue.AnyRelease)
// on the receiver or on a field reached from it (defer s.ln.Close()), or another
// method of the receiver that does. A server's Serve that closes its listener
// when it stops, or a Shutdown, releases the server as Close would: a wrapper
// (see Keep) on which one is called needs no Close. A method itself named for a
// release (Close) needs no fact: its name says so.
func (t *Tracker) releasesOwnReceiver(fd *ast.FuncDecl) bool {
	if fd.Recv == nil || len(fd.Recv.List) != 1 || len(fd.Recv.List[0].Names) != 1 || slices.Contains(t.Cat.AnyRelease(), fd.Name.Name) {
		return false
	}
	info := t.Pass.TypesInfo
	recv, ok := info.Defs[fd.Recv.List[0].Names[0]].(*types.Var)
	if !ok {
		return false
	}
	for _, call := range t.callsIn(fd.Body).all {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if ok && rootVar(info, sel.X) == recv && (slices.Contains(t.Cat.AnyRelease(), sel.Sel.Name) || t.releasesReceiver(info, sel)) {
			return true
		}
	}
	return false
}

// rootVar returns the variable a chain of field selections starts from (s in
// s.conn.raw), or nil.
func rootVar(info *types.Info, e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			if s, ok := info.Selections[x]; !ok || s.Kind() != types.FieldVal {
				return nil
			}
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.Ident:
			v, _ := info.Uses[x].(*types.Var)
			return v
		default:
			return nil
		}
	}
}

// releasesReceiver reports whether sel selects a method that releases what its
// receiver holds (see releasesOwnReceiver), from the facts.
func (t *Tracker) releasesReceiver(info *types.Info, sel *ast.SelectorExpr) bool {
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.MethodVal {
		return false
	}
	fn, ok := s.Obj().(*types.Func)
	if !ok || fn.Pkg() == nil {
		return false
	}
	return t.facts.ReleasesReceiver(fn)
}
