package deferloop

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/knowledge"
	"github.com/deferlint/deferlint/internal/loops"
	"github.com/deferlint/deferlint/internal/resources"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"
)

// This file recognises loops whose deferred calls are meant for function return: the
// author defers on purpose, and the report would be noise.

// handedOn reports whether the value the deferred call releases outlives the
// iteration because the iteration hands it on: the call's operand is an element or
// field of a variable declared outside the loop that the loop assigns (conns[i], _ =
// dial(addr); defer conns[i].Close()), a variable declared outside the loop carries
// it to the next iteration or past the loop (carried), or one of vars (see
// releasedVars) escapes the iteration (escapes).
func handedOn(info *types.Info, fnBody *ast.BlockStmt, loop ast.Stmt, stmt *ast.DeferStmt, call *ast.CallExpr, vars []*types.Var) bool {
	body := loops.Body(loop)
	if body == nil {
		return false
	}
	return storedElement(info, loop, body, call) || carried(info, fnBody, loop, body, stmt, vars) || escapes(info, loop, body, stmt, vars)
}

// storedElement reports whether the receiver or an argument of call is an element or
// field of a variable declared outside loop (conns[i], s.conn), written as such by an
// assignment in body: the value lives in that variable after the iteration.
func storedElement(info *types.Info, loop ast.Stmt, body *ast.BlockStmt, call *ast.CallExpr) bool {
	operands := append([]ast.Expr(nil), call.Args...)
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		operands = append(operands, sel.X)
	}
	written := make(map[string]bool)
	ast.Inspect(body, func(n ast.Node) bool {
		if a, ok := n.(*ast.AssignStmt); ok && a.Tok == token.ASSIGN {
			for _, lhs := range a.Lhs {
				written[types.ExprString(ast.Unparen(lhs))] = true
			}
		}
		return true
	})
	for _, e := range operands {
		e = ast.Unparen(e)
		if _, plain := e.(*ast.Ident); plain {
			continue
		}
		if v := flow.RootVar(info, e); v != nil && !declaredIn(loop, v) && written[types.ExprString(e)] {
			return true
		}
	}
	return false
}

// carried reports whether one of vars is declared outside loop, and the loop reads it
// before assigning it (srv = restart(srv)) or the function reads it after the loop:
// the value assigned in one iteration is used beyond it.
func carried(info *types.Info, fnBody *ast.BlockStmt, loop ast.Stmt, body *ast.BlockStmt, stmt *ast.DeferStmt, vars []*types.Var) bool {
	for _, v := range vars {
		if declaredIn(loop, v) {
			continue
		}
		if first := firstAssignment(info, body, v); first != nil && readIn(info, body, v, body.Pos(), first.End(), stmt) {
			return true
		}
		if readIn(info, fnBody, v, loop.End(), fnBody.End(), nil) {
			return true
		}
	}
	return false
}

// firstAssignment returns the first assignment statement of body (outside function
// literals) that assigns v, or nil.
func firstAssignment(info *types.Info, body *ast.BlockStmt, v *types.Var) *ast.AssignStmt {
	var first *ast.AssignStmt
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && info.ObjectOf(id) == v {
					first = n
				}
			}
		}
		return first == nil
	})
	return first
}

