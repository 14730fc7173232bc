package ctxcancel

import (
	"cmp"
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/deferlint/deferlint/internal/configfile"
	"github.com/deferlint/deferlint/internal/docs"
	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/knowledge"
	"github.com/deferlint/deferlint/internal/loops"
	"github.com/deferlint/deferlint/internal/obligation"
	"github.com/deferlint/deferlint/internal/ownership"
	"github.com/deferlint/deferlint/internal/process"
	"github.com/deferlint/deferlint/internal/report"
	"github.com/deferlint/deferlint/internal/resources"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"
)

//go:embed doc.go
var doc string

// Analyzer reports cancel functions of derived contexts that are lost before they
// are called.
var Analyzer = &analysis.Analyzer{
	Name:     "ctxcancel",
	Doc:      docs.Extract(doc, "ctxcancel"),
	URL:      report.URL("ctxcancel"),
	Requires: append([]*analysis.Analyzer{inspect.Analyzer, ownership.Analyzer}, report.Requires...),
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	opts := flags
	on, err := configfile.Apply(pass, opts.bind)
	facts := pass.ResultOf[ownership.Analyzer].(*ownership.Result).Facts
	if err != nil || !on || !mayAcquire(pass, facts) {
		return nil, err // off in this directory: the facts pass still computed its facts
	}
	c := newChecker(pass, &opts, facts)
	for cur := range c.in.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if src := c.sourceOf(call); src != nil {
			c.checkAcquisition(cur, call, src)
		}
	}
	return nil, nil
}

// mayAcquire is the fast path: a package can only obtain a cancel function from
// package context, os/signal, a package with fresh results (the facts say
// which: of any kind, a superset), or its own helpers.
func mayAcquire(pass *analysis.Pass, facts *resources.Facts) bool {
	if facts.Acquiring(pass.Pkg) {
		return true
	}
	for _, imp := range pass.Pkg.Imports() {
		if p := imp.Path(); p == "context" || p == "os/signal" || facts.Acquiring(imp) {
			return true
		}
	}
	return false
}

// checker holds what the checks of one package share.
type checker struct {
	pass   *analysis.Pass
	info   *types.Info
	in     *inspector.Inspector
	facts  *resources.Facts    // the ownership facts pass's: fresh cancel results, inert parameters
	uses   *resources.FuncUses // classifies the uses of cancel functions
	reads  map[*types.Var]bool // variables and fields read somewhere in the package (lazy)
	graphs map[ast.Node]*flow.Graph
	once   *process.Once // what runs at most once per process
	opts   *options      // the package's
}

func newChecker(pass *analysis.Pass, opts *options, facts *resources.Facts) *checker {
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{
		opts:   opts,
		pass:   pass,
		info:   pass.TypesInfo,
		in:     in,
		facts:  facts,
		graphs: make(map[ast.Node]*flow.Graph),
		once:   process.NewOnce(pass, in),
	}
	c.uses = &resources.FuncUses{
		Info:  pass.TypesInfo,
		Pkg:   pass.Pkg,
		Inert: facts.Inert,
		Read:  c.isRead,
		Name:  func(fn *types.Func) string { return funcName(pass.Pkg, fn) },
	}
	return c
}

