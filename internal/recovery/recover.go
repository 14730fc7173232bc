package recovery

import (
	"go/ast"
	"go/types"

	"github.com/deferlint/deferlint/internal/flow"
)

// IsRecover reports whether call calls the built-in recover.
func IsRecover(info *types.Info, call *ast.CallExpr) bool {
	return flow.CallsBuiltin(info, call, "recover")
}

// CallsRecover reports whether body calls recover() directly, outside nested
// function literals: deferring the function it belongs to stops a panic. A
// recover() that is itself deferred or started (defer recover()) does not count.
func CallsRecover(info *types.Info, body *ast.BlockStmt) bool {
	found := false
	inspectFrame(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.DeferStmt:
			if IsRecover(info, n.Call) {
				for _, arg := range n.Call.Args {
					inspectFrame(arg, func(n ast.Node) bool {
						if call, ok := n.(*ast.CallExpr); ok && IsRecover(info, call) {
							found = true
						}
						return !found
					})
				}
				return false
			}
		case *ast.GoStmt:
			if IsRecover(info, n.Call) {
				return false
			}
		case *ast.CallExpr:
			if IsRecover(info, n) {
				found = true
			}
		}
		return !found
	})
	return found
}

// inspectFrame is ast.Inspect that does not enter function literals: what they do
// happens in another frame.
func inspectFrame(root ast.Node, f func(ast.Node) bool) {
	ast.Inspect(root, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		return n == nil || f(n)
	})
}

// onlyRecovers reports whether body does nothing unless recover() returns a
// panic: its statements are recover() itself, r := recover(), and if statements
// guarded by the recovered value being non-nil. Such a function called without
// defer does nothing at all.
func onlyRecovers(info *types.Info, body *ast.BlockStmt) bool {
	var r types.Object
	isRecover := func(e ast.Expr) bool {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		return ok && IsRecover(info, call)
	}
	recoverAssign := func(s ast.Stmt) (types.Object, bool) {
		a, ok := s.(*ast.AssignStmt)
		if !ok || len(a.Lhs) != 1 || len(a.Rhs) != 1 || !isRecover(a.Rhs[0]) {
			return nil, false
		}
		id, ok := a.Lhs[0].(*ast.Ident)
		if !ok {
			return nil, false
		}
		return info.ObjectOf(id), true
	}
	guarded := func(cond ast.Expr, v types.Object) bool {
		b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
		if !ok || b.Op.String() != "!=" {
			return false
		}
		isNil := func(e ast.Expr) bool {
			id, ok := ast.Unparen(e).(*ast.Ident)
			return ok && id.Name == "nil"
		}
		isV := func(e ast.Expr) bool {
			if isRecover(e) {
				return true
			}
			id, ok := ast.Unparen(e).(*ast.Ident)
			return ok && v != nil && info.Uses[id] == v
		}
		return isNil(b.Y) && isV(b.X) || isNil(b.X) && isV(b.Y)
	}
	if len(body.List) == 0 {
		return false
	}
	for _, s := range body.List {
		switch s := s.(type) {
		case *ast.ExprStmt:
			if !isRecover(s.X) {
				return false
			}
		case *ast.AssignStmt:
			v, ok := recoverAssign(s)
			if !ok {
				return false
			}
			r = v
		case *ast.IfStmt:
			v := r
			if s.Init != nil {
				var ok bool
				if v, ok = recoverAssign(s.Init); !ok {
					return false
				}
			}
			if s.Else != nil || !guarded(s.Cond, v) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// repanics reports whether a function that calls recover() calls panic() under a
// condition (if r := recover(); r != nil { log(r); panic(r) }): deferred, it
// passes the panic on. A panic() that is a statement of the function's own
// block is its own panic, not a re-panic.
func repanics(info *types.Info, body *ast.BlockStmt) bool {
	for _, stmt := range body.List {
		if _, ok := stmt.(*ast.ExprStmt); ok {
			continue
		}
		if callsPanic(info, &ast.BlockStmt{List: []ast.Stmt{stmt}}, false) {
			return true
		}
	}
	return false
}

// callsPanic reports whether body calls the built-in panic: in its own frame, or
// also in the function literals nested in it when deep is set.
func callsPanic(info *types.Info, body *ast.BlockStmt, deep bool) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return deep && !found
		case *ast.CallExpr:
			if flow.CallsBuiltin(info, n, "panic") {
				found = true
			}
		}
		return !found
	})
	return found
}

// narrowRecover reports whether a function that calls recover() does not
// handle the panic unconditionally: no recover() of its frame is both run on
// every call of the function (a statement of its body, the init or condition of
// an if or switch that is one) and kept (its value assigned to a named
// variable or used in an expression, not dropped by recover() or _ =
// recover()). defer func() { _ = recover() }() guards one operation; defer
// func() { if h != nil { h(recover()) } }() recovers only when a handler is
// set: neither is a policy of recovering.
func narrowRecover(info *types.Info, body *ast.BlockStmt) bool {
	for _, stmt := range body.List {
		for _, part := range unconditionalParts(stmt) {
			if keepsRecover(info, part) {
				return false
			}
		}
	}
	return true
}

// unconditionalParts returns the parts of a statement of a function's body that
// run whenever the statement does: all of a simple statement, the init and
// condition of an if, the init and tag of a switch, not their bodies.
func unconditionalParts(stmt ast.Stmt) []ast.Node {
	var parts []ast.Node
	switch s := stmt.(type) {
	case *ast.IfStmt:
		if s.Init != nil {
			parts = append(parts, s.Init)
		}
		parts = append(parts, s.Cond)
	case *ast.SwitchStmt:
		if s.Init != nil {
			parts = append(parts, s.Init)
		}
		if s.Tag != nil {
			parts = append(parts, s.Tag)
		}
	case *ast.TypeSwitchStmt:
		if s.Init != nil {
			parts = append(parts, s.Init)
		}
		parts = append(parts, s.Assign)
	case *ast.ExprStmt, *ast.AssignStmt, *ast.DeclStmt, *ast.ReturnStmt, *ast.SendStmt:
		parts = append(parts, s)
	}
	return parts
}

// keepsRecover reports whether n, part of a function's frame, calls recover()
// and keeps its value: not as an expression statement, nor assigned to _.
func keepsRecover(info *types.Info, n ast.Node) bool {
	dropped := make(map[ast.Expr]bool)
	kept := false
	inspectFrame(n, func(m ast.Node) bool {
		switch m := m.(type) {
		case *ast.ExprStmt:
			dropped[ast.Unparen(m.X)] = true
		case *ast.AssignStmt:
			for i, lhs := range m.Lhs {
				if id, ok := lhs.(*ast.Ident); ok && id.Name == "_" && i < len(m.Rhs) {
					dropped[ast.Unparen(m.Rhs[i])] = true
				}
			}
		case *ast.CallExpr:
			kept = kept || IsRecover(info, m) && !dropped[m]
		}
		return !kept
	})
	return kept
}