// escapes reports whether the iteration hands one of vars on, so that it must outlive
// the iteration: captured by or passed to a go statement, stored by plain assignment
// into a variable declared outside the loop (listeners = append(listeners, l),
// s.conn = c, conns[i] = c, but not _, err = io.Copy(w, f)) or as a key of a map
// declared outside it (seen[s] = true), passed to a
// standard-library function that keeps it (resources.StdKeeps:
// pprof.StartCPUProfile(f)), or sent on a channel; a context among vars is passed
// to a call that may keep it (see handsContextOn); or
// a deferred context cancel func comes from an assignment that stores its context
// outside the loop (ctx, cancel = context.WithTimeout(...)).
func escapes(info *types.Info, loop ast.Stmt, body *ast.BlockStmt, stmt *ast.DeferStmt, vars []*types.Var) bool {
	if len(vars) == 0 {
		return false
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
	outside := func(e ast.Expr) bool { return declaredOutside(info, loop, e) }
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found || n == stmt {
			return false
		}
		switch n := n.(type) {
		case *ast.GoStmt:
			found = mentionsAny(info, n, vars)
		case *ast.CallExpr:
			// pprof.StartCPUProfile(f): the standard library keeps the value.
			if fn, ok := typeutil.Callee(info, n).(*types.Func); ok && resources.StdKeeps(fn) {
				found = slices.ContainsFunc(n.Args, stores)
			}
			// ctr.Start(initCtx, ...): code the pass cannot see may keep the context.
			found = found || handsContextOn(info, n, vars)
		case *ast.SendStmt:
			found = mentionsAny(info, n.Value, vars)
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				break
			}
			for _, lhs := range n.Lhs {
				if outside(lhs) {
					for _, rhs := range n.Rhs {
						found = found || stores(rhs)
					}
					// seen[v] = true: the map keeps its keys as well as its values.
					if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok && isMap(info, ix.X) {
						found = found || stores(ix.Index)
					}
				}
			}
			// ctx, cancel = context.WithTimeout(...): the context outlives the iteration.
			if len(n.Lhs) == 2 && len(n.Rhs) == 1 && outside(n.Lhs[0]) {
				if id, ok := ast.Unparen(n.Lhs[1]).(*ast.Ident); ok {
					if v, ok := info.Uses[id].(*types.Var); ok && knowledge.IsType(v.Type(), "context", "CancelFunc", "CancelCauseFunc") {
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

// handsContextOn reports whether call passes, as one of its arguments, a variable
// of vars of type context.Context (the context beside a deferred cancel func, see
// siblings) to a callee the pass cannot see, an interface method or a function
// value (a call whose static callee is unknown, not a conversion or a builtin),
// that returns a value that may hold it (see mayHoldReference: not only errors,
// numbers and strings). Such a call may have started work under the context that
// outlives it, and hands back its handle (buildkit's gateway starts a container
// process with proc, err := ctr.Start(initCtx, ...), the process running under
// initCtx until it exits): the deferred cancel is the context's only release,
// and cancelling at the end of the iteration, as the advice says, would stop
// that work. The context's life is not the iteration's. ctxcancel makes the same
// judgement of an interface method or a function value for its defer fix and
// advice. A call that returns only an error or plain values (if try(pctx) == nil,
// an attempt) has done with the context when it returns, as has a function the
// package names (work(ctx)): both stay reported.
func handsContextOn(info *types.Info, call *ast.CallExpr, vars []*types.Var) bool {
	if tv, ok := info.Types[call.Fun]; ok && (tv.IsType() || tv.IsBuiltin()) {
		return false // a conversion or a builtin keeps nothing
	}
	if typeutil.StaticCallee(info, call) != nil || !resultsMayHold(info.TypeOf(call)) {
		return false
	}
	return slices.ContainsFunc(call.Args, func(arg ast.Expr) bool {
		id, ok := ast.Unparen(arg).(*ast.Ident)
		if !ok {
			return false
		}
		v, ok := info.Uses[id].(*types.Var)
		return ok && slices.Contains(vars, v) && knowledge.IsType(v.Type(), "context", "Context")
	})
}

// resultsMayHold reports whether a call's result type t (a tuple for several
// results) has a result that may hold a reference (see mayHoldReference); false
// for no result.
func resultsMayHold(t types.Type) bool {
	if t == nil {
		return false
	}
	if tuple, ok := t.(*types.Tuple); ok {
		for v := range tuple.Variables() {
			if mayHoldReference(v.Type()) {
				return true
			}
		}
		return false
	}
	return mayHoldReference(t)
}

// isMap reports whether e is of map type.
func isMap(info *types.Info, e ast.Expr) bool {
	t := info.TypeOf(e)
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Map)
	return ok
}

// onceGuarded reports whether the defer at cur lies in a branch of an if statement
// inside loop whose condition reads a variable declared outside the loop, which that
// branch sets by plain assignment and nothing else in the loop assigns (if !held {
// mu.Lock(); defer mu.Unlock(); held = true }): the branch closes its own guard, a
// latch, so the defer runs in one iteration at most. A counter (n++, n += 1) guards
// a count, not one iteration, and a guard the branch leaves alone (if i == 0, if
// !held without held = true) proves nothing: both stay reported.
func onceGuarded(info *types.Info, cur inspector.Cursor, loop ast.Stmt) bool {
	body := loops.Body(loop)
	if body == nil {
		return false
	}
	for c := range cur.Enclosing((*ast.IfStmt)(nil)) {
		ifStmt := c.Node().(*ast.IfStmt)
		if !within(body, ifStmt) {
			return false
		}
		var branch ast.Stmt = ifStmt.Body
		if !within(ifStmt.Body, cur.Node()) {
			branch = ifStmt.Else
		}
		for _, v := range condVars(info, ifStmt.Cond) {
			if !declaredIn(loop, v) && latches(info, branch, v) && !assignedBeside(info, loop, branch, v) {
				return true
			}
		}
	}
	return false
}

// within reports whether inner lies inside outer.
func within(outer, inner ast.Node) bool {
	return outer != nil && outer.Pos() <= inner.Pos() && inner.End() <= outer.End()
}

// condVars returns the variables an if condition reads.
func condVars(info *types.Info, cond ast.Expr) []*types.Var {
	var vars []*types.Var
	ast.Inspect(cond, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok && !v.IsField() && !slices.Contains(vars, v) {
				vars = append(vars, v)
			}
		}
		return true
	})
	return vars
}

// latches reports whether branch sets v by a plain assignment (held = true, conn =
// c), outside function literals.
func latches(info *types.Info, branch ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(branch, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN {
				found = found || slices.ContainsFunc(n.Lhs, func(e ast.Expr) bool { return isVar(info, e, v) })
			}
		}
		return !found
	})
	return found
}

