package ctxcancel

import (
	"flag"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/knowledge"
	"github.com/deferlint/deferlint/internal/loops"
	"github.com/deferlint/deferlint/internal/resources"
	"github.com/deferlint/deferlint/internal/testcode"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// This file holds what bounds the cost of a lost cancel function, so that it is
// not worth a report (see doc.go): a parent that holds nothing, a test that ends,
// an owner the derived context was handed to.

// options are ctxcancel's options. flags holds the command line's; each package
// gets a copy with its configuration files' values (configfile.Apply).
type options struct {
	tests bool // report in test code the lost cancel functions that a test bounds too
}

var flags options

func init() { flags.bind(&Analyzer.Flags) }

// bind registers the options in fs, with their current values as defaults.
func (o *options) bind(fs *flag.FlagSet) {
	fs.BoolVar(&o.tests, "tests", o.tests,
		"also report in test code a cancel function lost once per test (a bounded cost), not only one lost per round of a loop")
}

// bounds is what bounds the cost of losing the cancel functions of one acquisition.
type bounds struct {
	inTest  bool     // the acquisition is test code, and -ctxcancel.tests is off
	counted ast.Node // the loop around it, across function literals, that repeats without bound
	outside bool     // that loop lies outside the function holding the acquisition
	inLoop  bool     // a for or range statement of the function itself encloses it
}

func (c *checker) boundsOf(stmt, fnCur inspector.Cursor, inFunc bool) bounds {
	var b bounds
	if !inFunc {
		return b
	}
	b.inTest = !c.opts.tests && testcode.Encloses(c.pass, fnCur)
	b.counted = loops.Counted(c.info, stmt)
	fn := fnCur.Node()
	b.outside = b.counted != nil && (b.counted.Pos() < fn.Pos() || b.counted.End() > fn.End())
	b.inLoop = len(loops.Enclosing(stmt)) > 0
	return b
}

// testBounds reports whether a test bounds the leak: it is in test code, and it is
// not repeated without bound. repeats says whether the shape repeats the leak each
// time the acquisition runs again (a discarded or overwritten cancel function, a
// path that comes back round to the acquisition); a leak on a path that leaves
// the loop happens once, unless the whole function runs in the loop.
func (b bounds) testBounds(repeats bool) bool {
	if !b.inTest {
		return false
	}
	return b.counted == nil || !(repeats || b.outside)
}

// holdsNothing reports whether call is context.WithCancel or WithCancelCause of
// context.Background() or context.TODO(), given directly or through a local
// variable that only ever holds one of them (see backgroundVar). Such a parent
// is never done, so the derived context registers with nothing: no timer, no
// goroutine, no entry in a parent's list. Losing its cancel function loses
// nothing the collector does not take back. A timer context on the same parent
// holds its timer until the deadline, and a signal context its registration:
// those are still reported.
func holdsNothing(info *types.Info, call *ast.CallExpr, src *source, stmt, fnCur inspector.Cursor, inFunc bool) bool {
	if src.name != "context.WithCancel" && src.name != "context.WithCancelCause" || len(call.Args) != 1 {
		return false
	}
	switch arg := ast.Unparen(call.Args[0]).(type) {
	case *ast.CallExpr:
		return isBackground(info, arg)
	case *ast.Ident:
		return inFunc && backgroundVar(info, resources.VarOf(info, arg), stmt, fnCur)
	}
	return false
}

// isBackground reports whether e is a call of context.Background() or TODO().
func isBackground(info *types.Info, e ast.Expr) bool { return resources.IsBackground(info, e) }

// backgroundVar reports whether v, the parent given to the acquisition stmt, is
// a local variable of the function fnCur whose every value is context.Background()
// or TODO(): declared in its body (not a parameter, whose value the caller
// chooses), its address never taken, and every assignment to it anywhere in the
// function, its function literals included, gives it such a call, except stmt
// itself (ctx, cancel := context.WithCancel(ctx)), whose new value the call has
// not seen, as long as nothing brings control back round to stmt: no loop around
// it and no goto in the function. A declaration without a value leaves it nil,
// and WithCancel panics on a nil parent, so that creates no context to lose.
func backgroundVar(info *types.Info, v *types.Var, stmt, fnCur inspector.Cursor) bool {
	body := flow.FuncBody(fnCur.Node())
	if v == nil || body == nil || v.Pos() < body.Pos() || v.Pos() >= body.End() {
		return false
	}
	returns := len(loops.Enclosing(stmt)) > 0
	ok := true
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BranchStmt:
			returns = returns || n.Tok == token.GOTO
		case *ast.UnaryExpr:
			ok = ok && !(n.Op == token.AND && isVar(info, n.X, v))
		case *ast.RangeStmt:
			ok = ok && !isVar(info, n.Key, v) && !isVar(info, n.Value, v)
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if !isVar(info, lhs, v) {
					continue
				}
				own := ast.Node(n) == stmt.Node()
				ok = ok && (own || len(n.Rhs) == len(n.Lhs) && isBackground(info, n.Rhs[i]))
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if isVar(info, name, v) && len(n.Values) > 0 {
					own := ast.Node(n) == stmt.Node()
					ok = ok && (own || len(n.Values) == len(n.Names) && isBackground(info, n.Values[i]))
				}
			}
		}
		return ok
	})
	return ok && !returns
}

