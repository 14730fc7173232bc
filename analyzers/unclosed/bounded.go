package unclosed

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/knowledge"
	"github.com/deferlint/deferlint/internal/loops"
	"github.com/deferlint/deferlint/internal/resources"
	"github.com/deferlint/deferlint/internal/testcode"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// commandExits answers whether a function's non-nil error stops the command:
// every call of it tests the error and ends that branch in a call that never
// returns (log.Fatal, os.Exit), in a return from main.main, or in a return of the
// error (a bare return of a named one included) from a function of which the same
// holds. A use of it as a value hands its error to code the analysis cannot
// follow: in package main, a command framework, which returns it to main; in
// another package, only the action field of a known framework's command says so
// (cli.Command{Action: send}). Outside package main an exported function may be
// called from elsewhere and does not qualify. A resource such a function leaks
// only on the way out with an error lives until the process exits a moment later.
// A daemon that logs the error and goes on (a handler, a server loop, a
// goroutine) does not qualify.
type commandExits struct {
	pass  *analysis.Pass
	t     *resources.Tracker
	root  inspector.Cursor
	uses  map[*types.Func][]*ast.Ident
	memo  map[*types.Func]bool
	built bool
	tests bool // -unclosed.tests: a call from test code counts as any other
}

func (x *commandExits) stops(fn *types.Func) bool {
	if done, ok := x.memo[fn]; ok {
		return done
	}
	if !x.built {
		x.built = true
		x.uses = make(map[*types.Func][]*ast.Ident)
		x.memo = make(map[*types.Func]bool)
		for id, obj := range x.pass.TypesInfo.Uses {
			if f, ok := obj.(*types.Func); ok && f.Pkg() == x.pass.Pkg {
				x.uses[f] = append(x.uses[f], id)
			}
		}
	}
	x.memo[fn] = false // a cycle of calls stops nothing
	if len(x.uses[fn]) == 0 || fn.Signature().Recv() != nil && x.dynamic(fn) {
		return false
	}
	if fn.Exported() && x.pass.Pkg.Name() != "main" {
		return false // other packages may call it and go on
	}
	for _, id := range x.uses[fn] {
		if !x.callStops(id) {
			return false
		}
	}
	x.memo[fn] = true
	return true
}

// dynamic reports whether the method fn may be called where its uses do not
// show: it is exported (an interface of another package may name it), or an
// interface of this package declares a method of its name. An unexported method
// that no interface names is called only where its name is written.
func (x *commandExits) dynamic(fn *types.Func) bool {
	if fn.Exported() {
		return true
	}
	for _, obj := range x.pass.TypesInfo.Defs {
		if m, ok := obj.(*types.Func); ok && m.Name() == fn.Name() {
			if recv := m.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
				return true
			}
		}
	}
	return false
}