// assignedBeside reports whether loop, outside branch and function literals,
// assigns v (an assignment, ++ or --, a range header, the post statement): the
// guard could open again.
func assignedBeside(info *types.Info, loop ast.Stmt, branch ast.Node, v *types.Var) bool {
	is := func(e ast.Expr) bool { return e != nil && isVar(info, e, v) }
	found := false
	ast.Inspect(loop, func(n ast.Node) bool {
		if n == branch {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			found = found || slices.ContainsFunc(n.Lhs, is)
		case *ast.IncDecStmt:
			found = found || is(n.X)
		case *ast.RangeStmt:
			found = found || is(n.Key) || is(n.Value)
		}
		return !found
	})
	return found
}

// isVar reports whether e is an identifier naming v.
func isVar(info *types.Info, e ast.Expr, v *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && info.ObjectOf(id) == v
}

// releasedEachIteration reports whether the deferred call is only a safety net: the
// iteration ends the value itself (f.Close(), if err := f.Close(); ...; see
// endsValue), or the one field the deferred method releases (see fieldRelease), or,
// for a deferred Stop of a timer, receives from the timer's channel, so that the
// timer has fired (see timerFired), on every path from the defer that comes round
// to the loop's next iteration, so the defer acts only when the iteration leaves
// early (a return, a t.Fatal). Nothing is held per iteration. For a loop built with goto (loop nil),
// the paths that come round are those that reach the defer statement again. A
// response body read to its end before the defer, on every path to it (see
// drainedBeforeDefer), has likewise nothing left for the deferred Close.
func releasedEachIteration(pass *analysis.Pass, g *flow.Graph, region *ast.BlockStmt, loop ast.Stmt, stmt *ast.DeferStmt, call *ast.CallExpr) bool {
	info := pass.TypesInfo
	if drainedBeforeDefer(info, g, region, stmt, call) {
		return true // io.Copy(io.Discard, resp.Body); defer resp.Body.Close(): nothing left to release
	}
	ends := endsValue(info, call)
	viaField := fieldRelease(pass, region, call)
	guards := nilGuardedReleases(info, loop, call)
	drained := drainedRows(pass, region, call)
	fired, firedCase := timerFired(info, region, call)
	releases := func(n ast.Node) bool {
		if _, isDefer := n.(*ast.DeferStmt); isDefer {
			return false
		}
		if cond, ok := n.(ast.Expr); ok && guards[cond] {
			return true // if x != nil { x.Close() }: released, or nil and nothing to release
		}
		if cond, ok := n.(ast.Expr); ok && drained[cond] {
			return true // for x.Next() { ... } to its end: Next closed the rows
		}
		if fired != nil && fired(n) {
			return true // <-t.C: the timer has fired, nothing is left to stop
		}
		found := false
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.CallExpr:
				found = found || ends(n) || viaField != nil && viaField(n)
			}
			return !found
		})
		return found || drainsBody(info, n, call)
	}
	decoded := decodedToEOF(info, region, call)
	stopBlock := func(b *cfg.Block) bool {
		return firedCase != nil && firedCase(b) || // case <-t.C: the timer has fired
			decoded != nil && decoded(b) // if err == io.EOF: the decoder read the body to its end
	}
	reach := g.ReachWithoutBlocks(stmt.Pos(), releases, stopBlock)
	if loop == nil {
		return !reach.Pos(stmt.Pos())
	}
	return !reach.Iterates(loop)
}