// isVar reports whether e is an identifier that defines or refers to v.
func isVar(info *types.Info, e ast.Expr, v *types.Var) bool {
	id, ok := e.(*ast.Ident)
	return ok && resources.VarOf(info, id) == v
}

// handOffs returns the mentions, after stmt, of a derived context that stmt
// assigns to one of ctxs and that hand it on to an owner outside the function fn:
// returning it (itself, wrapped in another context, or carried by a value with a
// Context method, an *http.Request), storing it in a field, a composite literal, a
// map or slice element or a variable outside fn, sending it on a channel, or giving
// it to a goroutine. Its new owner decides when it is done, and the parent's
// cancellation ends it; the function cannot cancel it without taking it from that
// owner. A context passed to an ordinary call is not taken to be kept by it (the
// call usually uses it and returns, which is what go vet assumes too), unless
// throughCalls is set: then a call's result that may hold it (see mayHoldContext)
// carries it on, as an *http.Response carries the request whose body streams
// under the context, or a transaction the context that bounds it.
func (c *checker) handOffs(stmt ast.Node, fnCur inspector.Cursor, ctxs []*types.Var, throughCalls bool) []token.Pos {
	fn := fnCur.Node()
	seen := make(map[*types.Var]bool)
	work := append([]*types.Var(nil), ctxs...)
	var out []token.Pos
	for len(work) > 0 {
		w := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[w] {
			continue
		}
		seen[w] = true
		for cur := range fnCur.Preorder((*ast.Ident)(nil)) {
			id := cur.Node().(*ast.Ident)
			if id.Pos() < stmt.End() || c.info.Uses[id] != w {
				continue
			}
			escapes, aliases := c.leaves(cur, fn, throughCalls)
			if escapes {
				out = append(out, id.Pos())
			}
			work = append(work, aliases...)
		}
	}
	return out
}

// storesContext reports whether the statement stmt, which assigns a call's
// results, stores the derived context it gets straight in a field, an element or
// a variable outside fn (stmt.Context, _ = context.WithTimeout(stmt.Context, d)):
// the holder of that place is its owner.
func (c *checker) storesContext(stmt ast.Node, fn ast.Node) bool {
	lhs, _ := lhsOf(stmt)
	for _, e := range lhs {
		if t := c.info.TypeOf(e); t == nil || !carriesContext(t) {
			continue
		}
		switch e := ast.Unparen(e).(type) {
		case *ast.Ident:
			if v := resources.VarOf(c.info, e); v != nil && !resources.DeclaredIn(v, fn) {
				return true
			}
		case *ast.SelectorExpr, *ast.IndexExpr, *ast.StarExpr:
			return true
		}
	}
	return false
}

