package deferloop

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/loops"
	"golang.org/x/tools/go/ast/inspector"
)

// This file recognises lazy initialisation: a defer in the branch that gives a
// still-nil variable its value, which the function never sets back to nil, runs at
// most once however often the loop comes round.

// lazilyInitialised reports whether the defer at cur, in function fn, lies in the
// then branch of an if statement inside its innermost loop whose condition is v ==
// nil (alone or as a part of a chain of &&), where v is a variable of fn declared
// before all the loops around the defer, and every path through that branch to the
// defer gives v a value that cannot be nil (initialisedBefore), and no statement of
// fn gives v any other value (neverNilAgain). Once the branch has run as far as the
// defer, v is not nil for the rest of the call and the branch is never taken again:
// the defer runs at most once (go-ethereum's Table.waitForNodes, if notify == nil {
// sub := initsub(); defer sub.Unsubscribe() }, where the local closure initsub sets
// notify = make(chan struct{}, 1)). A goto anywhere in fn could jump back over v's
// declaration or around the initialisation, so a function using it is left out.
func lazilyInitialised(info *types.Info, fn inspector.Cursor, cur inspector.Cursor) bool {
	enclosing := loops.Enclosing(cur)
	body := flow.FuncBody(fn.Node())
	if len(enclosing) == 0 || body == nil || flow.HasGoto(body) {
		return false
	}
	innermost, outermost := loops.Body(enclosing[0]), enclosing[len(enclosing)-1]
	for c := range cur.Enclosing((*ast.IfStmt)(nil)) {
		ifStmt := c.Node().(*ast.IfStmt)
		if innermost == nil || !within(innermost, ifStmt) {
			return false // a loop between the if and the defer repeats it within one run of the branch
		}
		if !within(ifStmt.Body, cur.Node()) {
			continue // the else branch: v is not nil there
		}
		for _, v := range nilGuards(info, ifStmt.Cond) {
			if declaredIn(fn.Node(), v) && !declaredIn(outermost, v) && !v.IsField() &&
				initialisedBefore(info, fn.Node(), c, cur, v) && neverNilAgain(info, fn.Node(), v) {
				return true
			}
		}
	}
	return false
}

// nilGuards returns the variables that cond requires to be nil: v in v == nil (or
// nil == v), alone or as an operand of &&, at any depth of the chain.
func nilGuards(info *types.Info, cond ast.Expr) []*types.Var {
	e, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return nil
	}
	if e.Op == token.LAND {
		return append(nilGuards(info, e.X), nilGuards(info, e.Y)...)
	}
	if v, trueWhenNil, ok := nilTest(info, e); ok && trueWhenNil {
		return []*types.Var{v}
	}
	return nil
}

// initialisedBefore reports whether every path from the start of the then branch
// of the if statement at ifCur to the defer at cur runs a statement that gives v a
// value that cannot be nil (initialises): a statement that comes before the defer,
// or before a statement enclosing it, in a statement list between the branch and
// the defer. Such a statement runs to its end on every path that reaches the
// defer, as no goto jumps around it and no loop lies between (lazilyInitialised).
func initialisedBefore(info *types.Info, fn ast.Node, ifCur, cur inspector.Cursor, v *types.Var) bool {
	for c := cur; c != ifCur; c = c.Parent() {
		if _, isList := flow.StmtList(c.Parent().Node()); !isList {
			continue // an if's or switch's other parts: a sibling may not run
		}
		for p, ok := c.PrevSibling(); ok; p, ok = p.PrevSibling() {
			if s, isStmt := p.Node().(ast.Stmt); isStmt && initialises(info, fn, s, v, 0) {
				return true
			}
		}
	}
	return false
}

// maxClosureDepth bounds how deep initialises follows calls of local closures that
// call other local closures.
const maxClosureDepth = 4