// endsValue returns a test of whether a call ends the life of the value that the
// deferred call releases, so that the deferred call has nothing left to do: the
// same call (f.Close() for defer f.Close()), or another method on the same
// receiver, as written, that ends it as the deferred one does (see endingMethods:
// tx.Commit() for defer tx.Rollback()). Any result counts: a call that fails to end
// the value does not hand it back for the defer to end either (a Commit that fails
// has still ended the transaction).
func endsValue(info *types.Info, call *ast.CallExpr) func(*ast.CallExpr) bool {
	want := types.ExprString(call)
	callee := typeutil.Callee(info, call)
	var recv string
	var methods []string
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		recv, methods = types.ExprString(ast.Unparen(sel.X)), endingMethods(info, sel)
	}
	return func(n *ast.CallExpr) bool {
		if typeutil.Callee(info, n) == callee && types.ExprString(n) == want {
			return true
		}
		sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
		if !ok || !slices.Contains(methods, sel.Sel.Name) || types.ExprString(ast.Unparen(sel.X)) != recv {
			return false
		}
		s, ok := info.Selections[sel]
		return ok && s.Kind() == types.MethodVal
	}
}

// catalogue is the built-in catalogue of resources (read only): which methods
// release a kind of value.
var catalogue = resources.NewCatalogue(nil)

// endingMethods returns the methods that end the value a deferred method call sel
// releases, as that method does, when the value is of a kind that more than one
// method ends:
//
//   - a kind of the resource catalogue (resources.Catalogue) with several release
//     methods, any of which ends it (a *sql.Tx: Commit or Rollback), unless the kind
//     is a writer, whose Flush writes out what it buffered but leaves it open;
//   - a transaction outside the catalogue (pgx.Tx, a project's own), a type with
//     both methods Commit and Rollback, for a deferred Rollback: Commit ends a
//     transaction as Rollback does, whatever its outcome (database/sql marks the
//     transaction done and returns its connection even when the commit fails, and
//     a Rollback after it only returns ErrTxDone), so a deferred Rollback after a
//     Commit is the idiom's safety net, with nothing left to release.
func endingMethods(info *types.Info, sel *ast.SelectorExpr) []string {
	t := info.TypeOf(sel.X)
	if t == nil {
		return nil
	}
	if k := catalogue.KindOf(t); k != nil {
		if k.Writer || !slices.Contains(k.Release, sel.Sel.Name) {
			return nil
		}
		return k.Release
	}
	if sel.Sel.Name == "Rollback" && hasMethod(t, "Commit") {
		return []string{"Commit"}
	}
	return nil
}

// hasMethod reports whether t, or a pointer to it, has a method named name.
func hasMethod(t types.Type, name string) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	_, ok := obj.(*types.Func)
	return ok
}

// nilGuardedReleases returns the conditions x != nil, in loop, of if statements
// whose body makes the deferred call x.M() as one of its own statements (if
// me.file != nil { _ = me.file.Close() }). A path through such a condition either
// releases the value or finds it nil, with nothing to release: runc's restore loop
// closes each file at the end of the iteration under the same guard as its
// deferred Close.
func nilGuardedReleases(info *types.Info, loop ast.Stmt, call *ast.CallExpr) map[ast.Expr]bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || loop == nil {
		return nil
	}
	recv, want := types.ExprString(sel.X), types.ExprString(call)
	guards := make(map[ast.Expr]bool)
	ast.Inspect(loop, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if n.Else == nil && testsNonNil(info, n.Cond, recv) && makesCall(n.Body, want) {
				guards[n.Cond] = true
			}
		}
		return true
	})
	return guards
}