// leaves reports whether the mention cur of a context variable in fn hands the
// context on to an owner outside fn, itself or through a function literal that
// captures it; or, when it is assigned to other local variables of fn (itself,
// wrapped, or in a literal), returns those variables to follow.
func (c *checker) leaves(cur inspector.Cursor, fn ast.Node, throughCalls bool) (bool, []*types.Var) {
	var aliases []*types.Var
	if lits := c.literalsAround(cur, fn); len(lits) > 0 {
		// Captured by a function literal: the context goes where the literal goes.
		lit := lits[0]
		if k, _ := lit.ParentEdge(); k == edge.CallExpr_Fun {
			if k, _ := lit.Parent().ParentEdge(); k == edge.GoStmt_Call {
				return true, nil // go func() { ... ctx ... }()
			}
		}
		var escapes bool
		if escapes, aliases = c.leaves(lit, fn, throughCalls); escapes {
			return true, nil
		}
	}
	escapes, vs := c.handsOn(cur, fn, throughCalls)
	return escapes, append(vs, aliases...)
}

// handsOn reports whether the expression at cur, a context or a function literal
// that holds one, is handed on to an owner outside fn by where it stands; or, when
// it is assigned to local variables of fn, returns those variables to follow.
func (c *checker) handsOn(cur inspector.Cursor, fn ast.Node, throughCalls bool) (bool, []*types.Var) {
	for {
		kind, index := cur.ParentEdge()
		parent := cur.Parent()
		switch kind {
		case edge.ParenExpr_X, edge.UnaryExpr_X:
			cur = parent
			continue
		case edge.CallExpr_Args:
			if k, _ := parent.ParentEdge(); k == edge.GoStmt_Call {
				return true, nil // go serve(ctx)
			}
			call := parent.Node().(*ast.CallExpr)
			tv, ok := c.info.Types[call]
			if ok && tv.IsValue() && carriesContext(tv.Type) {
				cur = parent // context.WithValue(ctx, k, v), r.WithContext(ctx)
				continue
			}
			if v := c.derivedVar(parent, fn); v != nil {
				return false, []*types.Var{v} // ctx2, cancel2 := context.WithTimeout(ctx, d)
			}
			if ok && tv.IsValue() && throughCalls && mayHoldContext(tv.Type) {
				cur = parent // resp, err := c.do(ctx, req); tx, err := db.BeginTx(ctx, opts)
				continue
			}
			return false, nil
		case edge.CompositeLit_Elts, edge.KeyValueExpr_Value:
			return true, nil // held by a struct, slice or map for its owner
		case edge.SendStmt_Value:
			return true, nil
		case edge.ReturnStmt_Results:
			encl, _ := loops.EnclosingFunc(cur)
			return encl.Node() == fn, nil
		case edge.AssignStmt_Rhs:
			return c.assignedTo(parent.Node().(*ast.AssignStmt), index, fn)
		}
		return false, nil
	}
}

// assignedTo reports whether assigning the right-hand side index of assign, which
// holds a context, stores it outside fn; or returns the local variables of fn it
// goes to. The results of a call assigned to several variables go to those whose
// type may hold a context.
func (c *checker) assignedTo(assign *ast.AssignStmt, index int, fn ast.Node) (bool, []*types.Var) {
	lhs := assign.Lhs
	if len(assign.Lhs) == len(assign.Rhs) {
		lhs = assign.Lhs[index : index+1]
	} else if len(assign.Rhs) != 1 {
		return false, nil
	}
	var vs []*types.Var
	for _, e := range lhs {
		e = ast.Unparen(e)
		if t := c.info.TypeOf(e); len(lhs) > 1 && (t == nil || !mayHoldContext(t)) {
			continue // the error beside the value
		}
		if id, ok := e.(*ast.Ident); ok {
			if id.Name == "_" {
				continue
			}
			if v := resources.VarOf(c.info, id); v != nil && resources.DeclaredIn(v, fn) {
				vs = append(vs, v)
				continue
			}
		}
		return true, nil // a field, an element, a variable outside fn
	}
	return false, vs
}