// checkAcquisition follows the cancel functions returned by call to where they go.
func (c *checker) checkAcquisition(cur inspector.Cursor, call *ast.CallExpr, src *source) {
	parent := cur.Parent()
	kind, index := cur.ParentEdge()
	fnCur, inFunc := loops.EnclosingFunc(cur)
	switch kind {
	case edge.ExprStmt_X:
		b := c.boundsOf(cur, fnCur, inFunc)
		if b.testBounds(true) || c.once.Runs(cur) {
			return // once per test, or once per process: as for a cancel discarded with _
		}
		report.Node(c.pass, call, fmt.Sprintf("the results of %s are dropped, and with them its %s function, so %s: %s",
			src.name, src.word(), src.leak(), adviceFor(src.word(), src, false, b.inLoop).discarded()))
		return
	case edge.AssignStmt_Rhs, edge.ValueSpec_Values:
	default:
		return // returned, called, passed on, or in an expression we do not follow
	}
	lhs, tok := lhsOf(parent.Node())
	rhsCount := len(lhs)
	if as, ok := parent.Node().(*ast.AssignStmt); ok {
		rhsCount = len(as.Rhs)
	} else if vs, ok := parent.Node().(*ast.ValueSpec); ok {
		rhsCount = len(vs.Values)
	}
	for _, r := range src.results {
		var target ast.Expr
		switch {
		case rhsCount == 1 && r < len(lhs):
			target = lhs[r]
		case rhsCount == len(lhs) && src.single() && index < len(lhs):
			target = lhs[index]
		default:
			continue
		}
		c.checkTarget(parent, fnCur, inFunc, call, src, target, tok)
	}
}

// lhsOf returns the left-hand sides of an assignment or variable declaration.
func lhsOf(n ast.Node) ([]ast.Expr, token.Token) {
	switch n := n.(type) {
	case *ast.AssignStmt:
		return n.Lhs, n.Tok
	case *ast.ValueSpec:
		lhs := make([]ast.Expr, len(n.Names))
		for i, id := range n.Names {
			lhs[i] = id
		}
		return lhs, token.VAR
	}
	return nil, token.ILLEGAL
}

// checkTarget checks the cancel function that stmt assigns to target.
func (c *checker) checkTarget(stmt, fnCur inspector.Cursor, inFunc bool, call *ast.CallExpr, src *source, target ast.Expr, tok token.Token) {
	if holdsNothing(c.info, call, src, stmt, fnCur, inFunc) {
		return // nothing to release: see holdsNothing
	}
	if c.once.Runs(stmt) {
		return // code that runs once per process loses one context at most, and the exit releases it
	}
	if inFunc && c.parentReleases(stmt.Node(), fnCur) {
		return // the function cancels the context's parent on every path: see parentReleases
	}
	b := c.boundsOf(stmt, fnCur, inFunc)
	if id, ok := ast.Unparen(target).(*ast.Ident); ok && id.Name == "_" {
		if b.testBounds(true) {
			return // once per test: the test ends, and the parent or the timer ends the context
		}
		heldOn := inFunc && c.heldOn(stmt.Node(), fnCur, c.contextVars(stmt.Node(), nil))
		if heldOn && !b.inLoop {
			return // the derived context is handed on: its owner decides when it is done
		}
		var fixes []analysis.SuggestedFix
		if !heldOn {
			fixes = c.discardFix(stmt, fnCur, inFunc, id, src, tok)
		}
		advice := adviceFor(src.word(), src, heldOn, b.inLoop)
		advice.mayKeep = inFunc && !c.contextsStayLocal(stmt, fnCur, true)
		report.Node(c.pass, id, fmt.Sprintf("%s is discarded, so %s: %s",
			src.what(), src.leak(), advice.discarded()), fixes...)
		return
	}
	var v *types.Var
	if id, ok := ast.Unparen(target).(*ast.Ident); ok {
		v = resources.VarOf(c.info, id)
	}
	if v != nil && inFunc && resources.DeclaredIn(v, fnCur.Node()) {
		c.checkLocal(stmt, fnCur, call, src, v, b)
		return
	}
	// Stored directly in a variable of an enclosing scope, a field or a container.
	if u := c.uses.Store(target, nil, stmt.Node()); u.Kind == resources.FuncStoredUnread && !initialisesPackage(fnCur, inFunc) && !b.testBounds(true) {
		report.Node(c.pass, call, fmt.Sprintf("%s is stored in %s, which nothing in this package calls, so %s: call it when its owner is done",
			src.what(), u.What, src.leak()))
	}
}