// testsNonNil reports whether cond is e != nil (or nil != e) for the expression
// written recv.
func testsNonNil(info *types.Info, cond ast.Expr, recv string) bool {
	x, equal, ok := flow.ComparedWithNil(info, cond)
	return ok && !equal && types.ExprString(ast.Unparen(x)) == recv
}

// makesCall reports whether one of body's own statements is the call written
// want, alone or assigned to the blank identifier (_ = x.Close()).
func makesCall(body *ast.BlockStmt, want string) bool {
	for _, s := range body.List {
		if call, ok := ast.Unparen(statementValue(s)).(*ast.CallExpr); ok && types.ExprString(call) == want {
			return true
		}
	}
	return false
}

// drainsBody reports whether the node n, a statement or expression of the loop,
// reads to its end the response body that the deferred call closes: call is
// x.Body.Close() on a field Body of interface type (a response of net/http, or of a
// client built on it), and n reads x.Body with io.ReadAll (ioutil.ReadAll), or
// copies it with io.Copy or io.CopyBuffer (if _, err := io.Copy(f, res.Body); err
// != nil { return err }). A response body that reaches its end hands its connection
// back to the pool, and one whose read fails has its connection closed: either way
// the Close deferred has nothing left to release. A copy stops early when a write
// fails, leaving the body unread: taken as read all the same, since code going on
// after a failed write it did not check has a worse problem than the body.
func drainsBody(info *types.Info, n ast.Node, call *ast.CallExpr) bool {
	body := closedBody(info, call)
	if body == nil {
		return false
	}
	want := types.ExprString(body)
	reads := func(e ast.Expr) bool { return types.ExprString(ast.Unparen(e)) == want }
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		switch m := m.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			fn := typeutil.Callee(info, m)
			switch {
			case knowledge.IsFunc(fn, "io", "ReadAll"), knowledge.IsFunc(fn, "io/ioutil", "ReadAll"):
				found = found || len(m.Args) == 1 && reads(m.Args[0])
			case knowledge.IsFunc(fn, "io", "Copy", "CopyBuffer"):
				found = found || len(m.Args) >= 2 && reads(m.Args[1])
			}
		}
		return !found
	})
	return found
}

// closedBody returns x.Body for a call x.Body.Close() whose Body is a field of
// interface type (io.ReadCloser), the shape of a response's body; else nil.
func closedBody(info *types.Info, call *ast.CallExpr) ast.Expr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Close" || len(call.Args) > 0 {
		return nil
	}
	body, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
	if !ok || body.Sel.Name != "Body" {
		return nil
	}
	field, ok := info.Selections[body]
	if !ok || field.Kind() != types.FieldVal || !types.IsInterface(field.Type()) {
		return nil
	}
	return body
}

// actsOnOutcome reports whether the deferred call is a function literal that acts on
// the function's outcome: each of its statements is an if statement whose condition
// reads a named result of the function (defer func() { if err != nil { x.Close() }
// }()). The outcome is known only at return; run at the end of the iteration, the
// literal would see no failure yet.
func actsOnOutcome(info *types.Info, fnType *ast.FuncType, deferred *ast.CallExpr) bool {
	lit, ok := ast.Unparen(deferred.Fun).(*ast.FuncLit)
	if !ok || lit.Body == nil || len(lit.Body.List) == 0 {
		return false
	}
	results := namedResults(info, fnType)
	if len(results) == 0 {
		return false
	}
	for _, s := range lit.Body.List {
		ifStmt, ok := s.(*ast.IfStmt)
		if !ok || !mentionsAny(info, ifStmt.Cond, results) {
			return false
		}
	}
	return true
}

// writesResult reports whether the deferred call is a function literal that writes a
// named result of the function (defer func() { inf = refine(inf) }()): a result is
// read only by the caller, after the return, so the literal is meant to run at
// return, whatever the loop; at the end of the iteration its write would be
// overwritten or read by nothing.
func writesResult(info *types.Info, fnType *ast.FuncType, deferred *ast.CallExpr) bool {
	lit, ok := ast.Unparen(deferred.Fun).(*ast.FuncLit)
	if !ok || lit.Body == nil {
		return false
	}
	results := namedResults(info, fnType)
	if len(results) == 0 {
		return false
	}
	writes := func(e ast.Expr) bool {
		v := flow.RootVar(info, e)
		return v != nil && slices.Contains(results, v)
	}
	found := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			found = found || n.Tok != token.DEFINE && slices.ContainsFunc(n.Lhs, writes)
		case *ast.IncDecStmt:
			found = found || writes(n.X)
		}
		return !found
	})
	return found
}

