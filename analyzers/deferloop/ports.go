package deferloop

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/deferlint/deferlint/internal/flow"
)

// listenerTypes are the types of package net whose open socket reserves the
// address it is bound to, and the method that reports that address.
var listenerTypes = map[string]string{
	"Listener":     "Addr",
	"TCPListener":  "Addr",
	"UnixListener": "Addr",
	"PacketConn":   "LocalAddr",
	"UDPConn":      "LocalAddr",
}

// reservesCollectedAddress reports whether the deferred call closes a listener the
// iteration opened (a net.Listener, *net.TCPListener, *net.UnixListener,
// net.PacketConn or *net.UDPConn in a variable the loop declares or assigns)
// whose address the iteration, after the defer, collects into a collection
// declared before the loop and read after it (ports = append(ports,
// l.Addr().(*net.TCPAddr).Port), or ports[i] = ..., directly or through a variable
// the iteration derives from the address). An address is reserved only while its
// socket is open: holding every listener until return keeps each collected port
// from being handed out again by the next net.Listen(":0"), so no two entries are
// the same (k8s apiserver's getAvailablePorts). Closing at the end of the
// iteration would free the port before the next one is picked. A listener whose
// iteration collects nothing of its address, or stores it in a plain variable
// (only the last survives), is still reported.
func reservesCollectedAddress(info *types.Info, fnBody *ast.BlockStmt, loop ast.Stmt, body *ast.BlockStmt, stmt *ast.DeferStmt, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Close" || len(call.Args) != 0 || body == nil {
		return false
	}
	l, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return false
	}
	v, _ := info.Uses[l].(*types.Var)
	if v == nil || !declaredIn(loop, v) && !assignedIn(info, body, v) {
		return false
	}
	addrMethod := listenerAddrMethod(v.Type())
	if addrMethod == "" {
		return false
	}
	derived := map[*types.Var]bool{} // variables the iteration sets from the address
	readsAddr := func(e ast.Expr) bool { return readsAddress(info, e, v, addrMethod, derived) }
	return assignmentsAfter(body, stmt, func(n *ast.AssignStmt) bool {
		if len(n.Lhs) != len(n.Rhs) {
			return false
		}
		for i, lhs := range n.Lhs {
			switch {
			case n.Tok == token.DEFINE || declaredLocal(info, loop, lhs):
				if id, ok := lhs.(*ast.Ident); ok && readsAddr(n.Rhs[i]) {
					if dv := definedOrUsed(info, id); dv != nil {
						derived[dv] = true
					}
				}
			case collects(info, lhs, n.Rhs[i]) && readsAddr(n.Rhs[i]):
				if readAfter(info, fnBody, loop, flow.RootVar(info, lhs)) {
					return true
				}
			}
		}
		return false
	})
}

// listenerAddrMethod returns the method reporting the bound address of t, a
// listener type of package net (see listenerTypes), or "".
func listenerAddrMethod(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != "net" {
		return ""
	}
	return listenerTypes[named.Obj().Name()]
}

// readsAddress reports whether e calls method (Addr or LocalAddr) on the listener
// variable l, or reads a variable in derived.
func readsAddress(info *types.Info, e ast.Expr, l *types.Var, method string, derived map[*types.Var]bool) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.Ident:
			if v, ok := info.Uses[n].(*types.Var); ok && derived[v] {
				found = true
			}
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == method {
				if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && info.Uses[id] == l {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// declaredLocal reports whether lhs is a plain variable declared in loop.
func declaredLocal(info *types.Info, loop ast.Stmt, lhs ast.Expr) bool {
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		return false
	}
	v := definedOrUsed(info, id)
	return v != nil && declaredIn(loop, v)
}

// definedOrUsed returns the variable id defines or refers to.
func definedOrUsed(info *types.Info, id *ast.Ident) *types.Var {
	if v, ok := info.Defs[id].(*types.Var); ok {
		return v
	}
	v, _ := info.Uses[id].(*types.Var)
	return v
}

// collects reports whether lhs = rhs adds an entry to a collection: an index
// expression (ports[i] = ...), or xs = append(xs, ...) on the same plain variable.
// A plain variable assigned otherwise keeps only the last value.
func collects(info *types.Info, lhs, rhs ast.Expr) bool {
	switch l := ast.Unparen(lhs).(type) {
	case *ast.IndexExpr:
		return true
	case *ast.Ident:
		c, ok := ast.Unparen(rhs).(*ast.CallExpr)
		if !ok || len(c.Args) < 2 {
			return false
		}
		fn, ok := ast.Unparen(c.Fun).(*ast.Ident)
		if !ok {
			return false
		}
		if b, ok := info.Uses[fn].(*types.Builtin); !ok || b.Name() != "append" {
			return false
		}
		first, ok := ast.Unparen(c.Args[0]).(*ast.Ident)
		return ok && info.Uses[first] != nil && info.Uses[first] == info.Uses[l]
	}
	return false
}

// readAfter reports whether v, declared outside loop, is read in fnBody after
// loop ends.
func readAfter(info *types.Info, fnBody *ast.BlockStmt, loop ast.Stmt, v *types.Var) bool {
	if v == nil || declaredIn(loop, v) {
		return false
	}
	found := false
	ast.Inspect(fnBody, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Pos() >= loop.End() && info.Uses[id] == v {
			found = true
		}
		return !found
	})
	return found
}