// checkLocal checks a cancel function assigned to v, a variable of the function
// that holds the assignment stmt.
func (c *checker) checkLocal(stmt, fnCur inspector.Cursor, call *ast.CallExpr, src *source, v *types.Var, b bounds) {
	uses := c.usesOf(fnCur, v)
	var calls []resources.FuncUse
	var inert, stored *resources.FuncUse
	blank := false // an explicit _ = cancel
	for i, u := range uses {
		switch u.Kind {
		case resources.FuncCalls:
			calls = append(calls, u)
		case resources.FuncInert:
			if inert == nil {
				inert = &uses[i]
			}
			blank = blank || u.Blank
		case resources.FuncStoredUnread:
			if stored == nil {
				stored = &uses[i]
			}
		}
	}
	if len(calls) == 0 && stored != nil {
		if !initialisesPackage(fnCur, true) && !b.testBounds(true) {
			report.Node(c.pass, stored.At, fmt.Sprintf("%s is stored in %s, which nothing in this package calls, so %s: call it when its owner is done",
				src.what(), stored.What, src.leak()))
		}
		return
	}
	g := c.graph(fnCur.Node())
	if g == nil {
		return
	}
	ctxs := c.contextVars(stmt.Node(), v)
	heldOn := c.heldOn(stmt.Node(), fnCur, ctxs)
	if len(calls) == 0 && blank && heldOn && !b.inLoop {
		// _ = cancel beside a context handed on: as for a cancel function
		// discarded with _, the author lets the holder, the parent and the timer
		// end the context (go vet's lostcancel counts _ = cancel as a use too).
		return
	}
	var handOffs []token.Pos
	if !b.inLoop {
		// A path that hands the derived context on ends there: its owner decides
		// when it is done. In a loop, each iteration would leave one more context
		// registered with the parent, so the paths go on.
		handOffs = c.handOffs(stmt.Node(), fnCur, ctxs, false)
	}
	advice := adviceFor(v.Name(), src, heldOn, b.inLoop)
	advice.mayKeep = !c.contextsStayLocal(stmt, fnCur, true)
	body := flow.FuncBody(fnCur.Node())
	cl := cleanupsOf(c.info, body, v, positions(calls))
	released := func(n ast.Node) bool { return callsIn(n, calls) || contains(n, cl.calls) }
	ends := func(n ast.Node) bool {
		return released(n) || waitsDone(c.info, n, ctxs) || contains(n, handOffs)
	}
	skips := func(b *cfg.Block) bool { return waitsDoneCase(c.info, b, ctxs) }
	if len(handOffs) > 0 {
		// A loop that hands the context on in every iteration is left holding
		// it only when it ran no iteration: see zeroIterationExits.
		exits := zeroIterationExits(g, body, stmt.Node(), handOffs, ends, skips)
		skips = func(b *cfg.Block) bool { return exits[b] || waitsDoneCase(c.info, b, ctxs) }
	}
	search := &obligation.Search{
		Info:    c.info,
		Acquire: stmt.Node(),
		Var:     v,
		Pair:    c.errorVar(stmt.Node(), src),
		Named:   isNamedResult(c.info, fnCur.Node(), v),
		Ends:    func(n ast.Node, _ bool) bool { return ends(n) },
		Skips:   skips,
	}
	if w := testedCompanion(c.info, body, cl.companions); search.Pair == nil && w != nil {
		// sess, ch, cancel = s.newSession(ctx): where the session is nil, so
		// is the cancel function (see companionCandidates).
		search.Pair, search.Knows = w, knowsCompanion(c.info, w)
	}
	res := search.Run(g, body)
	p := lost(res, stmt.Node(), definesFresh(c.info, stmt.Node(), v))
	line := c.pass.Fset.Position(stmt.Node().Pos()).Line
	if p.overwrite != nil && c.underDeadlineTest(fnCur, p.overwrite) {
		p.overwrite = nil // "add a timeout when there is no deadline": the path from stmt is not taken
	}
	if p.overwrite == stmt.Node() && c.releasedLater(g, stmt, released) {
		p.overwrite = nil // a later iteration releases it: a protocol of the loop's (see releasedLater)
	}
	if b.testBounds(p.again || p.overwrite == stmt.Node()) {
		return // a test bounds the leak: it is not repeated without bound
	}
	switch {
	case p.overwrite == stmt.Node():
		report.Node(c.pass, p.overwrite, fmt.Sprintf("this assignment overwrites, in the loop's next iteration, the %s function it stored before, which is never called, so each iteration leaks a context: %s before the iteration ends",
			src.word(), advice.call()))
	case p.overwrite != nil && derivesFrom(c.info, p.overwrite, ctxs):
		// ctx, cancel = context.WithTimeout(ctx, d): cancelling first would
		// cancel the new context's parent too.
		report.Node(c.pass, p.overwrite, fmt.Sprintf("this assignment overwrites %s from line %d before it is called, so that context is not released %s: keep the first %s function and defer it too, or derive this context from the first one's parent",
			v.Name(), line, src.until(), src.word()))
	case p.overwrite != nil:
		report.Node(c.pass, p.overwrite, fmt.Sprintf("this assignment overwrites %s from line %d before it is called, so that context is never released: %s first",
			v.Name(), line, advice.call()))
	}
	if p.ret != nil && obligation.DeferredBefore(g, body, stmt.Node(), v, slices.Concat(positions(calls), cl.calls)) {
		p.ret = nil // the deferred closure calls whatever v holds when it runs
	}
	if p.ret != nil && obligation.DeferredCallBefore(g, body, stmt.Node(), v, cl.calls) {
		p.ret = nil // defer cleanup(): as a deferred closure, bound once to a literal that calls v
	}
	var exits []exit
	if p.ret != nil {
		// A return outside the variable's scope reports the leak of a path
		// that left the scope earlier: see scope.go.
		var outside bool
		p.ret, p.returns, outside = splitReturns(v, res.Returns)
		p.leaves = outside
		if outside && len(calls) > 0 {
			exits = c.scopeExits(g, body, *search, v, ends)
		}
	}
	if p.ret != nil && heldOn && reachedAfterHandOff(g, stmt.Node(), c.handOffs(stmt.Node(), fnCur, ctxs, true), p.ret) {
		advice.joined = true // cancelling before this return would cancel a context handed on
	}
	mainFunc := isMainMain(c.pass, fnCur.Node())
	leaks := c.leakingReturns(fnCur.Node(), p, line)
	switch {
	case (p.ret != nil || p.leaves) && !mainFunc && len(calls) == 0:
		why := ""
		if inert != nil {
			why = " (" + inert.What + ")"
		}
		var fixes []analysis.SuggestedFix
		if !advice.heldOn {
			fixes = c.neverCalledFix(stmt, fnCur, v, src)
		}
		c.report(call, fmt.Sprintf("%s is never called%s, so %s: %s",
			src.what(), why, src.leak(), advice.neverCalled()), leaks, fixes...)
	case len(exits) > 0 && !mainFunc:
		c.report(call, fmt.Sprintf("%s is not called on the %s through %s, so %s: %s",
			src.what(), plural(len(exits), "path", "paths"), exitsPhrase(exits), src.leak(), advice.beforeExits(exits)), leaks)
	case p.ret != nil && !mainFunc:
		where, paths := obligation.ReturnsPhrase(c.pass.Fset, flow.FuncBody(fnCur.Node()), p.ret, p.returns)
		c.report(call, fmt.Sprintf("%s is not called on the %s to %s, so %s: %s",
			src.what(), paths, where, src.leak(), advice.notOnEveryPath()), leaks)
	case p.leaves && !mainFunc:
		c.report(call, fmt.Sprintf("%s is not called on every path to a return, so %s: %s",
			src.what(), src.leak(), advice.notOnEveryPath()), nil)
	case p.again && p.overwrite == nil:
		c.report(call, fmt.Sprintf("%s is not called before the loop starts its next iteration, so each iteration leaks a context: %s before the iteration ends",
			src.what(), advice.call()), nil)
	}
}