// releasesHeld reports whether a call inside the deferred function literal releases
// what the iteration acquired (see heldPerIteration): a literal that closes the
// iteration's file and records the failure in the function's error (defer func() {
// if cerr := f.Close(); cerr != nil { err = cerr } }()) keeps one file open per
// iteration, whatever it writes.
func releasesHeld(pass *analysis.Pass, deferred *ast.CallExpr, region *ast.BlockStmt) bool {
	found := false
	ast.Inspect(deferred.Fun, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && heldPerIteration(pass, call, region) != "" {
			found = true
		}
		return !found
	})
	return found
}

// namedResults returns the named results of a function type.
func namedResults(info *types.Info, fnType *ast.FuncType) []*types.Var {
	if fnType == nil || fnType.Results == nil {
		return nil
	}
	var results []*types.Var
	for _, field := range fnType.Results.List {
		for _, name := range field.Names {
			if v, ok := info.Defs[name].(*types.Var); ok {
				results = append(results, v)
			}
		}
	}
	return results
}

// releasesLastValue reports whether the deferred call is a function literal,
// without arguments, that captures no variable declared in the loop, and whose
// calls on variables the loop assigns (cancel() for a cancel the loop sets) are
// each made by the loop body too, outside function literals, before the body's
// first assignment of that variable (if cancel != nil { cancel(); cancel = nil }
// at the top of an attempt). A literal reads the variables it captures when it
// runs, at return: every deferred copy acts on their final values, the last
// iteration's, and holds no iteration's own value; the loop releases each
// earlier value itself before replacing it. The defer is the safety net for the
// value current at return, which a call at the end of the iteration would release
// too early (anthropic-sdk-go's send, a timeout per attempt whose cancel may be
// handed to the response body). A loop that replaces the value without releasing
// it first (f, _ = os.Open(p); defer func() { f.Close() }()) leaks every earlier
// one: reported.
func releasesLastValue(info *types.Info, loop ast.Stmt, body *ast.BlockStmt, deferred *ast.CallExpr) bool {
	lit, ok := ast.Unparen(deferred.Fun).(*ast.FuncLit)
	if !ok || lit.Body == nil || len(deferred.Args) > 0 {
		return false
	}
	captured := false
	var calls []*ast.CallExpr
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if v, ok := info.Uses[n].(*types.Var); ok && declaredIn(loop, v) {
				captured = true
			}
		case *ast.CallExpr:
			calls = append(calls, n)
		}
		return !captured
	})
	if captured {
		return false
	}
	released := false
	for _, c := range calls {
		v := flow.RootVar(info, c.Fun)
		if v == nil || !assignedIn(info, body, v) {
			continue
		}
		first := firstAssignment(info, body, v)
		if first == nil || !callsBefore(body, types.ExprString(c), first.Pos()) {
			return false
		}
		released = true
	}
	return released
}

// callsBefore reports whether body makes the call written want before pos,
// outside function literals.
func callsBefore(body *ast.BlockStmt, want string, pos token.Pos) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			found = found || n.Pos() < pos && types.ExprString(n) == want
		}
		return !found
	})
	return found
}

// releasesListed reports whether the loop ranges over a composite literal that lists
// variables the function holds (for _, m := range [...]*memDB{em, fm}), and the
// deferred call releases the element and nothing the iteration acquired: every
// variable the call reaches is the range value or declared outside the loop, the
// body assigns none of them, and nothing in the body before the defer passes the
// value to a call or calls a method on it (mu.Lock(), wg.Add(1)), which could
// acquire something. Such a loop is the defers of the listed values written once:
// it releases at return what the function held before the loop, as many times as
// the literal lists. A list of constants ([]string{"a", "b"}) holds nothing, and a
// slice (closeAll(fs)) no count the code shows: both stay reported.
func releasesListed(info *types.Info, loop ast.Stmt, body *ast.BlockStmt, stmt *ast.DeferStmt, call *ast.CallExpr) bool {
	r, ok := loop.(*ast.RangeStmt)
	if !ok || !listsHeldVariables(info, r) {
		return false
	}
	id, ok := r.Value.(*ast.Ident)
	if !ok {
		return false
	}
	elem, ok := info.ObjectOf(id).(*types.Var)
	if !ok {
		return false
	}
	viaElement := false
	for _, v := range operandRoots(info, call) {
		if assignedIn(info, body, v) || declaredIn(body, v) {
			return false
		}
		if v == elem {
			viaElement = true
		} else if declaredIn(loop, v) {
			return false
		}
	}
	return viaElement && !passedBefore(info, body, stmt, elem)
}

