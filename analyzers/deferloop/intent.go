package deferloop

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/deferlint/deferlint/internal/loops"
	"golang.org/x/tools/go/types/typeutil"
)

// This file recognises loops whose deferred calls are meant for function return: the
// author defers on purpose, and the report would be noise.

// handedOn reports whether the iteration hands on what the deferred call releases, so
// that it must outlive the iteration: a variable of the call (receiver root, function
// value or argument root) that the loop assigns is captured by or passed to a go
// statement, stored by plain assignment into a variable declared outside the loop
// (listeners = append(listeners, l), s.conn = c, but not _, err = io.Copy(w, f)),
// or sent on a channel; or a deferred
// context cancel func comes from an assignment that stores its context outside the
// loop (ctx, cancel = context.WithTimeout(...)).
func handedOn(info *types.Info, loop ast.Stmt, stmt *ast.DeferStmt, call *ast.CallExpr) bool {
	body := loops.Body(loop)
	if body == nil {
		return false
	}
	inLoop := func(v *types.Var) bool { return loop.Pos() <= v.Pos() && v.Pos() < loop.End() }
	var vars []*types.Var
	add := func(e ast.Expr) {
		if v := rootVar(info, e); v != nil && (inLoop(v) || assignedIn(info, body, v)) {
			vars = append(vars, v)
		}
	}
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		add(fun.X)
	case *ast.Ident:
		add(fun)
	}
	for _, arg := range call.Args {
		add(arg)
	}
	if len(vars) == 0 {
		return false
	}
	mentions := func(n ast.Node) bool {
		found := false
		ast.Inspect(n, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				for _, v := range vars {
					found = found || info.Uses[id] == v
				}
			}
			return !found
		})
		return found
	}
	// stores reports whether the value of an assigned expression holds one of vars:
	// the variable itself, its address, an element of a composite literal, or an
	// element appended by the builtin append (not an argument of other calls, as in
	// _, err = io.Copy(w, f), which only uses it).
	var stores func(e ast.Expr) bool
	stores = func(e ast.Expr) bool {
		switch e := ast.Unparen(e).(type) {
		case *ast.Ident:
			for _, v := range vars {
				if info.Uses[e] == v {
					return true
				}
			}
		case *ast.UnaryExpr:
			return e.Op == token.AND && stores(e.X)
		case *ast.CompositeLit:
			for _, elt := range e.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					elt = kv.Value
				}
				if stores(elt) {
					return true
				}
			}
		case *ast.CallExpr:
			id, ok := ast.Unparen(e.Fun).(*ast.Ident)
			if b, isBuiltin := info.Uses[id].(*types.Builtin); ok && isBuiltin && b.Name() == "append" && len(e.Args) > 1 {
				for _, arg := range e.Args[1:] {
					if stores(arg) {
						return true
					}
				}
			}
		}
		return false
	}
	outside := func(e ast.Expr) bool {
		v := rootVar(info, e)
		if v == nil {
			_, blank := ast.Unparen(e).(*ast.Ident)
			return !blank // a package-level selector such as pkg.Var: outside
		}
		return !inLoop(v)
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found || n == stmt {
			return false
		}
		switch n := n.(type) {
		case *ast.GoStmt:
			found = mentions(n)
		case *ast.SendStmt:
			found = mentions(n.Value)
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				break
			}
			for _, lhs := range n.Lhs {
				if outside(lhs) {
					for _, rhs := range n.Rhs {
						found = found || stores(rhs)
					}
				}
			}
			// ctx, cancel = context.WithTimeout(...): the context outlives the iteration.
			if len(n.Lhs) == 2 && len(n.Rhs) == 1 && outside(n.Lhs[0]) {
				if id, ok := ast.Unparen(n.Lhs[1]).(*ast.Ident); ok {
					if v, ok := info.Uses[id].(*types.Var); ok && isCancelFunc(v.Type()) {
						for _, w := range vars {
							found = found || w == v
						}
					}
				}
			}
		}
		return !found
	})
	return found
}

// postponedPastUnlock reports whether loop runs while the function holds a mutex
// that it unlocks, without defer, after the loop (mu.Lock() before the loop,
// mu.Unlock() after it): deferring in such a loop is the idiom that runs callbacks
// once the lock is released.
func postponedPastUnlock(info *types.Info, fnBody *ast.BlockStmt, loop ast.Stmt) bool {
	locked := make(map[string]bool) // receivers locked before the loop
	found := false
	ast.Inspect(fnBody, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.DeferStmt:
			return false
		case *ast.CallExpr:
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !ok {
				break
			}
			fn, ok := typeutil.Callee(info, n).(*types.Func)
			if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "sync" {
				break
			}
			recv := types.ExprString(ast.Unparen(sel.X))
			switch {
			case n.End() <= loop.Pos() && (fn.Name() == "Lock" || fn.Name() == "RLock"):
				locked[recv] = true
			case n.Pos() >= loop.End() && (fn.Name() == "Unlock" || fn.Name() == "RUnlock"):
				found = found || locked[recv]
			}
		}
		return !found
	})
	return found
}