// releasedLater reports whether a later iteration of the loop through which stmt
// runs again calls the cancel function it stored (see the function releasedLater).
func (c *checker) releasedLater(g *flow.Graph, stmt inspector.Cursor, released func(ast.Node) bool) bool {
	loop, repeats := loops.Repeating(g, stmt.Node(), loops.Enclosing(stmt))
	if !repeats || loop == nil {
		return false
	}
	return releasedLater(g, stmt.Node(), loop, released)
}

// heldOn reports whether the derived context that stmt assigns (to one of ctxs,
// or straight to a field or a variable outside the function) is handed to
// something that outlives the function fnCur: returned or stored, itself or in a
// call's result that may hold it (see handOffs). Its holder decides when it is
// done; the function cannot release it with a deferred call.
func (c *checker) heldOn(stmt ast.Node, fnCur inspector.Cursor, ctxs []*types.Var) bool {
	return c.storesContext(stmt, fnCur.Node()) || len(c.handOffs(stmt, fnCur, ctxs, true)) > 0
}

// callsIn reports whether one of the calls lies in n.
func callsIn(n ast.Node, calls []resources.FuncUse) bool {
	for _, u := range calls {
		if n.Pos() <= u.Pos && u.Pos < n.End() {
			return true
		}
	}
	return false
}