// derivedVar returns the local variable of fn that receives the first result of
// the call at callCur when that result carries a context (a context derived from
// an argument, with its cancel function beside it), or nil.
func (c *checker) derivedVar(callCur inspector.Cursor, fn ast.Node) *types.Var {
	tuple, ok := c.info.TypeOf(callCur.Node().(*ast.CallExpr)).(*types.Tuple)
	if !ok || tuple.Len() < 2 || !carriesContext(tuple.At(0).Type()) {
		return nil
	}
	if k, _ := callCur.ParentEdge(); k != edge.AssignStmt_Rhs {
		return nil
	}
	assign := callCur.Parent().Node().(*ast.AssignStmt)
	if len(assign.Rhs) != 1 || len(assign.Lhs) != tuple.Len() {
		return nil
	}
	if id, ok := assign.Lhs[0].(*ast.Ident); ok {
		if v := resources.VarOf(c.info, id); v != nil && resources.DeclaredIn(v, fn) {
			return v
		}
	}
	return nil
}

// literalsAround returns the function literals inside fn that hold cur,
// innermost first.
func (c *checker) literalsAround(cur inspector.Cursor, fn ast.Node) []inspector.Cursor {
	var lits []inspector.Cursor
	for anc := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if anc.Node() == fn {
			break
		}
		if anc != cur {
			lits = append(lits, anc)
		}
	}
	return lits
}

// mayHoldContext reports whether a value of type t may hold a context: whether t
// is or contains (through fields, pointers, slices, arrays, maps and channels) a
// context, another interface, a function or a type parameter. An error is taken
// to hold none. A value whose type cannot hold a context cannot keep one alive.
func mayHoldContext(t types.Type) bool {
	return holds(t, make(map[types.Type]bool))
}

func holds(t types.Type, seen map[types.Type]bool) bool {
	if t == nil || resources.ImplementsError(t) && types.IsInterface(t) {
		return false
	}
	if seen[t] {
		return false
	}
	seen[t] = true
	switch u := t.Underlying().(type) {
	case *types.Interface, *types.Signature, *types.TypeParam:
		return true
	case *types.Pointer:
		return holds(u.Elem(), seen)
	case *types.Slice:
		return holds(u.Elem(), seen)
	case *types.Array:
		return holds(u.Elem(), seen)
	case *types.Chan:
		return holds(u.Elem(), seen)
	case *types.Map:
		return holds(u.Key(), seen) || holds(u.Elem(), seen)
	case *types.Struct:
		for f := range u.Fields() {
			if holds(f.Type(), seen) {
				return true
			}
		}
	case *types.Tuple:
		for v := range u.Variables() {
			if holds(v.Type(), seen) {
				return true
			}
		}
	}
	return false
}

// carriesContext reports whether a value of type t carries a context to whoever
// receives it: a context.Context, a value of another type that implements
// context.Context (a project's own context type, which a call builds from the
// derived context and hands on in its place), or a value with a Context()
// context.Context method (an *http.Request).
func carriesContext(t types.Type) bool {
	if knowledge.IsType(t, "context", "Context") || implementsContext(t) {
		return true
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "Context")
	m, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig := m.Signature()
	return sig.Params().Len() == 0 && sig.Results().Len() == 1 && knowledge.IsType(sig.Results().At(0).Type(), "context", "Context")
}

// implementsContext reports whether t, or a pointer to it, has the methods of
// context.Context: Deadline() (time.Time, bool), Done() <-chan struct{}, Err()
// error and Value(key any) any. A value of such a type is a context wherever it
// goes: whoever receives it waits on its Done channel as on the context inside.
// The methods are matched by name and shape, since the package that defines t
// need not be one that declares context.Context's type for us to compare with.
func implementsContext(t types.Type) bool {
	shapes := []struct {
		name            string
		params, results int
	}{{"Deadline", 0, 2}, {"Done", 0, 1}, {"Err", 0, 1}, {"Value", 1, 1}}
	for _, m := range shapes {
		obj, _, _ := types.LookupFieldOrMethod(t, true, nil, m.name)
		fn, ok := obj.(*types.Func)
		if !ok {
			return false
		}
		sig := fn.Signature()
		if sig.Params().Len() != m.params || sig.Results().Len() != m.results {
			return false
		}
		if m.name == "Done" {
			ch, ok := sig.Results().At(0).Type().Underlying().(*types.Chan)
			if !ok || ch.Dir() != types.RecvOnly {
				return false
			}
		}
	}
	return true
}