// callStops reports whether id is the callee of a call whose error, when non-nil,
// stops the command (see commandExits).
func (x *commandExits) callStops(id *ast.Ident) bool {
	info := x.pass.TypesInfo
	c, ok := x.root.FindByPos(id.Pos(), id.End())
	if !ok {
		return false
	}
	if enclosing, ok := loops.EnclosingFunc(c); ok && !x.tests && testcode.Encloses(x.pass, enclosing) {
		// A test that calls the function (and goes on after its error, as a
		// table of cases for the error does) is bounded by the test run: what
		// the function leaks there lives no longer than the test binary, the
		// default of test code (see doc.go), so it does not count against the
		// command's callers (measurement 12: krew's install_test.go).
		return true
	}
	fun := ast.Node(id)
	if sel, ok := c.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel == id {
		c, fun = c.Parent(), sel // c.edit(cfg): a method, or a function of another package's name
	}
	callCur := c.Parent()
	call, ok := callCur.Node().(*ast.CallExpr)
	if !ok || call.Fun != fun {
		// A function value: its error goes where the command's framework sends
		// it. In package main any framework does; elsewhere, only a known one's
		// action field says so (Action: send in a cli.Command).
		return x.pass.Pkg.Name() == "main" || isCommandAction(info, c)
	}
	fnCur, ok := loops.EnclosingFunc(callCur)
	if !ok {
		return false
	}
	// The call's error branch stops the command when it ends in a call that
	// never returns, which ends the process wherever it runs, in a function
	// literal too (the Run field of a cobra command, written in place); or when
	// it returns the error from a function whose error stops the command: a
	// declared one of which the same holds, or a literal that is a command's
	// action (RunE: func(...) error {...}), which returns it to main. A literal
	// elsewhere (a goroutine, a handler) returns its error to code not seen.
	var caller *types.Func // nil for a function literal
	if decl, ok := fnCur.Node().(*ast.FuncDecl); ok {
		if caller, ok = info.Defs[decl.Name].(*types.Func); !ok {
			return false
		}
	}
	errorStops := func() bool {
		if caller == nil {
			return isCommandAction(info, fnCur)
		}
		return x.stops(caller)
	}
	switch p := callCur.Parent().Node().(type) {
	case *ast.ReturnStmt:
		return len(p.Results) > 0 && p.Results[len(p.Results)-1] == call && errorStops()
	case *ast.AssignStmt:
		if len(p.Rhs) != 1 || len(p.Lhs) == 0 {
			return false
		}
		errID, ok := p.Lhs[len(p.Lhs)-1].(*ast.Ident)
		if !ok {
			return false
		}
		errVar, ok := info.ObjectOf(errID).(*types.Var)
		if !ok {
			return false
		}
		var next ast.Stmt
		if ifs, ok := callCur.Parent().Parent().Node().(*ast.IfStmt); ok && ifs.Init == p {
			next = ifs
		} else if list, index := stmtList(callCur, p); list != nil && index+1 < len(list) {
			next = list[index+1]
		}
		switch next := next.(type) {
		case *ast.IfStmt:
			return isNonNil(info, next.Cond, errVar) && x.branchStops(next.Body, caller, errVar, errorStops)
		case *ast.ExprStmt:
			return x.assertsNil(next, errVar) // fisk.FatalIfError(err, ...), must(err)
		}
	}
	return false
}

// assertsNil reports whether s is a call that returns only when errVar is nil
// (an Asserts fact, testify's require.NoError, the Fatal convention's
// FatalIfError): on a non-nil error it panics, exits or ends the goroutine,
// and in a command the process ends.
func (x *commandExits) assertsNil(s *ast.ExprStmt, errVar *types.Var) bool {
	call, ok := ast.Unparen(s.X).(*ast.CallExpr)
	if !ok {
		return false
	}
	for _, a := range x.t.Assertions(call) {
		if id, ok := ast.Unparen(a.Arg).(*ast.Ident); ok && a.Error && !a.Holds && x.pass.TypesInfo.Uses[id] == errVar {
			return true
		}
	}
	return false
}

// branchStops reports whether the error branch body, in caller (nil for a
// function literal), stops the command; errorStops says whether returning the
// error from caller does. In a literal, a panic is no such end: the code that
// calls the literal may recover it (net/http's server recovers a handler's).
func (x *commandExits) branchStops(body *ast.BlockStmt, caller *types.Func, errVar *types.Var, errorStops func() bool) bool {
	if len(body.List) == 0 {
		return false
	}
	switch last := body.List[len(body.List)-1].(type) {
	case *ast.ExprStmt:
		call, ok := ast.Unparen(last.X).(*ast.CallExpr)
		return ok && !x.t.MayReturn(call) && (caller != nil || !flow.CallsBuiltin(x.pass.TypesInfo, call, "panic"))
	case *ast.ReturnStmt:
		if caller != nil && caller.Name() == "main" && caller.Signature().Recv() == nil && caller.Pkg().Name() == "main" {
			return true
		}
		if len(last.Results) == 0 {
			return caller != nil && namedError(caller) == errVar && errorStops() // fnames, err = getStdin(); if err != nil { return }
		}
		return flow.Mentions(x.pass.TypesInfo, last.Results[len(last.Results)-1], errVar) && errorStops()
	}
	return false
}

// isCommandAction reports whether the function value at c is the value of a
// field of a command-line framework's command (see knowledge.CommandField):
// cli.Command{Action: send}.
func isCommandAction(info *types.Info, c inspector.Cursor) bool {
	_, ok := knowledge.CommandField(info, c)
	return ok
}