// initialises reports whether the statement s, run to its end, has given v a value
// that cannot be nil: it assigns v one (v = make(chan T, 1); see nonNil), or it
// calls a local closure (initsub(), sub := initsub(), var sub = initsub()) whose
// body does so unconditionally (closureInitialises).
func initialises(info *types.Info, fn ast.Node, s ast.Stmt, v *types.Var, depth int) bool {
	var call ast.Expr
	switch s := s.(type) {
	case *ast.AssignStmt:
		if assignsNonNil(info, s, v) {
			return true
		}
		if len(s.Rhs) == 1 {
			call = s.Rhs[0]
		}
	case *ast.ExprStmt:
		call = s.X
	case *ast.DeclStmt:
		if gen, ok := s.Decl.(*ast.GenDecl); ok && gen.Tok == token.VAR && len(gen.Specs) == 1 {
			if spec := gen.Specs[0].(*ast.ValueSpec); len(spec.Values) == 1 {
				call = spec.Values[0]
			}
		}
	}
	c, ok := ast.Unparen(call).(*ast.CallExpr)
	if !ok || depth >= maxClosureDepth {
		return false
	}
	id, ok := ast.Unparen(c.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	f, ok := info.Uses[id].(*types.Var)
	if !ok || !declaredIn(fn, f) {
		return false
	}
	lit := soleFuncLit(info, fn, f)
	return lit != nil && closureInitialises(info, fn, lit, v, depth+1)
}

// assignsNonNil reports whether s assigns v a value that cannot be nil, one for
// one (v = make(...), v, w = new(T), &T{}), not from a call returning several.
func assignsNonNil(info *types.Info, s *ast.AssignStmt, v *types.Var) bool {
	if len(s.Lhs) != len(s.Rhs) {
		return false
	}
	for i, lhs := range s.Lhs {
		if isVar(info, lhs, v) && nonNil(info, s.Rhs[i]) {
			return true
		}
	}
	return false
}

// closureInitialises reports whether the body of the function literal lit gives
// v a value that cannot be nil before it can return: a top-level statement that
// initialises v, with no return in the statements before it and no goto in the
// body (panics end the branch as well, and leave nothing to pile up).
func closureInitialises(info *types.Info, fn ast.Node, lit *ast.FuncLit, v *types.Var, depth int) bool {
	if lit.Body == nil || flow.HasGoto(lit.Body) {
		return false
	}
	for _, s := range lit.Body.List {
		if initialises(info, fn, s, v, depth) {
			return true
		}
		if len(flow.Returns(&ast.BlockStmt{List: []ast.Stmt{s}})) > 0 {
			return false
		}
	}
	return false
}

// soleFuncLit returns the function literal that the local variable f always
// holds: f is declared with it (f := func() {...}, var f = func() {...}), and no
// statement of fn assigns f again or takes its address. Else nil.
func soleFuncLit(info *types.Info, fn ast.Node, f *types.Var) *ast.FuncLit {
	var lit *ast.FuncLit
	writes := 0
	eachWrite(info, fn, f, func(declares bool, value ast.Expr) {
		writes++
		if l, ok := ast.Unparen(value).(*ast.FuncLit); ok && declares {
			lit = l
		}
	})
	if writes != 1 {
		return nil
	}
	return lit
}

// neverNilAgain reports whether every statement of fn, function literals
// included, that writes v other than its declaration gives it a value that
// cannot be nil (nonNil); its address is never taken, nor is it a range
// statement's key or value. The declaration runs once: lazilyInitialised wants it
// before the loops and no goto in fn.
func neverNilAgain(info *types.Info, fn ast.Node, v *types.Var) bool {
	ok := true
	eachWrite(info, fn, v, func(declares bool, value ast.Expr) {
		ok = ok && (declares || value != nil && nonNil(info, value))
	})
	return ok
}

// eachWrite calls write for every write of v in fn, function literals included:
// its declaration (declares, with its value or nil), an assignment (with the value
// assigned one for one, or nil when it is a result of a call returning several, a
// range statement's key or value, or taking v's address, &v, after which anything
// may change it).
func eachWrite(info *types.Info, fn ast.Node, v *types.Var, write func(declares bool, value ast.Expr)) {
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if !isVar(info, lhs, v) {
					continue
				}
				var value ast.Expr
				if len(n.Lhs) == len(n.Rhs) {
					value = n.Rhs[i]
				}
				id := ast.Unparen(lhs).(*ast.Ident)
				write(info.Defs[id] == v, value)
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if info.Defs[id] != v {
					continue
				}
				var value ast.Expr
				if len(n.Names) == len(n.Values) {
					value = n.Values[i]
				}
				write(true, value)
			}
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN && (n.Key != nil && isVar(info, n.Key, v) || n.Value != nil && isVar(info, n.Value, v)) {
				write(false, nil)
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && isVar(info, n.X, v) {
				write(false, nil)
			}
		}
		return true
	})
}

// nonNil reports whether e is a value that cannot be nil: a call of the builtin
// make or new, a composite literal (a map or slice literal is never nil, and any
// other, as an interface's dynamic value, makes it non-nil), the address of
// anything (&T{}, &x), or a function literal.
func nonNil(info *types.Info, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit, *ast.FuncLit:
		return true
	case *ast.UnaryExpr:
		return e.Op == token.AND
	case *ast.CallExpr:
		return flow.CallsBuiltin(info, e, "make", "new")
	}
	return false
}