// listsHeldVariables reports whether r ranges over a composite literal whose elements
// are all variables, or fields of variables, declared outside r.
func listsHeldVariables(info *types.Info, r *ast.RangeStmt) bool {
	lit, ok := ast.Unparen(r.X).(*ast.CompositeLit)
	if !ok || len(lit.Elts) == 0 {
		return false
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			elt = kv.Value
		}
		switch ast.Unparen(elt).(type) {
		case *ast.Ident, *ast.SelectorExpr:
		default:
			return false
		}
		v := flow.RootVar(info, elt)
		if v == nil || declaredIn(r, v) {
			return false
		}
	}
	return true
}

// passedBefore reports whether body, before stmt, calls a method on v or passes v
// (or an expression rooted in it) to a call, outside function literals.
func passedBefore(info *types.Info, body *ast.BlockStmt, stmt *ast.DeferStmt, v *types.Var) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found || n == nil || n.Pos() >= stmt.Pos() {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			for _, w := range operandRoots(info, n) {
				found = found || w == v
			}
		}
		return !found
	})
	return found
}

// heldForTest reports whether a loop in test code sets up what the test holds until
// it ends: the loop body acquires one of vars (assigns it) and goes on using it after
// the defer (c := dial(); defer c.Close(); c.Write(...)), as a test does that needs
// every connection open while it exercises them. A test's function ends with the
// test, so nothing piles up beyond it.
func heldForTest(info *types.Info, body *ast.BlockStmt, stmt *ast.DeferStmt, vars []*types.Var) bool {
	for _, v := range vars {
		if assignedIn(info, body, v) && readIn(info, body, v, stmt.End(), body.End(), nil) {
			return true
		}
	}
	return false
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

// statementValue returns the value a statement computes on its own line: the
// expression of an expression statement, or the one right-hand side of an
// assignment (v := <-ch, _ = x.Close()); nil for any other statement.
func statementValue(s ast.Stmt) ast.Expr {
	switch s := s.(type) {
	case *ast.ExprStmt:
		return s.X
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			return s.Rhs[0]
		}
	}
	return nil
}

// gotoLatched reports whether the defer at stmt, in the function at fn whose
// graph is g, comes round again only through gotos in latched branches: a
// branch of an if whose condition reads a variable declared before the goto's
// label, which the branch sets by plain assignment and which nothing else
// assigns from the label on (if !baseMTU && errors.Is(err, ErrTooBig) { baseMTU
// = true; goto reSplit }; measurement 36: tonutils-go's ADNL query, which
// retries once with a smaller packet size). Each such branch closes its own
// guard, as onceGuarded's does for a loop, so it jumps back once at most, and
// the defer runs at most once more per latch: a count the code fixes. The latch
// is taken on trust, as there: the value assigned is not compared with the
// condition.
func gotoLatched(info *types.Info, g *flow.Graph, fn inspector.Cursor, stmt ast.Node) bool {
	var latched []ast.Node
	for c := range fn.Preorder((*ast.BranchStmt)(nil)) {
		branchStmt := c.Node().(*ast.BranchStmt)
		if branchStmt.Tok != token.GOTO || branchStmt.Label == nil {
			continue
		}
		if branch := latchedBranch(info, fn, c); branch != nil {
			latched = append(latched, branch)
		}
	}
	if len(latched) == 0 {
		return false
	}
	inLatched := func(b *cfg.Block) bool {
		for _, n := range b.Nodes {
			for _, branch := range latched {
				if branch.Pos() <= n.Pos() && n.End() <= branch.End() {
					return true
				}
			}
		}
		return false
	}
	return !g.Repeats(stmt, func(b *cfg.Block) bool { return !inLatched(b) })
}