// namedError returns fn's last result when it is a named error, or nil.
func namedError(fn *types.Func) *types.Var {
	results := fn.Signature().Results()
	if results.Len() == 0 {
		return nil
	}
	last := results.At(results.Len() - 1)
	if last.Name() == "" || !types.Identical(last.Type(), types.Universe.Lookup("error").Type()) {
		return nil
	}
	return last
}

// isNonNil reports whether cond is v != nil (or nil != v).
func isNonNil(info *types.Info, cond ast.Expr, v *types.Var) bool {
	x, equal, ok := flow.ComparedWithNil(info, cond)
	id, isIdent := ast.Unparen(x).(*ast.Ident)
	return ok && !equal && isIdent && info.Uses[id] == v
}

// onlyErrorExits reports whether every return in leaks returns a non-nil error:
// its last result is a call of type error (fmt.Errorf(...)) or a variable that an
// if around the return tested against nil (if err != nil { return err }).
func onlyErrorExits(info *types.Info, fn inspector.Cursor, leaks []*ast.ReturnStmt) bool {
	if len(leaks) == 0 {
		return false
	}
	for _, ret := range leaks {
		if len(ret.Results) == 0 {
			// A bare return of a named error under if err != nil.
			c, found := fn.FindNode(ret)
			named := namedErrorOf(info, fn)
			if !found || named == nil || !testedNonNil(info, c, fn, named) {
				return false
			}
			continue
		}
		last := ast.Unparen(ret.Results[len(ret.Results)-1])
		t := info.TypeOf(last)
		if t == nil || !types.Identical(t, errorType) && !types.Identical(t.Underlying(), errorType) {
			return false
		}
		switch e := last.(type) {
		case *ast.CallExpr:
			continue
		case *ast.Ident:
			v, ok := info.Uses[e].(*types.Var)
			c, found := fn.FindNode(ret)
			if !ok || !found || !testedNonNil(info, c, fn, v) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// testedNonNil reports whether the node at c lies in the body of an if, within
// fn, whose condition is v != nil.
func testedNonNil(info *types.Info, c, fn inspector.Cursor, v *types.Var) bool {
	for e := range c.Enclosing((*ast.IfStmt)(nil)) {
		if !fn.Contains(e) {
			break
		}
		ifs := e.Node().(*ast.IfStmt)
		if isNonNil(info, ifs.Cond, v) && ifs.Body.Pos() <= c.Node().Pos() && c.Node().End() <= ifs.Body.End() {
			return true
		}
	}
	return false
}

// namedErrorOf returns the named error result of the function declared at fn, or nil.
func namedErrorOf(info *types.Info, fn inspector.Cursor) *types.Var {
	decl, ok := fn.Node().(*ast.FuncDecl)
	if !ok {
		return nil
	}
	obj, ok := info.Defs[decl.Name].(*types.Func)
	if !ok {
		return nil
	}
	return namedError(obj)
}

// stopsCommand reports whether the function at fn leaks the resource only on
// paths that return a non-nil error, and its callers stop the command on that
// error (see commandExits): the process exits a moment later.
func stopsCommand(pass *analysis.Pass, exits *commandExits, fn inspector.Cursor, r *tracked) bool {
	if lit, ok := fn.Node().(*ast.FuncLit); ok {
		// RunE: func(cmd *cobra.Command, args []string) error {...}: a command's
		// action written in place returns its error to main.
		sig, _ := pass.TypesInfo.TypeOf(lit).(*types.Signature)
		return sig != nil && isCommandAction(pass.TypesInfo, fn) && onlyErrorExits(pass.TypesInfo, fn, r.leaks)
	}
	decl, ok := fn.Node().(*ast.FuncDecl)
	if !ok {
		return false
	}
	obj, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
	return ok && onlyErrorExits(pass.TypesInfo, fn, r.leaks) && exits.stops(obj)
}

// overwritten returns the uses of v in body that assign it a new value (rows, err
// = db.Query(...)), or, for a resource held through its Body field, assign the
// field a new one (resp.Body = io.NopCloser(&buf)): the old value is dropped
// there, not handed on.
func overwritten(info *types.Info, body *ast.BlockStmt, v *types.Var, k *resources.Kind) map[*ast.Ident]bool {
	over := make(map[*ast.Ident]bool)
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok {
			for _, l := range as.Lhs {
				if id := assignedHolder(info, l, v, k); id != nil {
					over[id] = true
				}
			}
		}
		return true
	})
	return over
}

// assignedHolder returns the use of v in the left-hand side l when assigning to l
// replaces the resource: l is v itself, or v.Body for a kind released through its
// Body field. Otherwise it returns nil.
func assignedHolder(info *types.Info, l ast.Expr, v *types.Var, k *resources.Kind) *ast.Ident {
	l = ast.Unparen(l)
	if sel, ok := l.(*ast.SelectorExpr); ok && k != nil && k.BodyOnly && sel.Sel.Name == "Body" {
		l = ast.Unparen(sel.X)
	}
	if id, ok := l.(*ast.Ident); ok && info.Uses[id] == v {
		return id
	}
	return nil
}

// releasedAlias reports whether use u copies the resource (or, for a kind
// released through its Body field, its body) into a local variable of body that
// body itself releases: document := response.Body; defer document.Close(). The
// copy is another name for the same resource, held by the same function, not a
// new owner: the advice must not warn against the deferred release that is the
// fix (measurement 12: go-tr064's tr064.go). The use still counts as handing it
// on for whether the resource is reported, as before.
func releasedAlias(info *types.Info, body *ast.BlockStmt, u resources.Use, k *resources.Kind) bool {
	if u.Effect != resources.Move {
		return false
	}
	var alias *types.Var
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if alias != nil || !ok {
			return alias == nil
		}
		if len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			return true
		}
		rhs := ast.Unparen(as.Rhs[0])
		if sel, ok := rhs.(*ast.SelectorExpr); ok && k != nil && k.BodyOnly && sel.Sel.Name == "Body" {
			rhs = ast.Unparen(sel.X)
		}
		id, ok := ast.Unparen(as.Lhs[0]).(*ast.Ident)
		if rhs != u.Ident || !ok {
			return true
		}
		if v, ok := info.ObjectOf(id).(*types.Var); ok && v.Pos() >= body.Pos() && v.Pos() < body.End() {
			alias = v
		}
		return false
	})
	if alias == nil {
		return false
	}
	names := []string{"Close"}
	if k != nil {
		names = append(names, k.Release...)
	}
	released := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if ok {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && slices.Contains(names, sel.Sel.Name) {
				if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && info.Uses[id] == alias {
					released = true
				}
			}
		}
		return !released
	})
	return released
}

