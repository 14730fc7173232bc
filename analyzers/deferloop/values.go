package deferloop

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/deferlint/deferlint/internal/flow"
)

// This file finds the values a deferred call releases, and the values the iteration
// derives from them: what must stay alive while the deferred call waits.

// releasedVars returns the variables through which a deferred call in loop reaches
// what it releases, and the variables of the loop derived from them (see derive):
// the root variables of the call's operands (see operandRoots) that are declared in
// the loop or assigned in its body, so that they hold what this iteration acquired.
// A deferred function value also releases what came with it (see siblings).
func releasedVars(info *types.Info, loop ast.Stmt, body *ast.BlockStmt, call *ast.CallExpr) []*types.Var {
	var vars []*types.Var
	for _, v := range operandRoots(info, call) {
		if declaredIn(loop, v) || assignedIn(info, body, v) {
			vars = append(vars, v)
		}
	}
	if len(vars) == 0 {
		return nil
	}
	return append(derive(info, loop, body, vars), siblings(info, body, call)...)
}

// operandRoots returns the root variables (see rootVar) of the receiver, function
// value and arguments of call, and of the calls among them: the release that an
// assertion or a cleanup wraps (c.Assert(r.Close(), IsNil), os.Remove(db.Path()))
// reaches r and db.
func operandRoots(info *types.Info, call *ast.CallExpr) []*types.Var {
	var roots []*types.Var
	add := func(e ast.Expr) {
		if inner, ok := ast.Unparen(e).(*ast.CallExpr); ok {
			roots = append(roots, operandRoots(info, inner)...)
			return
		}
		if v := flow.RootVar(info, e); v != nil {
			roots = append(roots, v)
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
	return roots
}

// siblings returns, for a deferred call of a function variable (cancel, shutdown),
// the other variables that body assigns together with it from one call (ctx, cancel
// := context.WithTimeout(...); client, shutdown := newClient()): a release function
// returned beside a value releases that value. Values that cannot hold a reference
// (see mayHoldReference), such as the error, are left out, and nothing is derived
// from the siblings: a result computed with a context does not hold it.
func siblings(info *types.Info, body *ast.BlockStmt, call *ast.CallExpr) []*types.Var {
	fun, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return nil
	}
	release, ok := info.Uses[fun].(*types.Var)
	if !ok {
		return nil
	}
	var found []*types.Var
	ast.Inspect(body, func(n ast.Node) bool {
		if _, lit := n.(*ast.FuncLit); lit {
			return false
		}
		a, ok := n.(*ast.AssignStmt)
		if !ok || len(a.Rhs) != 1 || len(a.Lhs) < 2 {
			return true
		}
		var vars []*types.Var
		paired := false
		for _, lhs := range a.Lhs {
			id, ok := ast.Unparen(lhs).(*ast.Ident)
			if !ok {
				continue
			}
			v, ok := info.ObjectOf(id).(*types.Var)
			switch {
			case !ok:
			case v == release:
				paired = true
			case mayHoldReference(v.Type()):
				vars = append(vars, v)
			}
		}
		if paired {
			found = append(found, vars...)
		}
		return true
	})
	return found
}

// declaredIn reports whether v is declared within n.
func declaredIn(n ast.Node, v *types.Var) bool {
	return n.Pos() <= v.Pos() && v.Pos() < n.End()
}

// derive adds to vars the variables declared in loop that body assigns from an
// expression mentioning one of vars, and that can hold a reference to it (sub from
// sub, err := conn.Subscribe(...), r from r := bufio.NewReader(f)), until no more are
// added: handing on such a value hands on what it was made from. Values that cannot
// hold a reference (numbers, strings, byte slices, errors) are left out, so that
// n, err := f.Read(buf) derives nothing.
func derive(info *types.Info, loop ast.Stmt, body *ast.BlockStmt, vars []*types.Var) []*types.Var {
	type source struct {
		v   *types.Var
		rhs ast.Expr
	}
	var sources []source
	addSource := func(lhs ast.Expr, rhs ast.Expr) {
		id, ok := ast.Unparen(lhs).(*ast.Ident)
		if !ok {
			return
		}
		v, ok := info.ObjectOf(id).(*types.Var)
		if ok && declaredIn(loop, v) && mayHoldReference(v.Type()) {
			sources = append(sources, source{v, rhs})
		}
	}
	pair := func(lhs []ast.Expr, rhs []ast.Expr) {
		for i, l := range lhs {
			switch {
			case len(rhs) == len(lhs):
				addSource(l, rhs[i])
			case len(rhs) == 1:
				addSource(l, rhs[0])
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		if lhs, rhs, ok := flow.Sides(n); ok {
			pair(lhs, rhs)
		}
		return true
	})
	have := make(map[*types.Var]bool)
	for _, v := range vars {
		have[v] = true
	}
	for changed := true; changed; {
		changed = false
		for _, s := range sources {
			if !have[s.v] && mentionsAny(info, s.rhs, vars) {
				have[s.v] = true
				vars = append(vars, s.v)
				changed = true
			}
		}
	}
	return vars
}

// mayHoldReference reports whether a value of type t can refer to another value: all
// but numbers, strings, booleans, slices and arrays of those, and errors.
func mayHoldReference(t types.Type) bool { return mayHoldReferenceElems(t, 0) }

// mayHoldReferenceElems is mayHoldReference for a type reached through depth
// slice or array element types. A type may be its own element (type Tree
// []Tree): past a depth no real type reaches, the answer is the cautious one.
func mayHoldReferenceElems(t types.Type, depth int) bool {
	if depth > 8 {
		return true
	}
	if types.Identical(t, types.Universe.Lookup("error").Type()) {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return false
	case *types.Slice:
		return mayHoldReferenceElems(u.Elem(), depth+1)
	case *types.Array:
		return mayHoldReferenceElems(u.Elem(), depth+1)
	}
	return true
}

// mentionsAny reports whether n refers to one of vars, in nested function literals too.
func mentionsAny(info *types.Info, n ast.Node, vars []*types.Var) bool {
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

// readIn reports whether v is read (not only assigned) by a node of region between
// from and to, outside the node skip.
func readIn(info *types.Info, region ast.Node, v *types.Var, from, to token.Pos, skip ast.Node) bool {
	targets := make(map[*ast.Ident]bool) // plain assignment targets: written, not read
	found := false
	ast.Inspect(region, func(n ast.Node) bool {
		if found || n == nil || n == skip || n.End() <= from || n.Pos() >= to {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
				for _, lhs := range n.Lhs {
					if id, ok := ast.Unparen(lhs).(*ast.Ident); ok {
						targets[id] = true
					}
				}
			}
		case *ast.Ident:
			found = info.Uses[n] == v && from <= n.Pos() && !targets[n]
		}
		return true
	})
	return found
}