// contains reports whether one of the positions lies in n.
func contains(n ast.Node, positions []token.Pos) bool {
	for _, pos := range positions {
		if n.Pos() <= pos && pos < n.End() {
			return true
		}
	}
	return false
}

// underDeadlineTest reports whether n lies in an if statement whose condition asks
// a context for its deadline. The idiom
//
//	if _, ok := ctx.Deadline(); !ok {
//		ctx, cancel = context.WithTimeout(ctx, d)
//	}
//
// does not run after an earlier WithTimeout of the same context, a correlation
// the path search cannot see.
func (c *checker) underDeadlineTest(fnCur inspector.Cursor, n ast.Node) bool {
	cur, ok := fnCur.FindNode(n)
	if !ok {
		return false
	}
	for anc := range cur.Enclosing((*ast.IfStmt)(nil)) {
		ifStmt := anc.Node().(*ast.IfStmt)
		if ifStmt.Body.Pos() > n.Pos() || n.End() > ifStmt.Body.End() {
			continue
		}
		asks := false
		for _, part := range []ast.Node{ifStmt.Init, ifStmt.Cond} {
			if part == nil {
				continue
			}
			ast.Inspect(part, func(m ast.Node) bool {
				if sel, ok := m.(*ast.SelectorExpr); ok && sel.Sel.Name == "Deadline" {
					asks = true
				}
				return !asks
			})
		}
		if asks {
			return true
		}
	}
	return false
}

// contextVars returns the variables other than v that stmt assigns a
// context.Context to: the derived context.
func (c *checker) contextVars(stmt ast.Node, v *types.Var) []*types.Var {
	lhs, _ := lhsOf(stmt)
	var ctxs []*types.Var
	for _, e := range lhs {
		if id, ok := e.(*ast.Ident); ok {
			if w := resources.VarOf(c.info, id); w != nil && w != v && knowledge.IsType(w.Type(), "context", "Context") {
				ctxs = append(ctxs, w)
			}
		}
	}
	return ctxs
}

// errorVar returns the variable that receives the error result of a helper
// source, or nil. Helpers return a nil cancel function with a non-nil error, so
// the error branch right after the call is not a leak.
func (c *checker) errorVar(stmt ast.Node, src *source) *types.Var {
	if src.errIndex < 0 {
		return nil
	}
	lhs, _ := lhsOf(stmt)
	if len(lhs) != src.count {
		return nil
	}
	if id, ok := lhs[src.errIndex].(*ast.Ident); ok {
		return resources.VarOf(c.info, id)
	}
	return nil
}