// latchedBranch returns the branch of an if around the goto at c that latches a
// variable of its condition (see gotoLatched), or nil.
func latchedBranch(info *types.Info, fn, c inspector.Cursor) ast.Node {
	label, region := labelRegion(info, fn, c.Node().(*ast.BranchStmt))
	if label == nil {
		return nil
	}
	for ic := range c.Enclosing((*ast.IfStmt)(nil)) {
		ifStmt := ic.Node().(*ast.IfStmt)
		if !within(fn.Node(), ifStmt) {
			return nil
		}
		var branch ast.Node = ifStmt.Body
		if !within(ifStmt.Body, c.Node()) {
			branch = ifStmt.Else
		}
		for _, v := range condVars(info, ifStmt.Cond) {
			if v.Pos() < label.Pos() && latches(info, branch, v) && !assignedBeside(info, region, branch, v) {
				return branch
			}
		}
	}
	return nil
}

// labelRegion returns the labelled statement that the goto jumps to and the
// statements from it to the end of its block, as one block: what may run again
// after the jump. Nil when the label is not found in the function.
func labelRegion(info *types.Info, fn inspector.Cursor, g *ast.BranchStmt) (*ast.LabeledStmt, *ast.BlockStmt) {
	target, ok := info.Uses[g.Label].(*types.Label)
	if !ok {
		return nil, nil
	}
	for c := range fn.Preorder((*ast.LabeledStmt)(nil)) {
		ls := c.Node().(*ast.LabeledStmt)
		if info.Defs[ls.Label] != target {
			continue
		}
		list, _ := flow.StmtList(c.Parent().Node())
		if i := slices.Index(list, ast.Stmt(ls)); i >= 0 {
			return ls, &ast.BlockStmt{List: list[i:]}
		}
		return nil, nil
	}
	return nil, nil
}

// latchedAfter reports whether the defer at cur, a statement of loop's body
// itself, is followed in that body by a plain assignment of a variable v declared
// outside the loop (done = true), and preceded in it by an if statement whose
// condition reads v and whose branch leaves the loop (if done { break }, or a
// return), while nothing else in the loop assigns v: the iteration that reaches
// the defer closes the guard behind it, and the next one leaves before the
// defer. The defer runs in one iteration at most, a set-up meant to be undone at
// return (k8s system-validators' kernel config reader, which loads the configs
// module once and defers its unloading; measurement 37). The statements between
// the defer and the assignment must not jump (a continue there would skip the
// latch). As with onceGuarded, the value assigned is taken on trust.
func latchedAfter(info *types.Info, cur inspector.Cursor, loop ast.Stmt) bool {
	body := loops.Body(loop)
	if body == nil || cur.Parent().Node() != body {
		return false
	}
	list := body.List
	d := slices.Index(list, ast.Stmt(cur.Node().(*ast.DeferStmt)))
	if d < 0 {
		return false
	}
	for a := d + 1; a < len(list); a++ {
		as, ok := list[a].(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 {
			if jumps(list[a]) {
				return false
			}
			continue
		}
		id, ok := ast.Unparen(as.Lhs[0]).(*ast.Ident)
		if !ok {
			continue
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok || declaredIn(loop, v) || assignedBeside(info, loop, as, v) {
			continue
		}
		if guardsBefore(info, list[:d], v) {
			return true
		}
	}
	return false
}

// guardsBefore reports whether one of stmts is an if statement whose condition
// reads v and whose then branch leaves the loop: it ends with a plain break or a
// return.
func guardsBefore(info *types.Info, stmts []ast.Stmt, v *types.Var) bool {
	for _, s := range stmts {
		ifStmt, ok := s.(*ast.IfStmt)
		if !ok || !slices.Contains(condVars(info, ifStmt.Cond), v) || len(ifStmt.Body.List) == 0 {
			continue
		}
		switch last := ifStmt.Body.List[len(ifStmt.Body.List)-1].(type) {
		case *ast.ReturnStmt:
			return true
		case *ast.BranchStmt:
			if last.Tok == token.BREAK && last.Label == nil {
				return true
			}
		}
	}
	return false
}

// jumps reports whether s holds a break, continue or goto outside function
// literals: one that may skip what follows s. A plain break of a switch inside s
// counts too, which errs on the side of reporting.
func jumps(s ast.Stmt) bool {
	found := false
	ast.Inspect(s, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BranchStmt:
			found = found || n.Tok != token.FALLTHROUGH
		}
		return !found
	})
	return found
}