// handOffAt returns where use u hands the resource on to a new owner, or
// token.NoPos: a move that is no overwrite, or a release inside a function
// literal that runs later or elsewhere (a returned release closure, a goroutine,
// a cleanup), which makes the literal the owner. A deferred or immediately called
// literal (defer func() { f.Close() }()) releases it here.
func handOffAt(body *ast.BlockStmt, u resources.Use, overwrites map[*ast.Ident]bool) token.Pos {
	switch u.Effect {
	case resources.Move:
		if !overwrites[u.Ident] {
			return u.Ident.Pos()
		}
	case resources.Release:
		if lit := escapingLit(body, u.Ident.Pos()); lit != nil {
			return lit.Pos()
		}
	}
	return token.NoPos
}

// escapingLit returns the innermost function literal in body around pos, when it
// is not called on the spot in a statement or a defer, or nil.
func escapingLit(body *ast.BlockStmt, pos token.Pos) *ast.FuncLit {
	var (
		stack      []ast.Node
		found      *ast.FuncLit
		calledHere bool
	)
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if pos < n.Pos() || pos >= n.End() {
			return false
		}
		if lit, ok := n.(*ast.FuncLit); ok {
			found, calledHere = lit, false
			if len(stack) >= 2 {
				if call, ok := stack[len(stack)-1].(*ast.CallExpr); ok && call.Fun == lit {
					switch stack[len(stack)-2].(type) {
					case *ast.ExprStmt, *ast.DeferStmt:
						calledHere = true
					}
				}
			}
		}
		stack = append(stack, n)
		return true
	})
	if found == nil || calledHere {
		return nil
	}
	return found
}