// leakingReturns returns the related information of a leak's report: each
// return in the cancel variable's scope that paths reach without calling it. The
// leak is reported once, at the call that made the context, where go vet's
// lostcancel reports it twice (there and at the first such return): one leak, one
// finding, which names its returns, and the returns as related positions for
// editors and the JSON and SARIF outputs. The return that falls off the end of a
// body is its closing brace.
func (c *checker) leakingReturns(fn ast.Node, p paths, line int) []analysis.RelatedInformation {
	body := flow.FuncBody(fn)
	var related []analysis.RelatedInformation
	for _, ret := range p.returns {
		pos, end := ret.Pos(), ret.End()
		if body != nil && ret.Return == body.Rbrace {
			pos, end = body.Rbrace, body.Rbrace+1
		}
		related = append(related, analysis.RelatedInformation{Pos: pos, End: end,
			Message: fmt.Sprintf("this return leaks the context created at line %d", line)})
	}
	slices.SortFunc(related, func(a, b analysis.RelatedInformation) int { return cmp.Compare(a.Pos, b.Pos) })
	return related
}

// report reports a leak at node, with its leaking returns as related information.
func (c *checker) report(node ast.Node, message string, related []analysis.RelatedInformation, fixes ...analysis.SuggestedFix) {
	report.Diagnostic(c.pass, analysis.Diagnostic{Pos: node.Pos(), End: node.End(), Message: message, Related: related, SuggestedFixes: fixes})
}

// graph returns the control-flow graph of a function, built on first use.
func (c *checker) graph(fn ast.Node) *flow.Graph {
	if g, ok := c.graphs[fn]; ok {
		return g
	}
	var g *flow.Graph
	if body := flow.FuncBody(fn); body != nil {
		g = flow.New(c.info, body)
	}
	c.graphs[fn] = g
	return g
}

// initialisesPackage reports whether code at fnCur runs as package initialisation: a
// package-level variable's initialiser (inFunc false) or an init function. A
// cancel function stored from there belongs to a context that the package keeps
// for the whole run of the program, like one made in main.main: nothing needs to
// call it, so storing it unread is not reported.
func initialisesPackage(fnCur inspector.Cursor, inFunc bool) bool {
	if !inFunc {
		return true
	}
	decl, ok := fnCur.Node().(*ast.FuncDecl)
	return ok && decl.Recv == nil && decl.Name.Name == "init"
}

// isMainMain reports whether fn is the main function of a main package: returning
// from it ends the program, which releases everything.
func isMainMain(pass *analysis.Pass, fn ast.Node) bool {
	decl, ok := fn.(*ast.FuncDecl)
	return ok && decl.Recv == nil && decl.Name.Name == "main" && pass.Pkg.Name() == "main"
}

// isNamedResult reports whether v is one of fn's named results.
func isNamedResult(info *types.Info, fn ast.Node, v *types.Var) bool {
	typ := flow.FuncType(fn)
	if typ == nil || typ.Results == nil {
		return false
	}
	for _, field := range typ.Results.List {
		for _, id := range field.Names {
			if info.Defs[id] == v {
				return true
			}
		}
	}
	return false
}

// positions returns where the uses are.
func positions(uses []resources.FuncUse) []token.Pos {
	pos := make([]token.Pos, len(uses))
	for i, u := range uses {
		pos[i] = u.Pos
	}
	return pos
}

// derivesFrom reports whether the assignment n derives its new values from one of
// the contexts ctxs: its right-hand side mentions one.
func derivesFrom(info *types.Info, n ast.Node, ctxs []*types.Var) bool {
	as, ok := n.(*ast.AssignStmt)
	if !ok {
		return false
	}
	for _, e := range as.Rhs {
		for _, ctx := range ctxs {
			if flow.Mentions(info, e, ctx) {
				return true
			}
		}
	}
	return false
}
