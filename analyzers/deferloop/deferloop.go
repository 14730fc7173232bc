package deferloop

import (
	_ "embed"
	"flag"
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"github.com/deferlint/deferlint/internal/configfile"
	"github.com/deferlint/deferlint/internal/docs"
	"github.com/deferlint/deferlint/internal/edit"
	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/knowledge"
	"github.com/deferlint/deferlint/internal/loops"
	"github.com/deferlint/deferlint/internal/report"
	"github.com/deferlint/deferlint/internal/testcode"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

//go:embed doc.go
var doc string

// Analyzer reports defer statements that can run again within one call of their
// function, so that their deferred calls pile up until it returns.
var Analyzer = &analysis.Analyzer{
	Name:      "deferloop",
	Doc:       docs.Extract(doc, "deferloop"),
	URL:       report.URL("deferloop"),
	Requires:  append([]*analysis.Analyzer{inspect.Analyzer}, report.Requires...),
	Run:       run,
	FactTypes: []analysis.Fact{new(releasesField), new(nextClosesRows), new(enumValues)},
}

// options are deferloop's options (see doc.go, Options). flags holds the command
// line's; each package gets a copy with its configuration files' values
// (configfile.Apply).
type options struct {
	tests   bool // keep, in test code, the rules of other code
	delayed bool // report a repeated defer whose only consequence the code shows is that its call runs at function return
	// collections: report what every iteration of a loop over data already in
	// memory or a fixed count holds until return (implied by delayed)
	collections bool
}

var flags options

func init() { flags.bind(&Analyzer.Flags) }

// bind registers the options in fs, with their current values as defaults.
func (o *options) bind(fs *flag.FlagSet) {
	fs.BoolVar(&o.tests, "tests", o.tests,
		"in test code, report every repeated defer as in other code, not only deadlocks and loops that never exit or range over a channel")
	fs.BoolVar(&o.delayed, "delayed", o.delayed,
		"also report a repeated defer whose only consequence is that its call runs at function return, not at the end of each iteration")
	fs.BoolVar(&o.collections, "collections", o.collections,
		"also report a resource held per iteration of a loop whose count is fixed when it starts (a range over a slice, array, map, string or integer, or a counted for), not only in loops whose input sets the count (implied by -deferloop.delayed)")
}

// funcDefers gathers the defer statements of one function (declaration or literal).
type funcDefers struct {
	fn     inspector.Cursor
	defers []inspector.Cursor
}

func run(pass *analysis.Pass) (any, error) {
	exportFieldReleases(pass) // for callers in other packages, whether or not this one is checked
	exportClosingNexts(pass)
	exportEnums(pass)
	opts := flags
	if on, err := configfile.Apply(pass, opts.bind); err != nil || !on {
		return nil, err // off in this directory: nothing to report
	}
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	var funcs []*funcDefers
	index := make(map[ast.Node]*funcDefers)
	for cur := range in.Root().Preorder((*ast.DeferStmt)(nil)) {
		fn, ok := loops.EnclosingFunc(cur)
		if !ok {
			continue
		}
		f := index[fn.Node()]
		if f == nil {
			f = &funcDefers{fn: fn}
			index[fn.Node()] = f
			funcs = append(funcs, f)
		}
		f.defers = append(f.defers, cur)
	}
	tooling := len(funcs) > 0 && testcode.Generator(pass) // a scan of package main's literals, only where there are defers to judge
	for _, f := range funcs {
		runFunc(pass, &opts, tooling, f)
	}
	return nil, nil
}

// finding is one defer statement that repeats, and the loop it repeats through (nil
// for a loop built with goto).
type finding struct {
	stmt    *ast.DeferStmt
	cur     inspector.Cursor
	loop    ast.Stmt
	message string
}

// function is the function a defer statement belongs to, as the rules see it.
type function struct {
	name  string // as messages name it
	typ   *ast.FuncType
	body  *ast.BlockStmt
	test  bool // test code (see testCode)
	graph *flow.Graph
	opts  *options // the package's
}

// runFunc checks the defer statements of one function. The control-flow graph is
// built only when a defer lies in a loop or the function uses goto. tooling says
// the package is a code generator (testcode.Generator), whose functions get test
// code's default.
func runFunc(pass *analysis.Pass, opts *options, tooling bool, f *funcDefers) {
	name, body := funcNameBody(f.fn.Node())
	if body == nil {
		return
	}
	fn := &function{name: name, typ: flow.FuncType(f.fn.Node()), body: body, test: tooling || testCode(pass, f.fn), opts: opts}
	gotos := flow.HasGoto(body)
	var found []finding
	for _, cur := range f.defers {
		enclosing := loops.Enclosing(cur)
		if len(enclosing) == 0 && !gotos {
			continue
		}
		if fn.graph == nil {
			fn.graph = flow.New(pass.TypesInfo, body)
		}
		stmt := cur.Node().(*ast.DeferStmt)
		loop, repeats := repeating(pass, fn.graph, stmt, enclosing)
		if !repeats || loop != nil && (onceGuarded(pass.TypesInfo, cur, loop) || latchedAfter(pass.TypesInfo, cur, loop) || lazilyInitialised(pass.TypesInfo, f.fn, cur)) ||
			loop == nil && gotoLatched(pass.TypesInfo, fn.graph, f.fn, stmt) {
			continue
		}
		d := finding{stmt: stmt, cur: cur, loop: loop}
		if d.message = message(pass, fn, d); d.message != "" {
			found = append(found, d)
		}
	}
	fixed := make(map[ast.Stmt]bool)
	for _, d := range found {
		var fixes []analysis.SuggestedFix
		if d.loop != nil && !fixed[d.loop] && !nestsWithOther(d.loop, found) {
			fixed[d.loop] = true
			if movesAlone(pass, fn, d, found) {
				fixes = wrapFix(pass, d, gotos)
			}
		}
		report.Node(pass, d.stmt, d.message, fixes...)
	}
}

// testCode reports whether fn is test code or its support: it lies in a test
// (testcode.Encloses), in a package under a directory named for tests, examples
// or developer tooling (testcode.SupportPackage: internal/testutils, e2e, mocks,
// hack...), or in a file named for fakes (testcode.FakeFile: mock_store.go).
// Such code runs by hand or under a test, and what its loops pile up lives no
// longer than that run, as a test's does: it gets the same default.
func testCode(pass *analysis.Pass, fn inspector.Cursor) bool {
	return testcode.Encloses(pass, fn) || testcode.SupportPackage(pass) || testcode.FakeFile(pass, fn.Node().Pos())
}

// funcNameBody returns how messages name a function ("the function literal" for a
// literal) and its body, nil for a declaration without one.
func funcNameBody(fn ast.Node) (string, *ast.BlockStmt) {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		return fn.Name.Name, fn.Body
	case *ast.FuncLit:
		return "the function literal", fn.Body
	}
	return "", nil
}

// nestsWithOther reports whether another finding repeats through a loop that encloses
// loop or lies inside it: fixes for both would overlap, so neither is offered.
func nestsWithOther(loop ast.Stmt, found []finding) bool {
	for _, d := range found {
		if d.loop != nil && d.loop != loop && d.loop.Pos() < loop.End() && loop.Pos() < d.loop.End() {
			return true
		}
	}
	return false
}

const advice = "call it at the end of the iteration or move the loop body into a function literal"

// message names the consequence of the repeated defer, picked from what is deferred:
// a deadlock, a call that never runs, a resource held per iteration (what the
// iteration acquires and the call releases, heldPerIteration, or what a call of the
// iteration made and the deferred call keeps alive in a loop that walks no
// collection, keptFresh; not a context per element of a collection,
// contextPerElement, nor anything in a loop of a few constant rounds,
// inFewRounds, or in a retry loop counting its attempts, boundedRetry, nor a
// Release of a reference-counted value, releasesShared, nor a release whose
// receiver holds nothing, releasesNothing), or plain
// delay. Plain delay is reported only in a loop whose input sets its count
// (inputBound: the calls pile up for as long as input comes; not a bounded retry,
// which comes round only after a failure the policy allows, nor a walk of a
// collection by a cursor, walksByCursor, which the collection bounds), or with
// -deferloop.delayed: measured on unseen code, maintainers almost never acted on
// it elsewhere.
// It returns "" where the author means the call for function return (meantForReturn),
// unless the loop deadlocks or never exits, and for a defer that is the last
// statement of its iteration, unless the loop deadlocks or is unbounded (it never
// exits or ranges over a channel): such an iteration only sets up what the deferred
// calls undo at function return (lock every mutex of a list, hold every connection
// of a pool, remove every file), which is what the author wants, and moving the call
// to the end of the iteration would undo it at once. It also returns "" for a plain
// delay in a loop that runs under a lock released after it (postponedPastUnlock).
// What is held per iteration is reported by default only in a loop whose count
// is not fixed when it starts (countFixedAtStart), else with -deferloop.collections
// or -deferloop.delayed.
// In test code it returns "" for every loop that neither deadlocks, nor never
// exits, nor ranges over a channel, unless -deferloop.tests is set (boundedByTest).
func message(pass *analysis.Pass, fn *function, d finding) string {
	info := pass.TypesInfo
	call := deferredCall(d.stmt.Call)
	what := describe(pass, d.stmt.Call, call)
	region := fn.body // where the iteration acquires what the defer releases
	if d.loop != nil {
		region = loops.Body(d.loop)
	}
	if mu := syncUnlocked(info, call, "Unlock"); mu != nil && invariant(info, mu, d.loop) && callsMethod(info, region, mu, "Lock") {
		recv := edit.Render(pass.Fset, mu, "the call")
		return fmt.Sprintf("%s is deferred in a loop that locks %s, so the next iteration deadlocks in %s.Lock: unlock at the end of the iteration or move the loop body into a function literal",
			what, recv, recv)
	}
	if mu := readLockedAgain(info, d.loop, region, call); mu != nil {
		recv := edit.Render(pass.Fset, mu, "the call")
		return fmt.Sprintf("%s is deferred in a loop that read-locks %s, so every iteration read-locks it again before any unlock, and a writer waiting in %s.Lock between two iterations deadlocks the next %s.RLock: unlock at the end of the iteration or move the loop body into a function literal",
			what, recv, recv, recv)
	}
	held := ""
	retry := boundedRetry(info, fn, d) || pacedTimeouts(info, fn, d, region, call)
	if !contextPerElement(info, d.loop, outerLoops(d), region, call) && !timeoutsInSmallLoop(info, d, region, call) && !inFewRounds(info, d) && !retry &&
		!closesHeadResponse(info, fn.body, call) && !releasesShared(info, call) && !releasesNothing(info, call) {
		held = heldPerIteration(pass, call, region)
		if held == "" {
			held = keptFresh(pass, d.loop, region, call)
		}
	}
	if !fn.graph.Ends(d.stmt) {
		if held != "" && !releasedEachIteration(pass, fn.graph, region, d.loop, d.stmt, call) {
			return fmt.Sprintf("%s is deferred in a loop that never exits, so it never runs and %s forever: %s", what, held, advice)
		}
		return fmt.Sprintf("%s is deferred in a loop that never exits, so it never runs: %s", what, advice)
	}
	if endsIteration(d.cur, d.loop) && !rangesOverChannel(info, d.loop) {
		return ""
	}
	if boundedByTest(info, fn, d.loop) {
		return ""
	}
	if meantForReturn(pass, fn, d, call) || writesResult(info, fn.typ, d.stmt.Call) && !releasesHeld(pass, d.stmt.Call, region) {
		return ""
	}
	if held != "" && (fn.opts.collections || fn.opts.delayed || !countFixedAtStart(info, d)) {
		return fmt.Sprintf("%s is deferred in a loop, so %s until %s returns: %s", what, held, fn.name, advice)
	}
	if d.loop != nil && postponedPastUnlock(info, fn.body, d.loop) {
		return ""
	}
	delayed := fmt.Sprintf("%s is deferred in a loop, so it runs when %s returns, not at the end of each iteration", what, fn.name)
	if bound := inputBound(pass, d.loop); bound != "" && !retry && !walksByCursor(info, d, d.loop) {
		return fmt.Sprintf("%s, and the deferred calls pile up for as long as %s: %s", delayed, bound, advice)
	}
	if !fn.opts.delayed {
		return ""
	}
	return delayed + ": " + advice
}

// meantForReturn reports whether the defer is meant to act at function return, by
// what the code tells: the value released outlives the iteration (handedOn); a
// lock per iteration guards what the iteration hands on (collectedUnderLock); a
// listener per iteration reserves the address the iteration collects
// (reservesCollectedAddress); the
// file removed is held open by another deferred call (removesHeldFile); the
// iteration releases it itself, or its timer has fired, and the defer is a safety
// net for an early exit (releasedEachIteration, the one rule applied to a loop
// built with goto); a deferred literal reading only variables from outside the
// loop releases the last value, the loop each earlier one (releasesLastValue); the
// deferred literal acts on the function's outcome (actsOnOutcome); the loop
// releases a listed set of values the function held before it (releasesListed);
// the loop's next call of the reader that made the value releases it, as
// multipart.Reader's NextPart closes the previous part (closedByNextCall); or
// a test's loop sets up what the test holds until it ends (heldForTest; reached with -deferloop.tests, or for a range over a channel, which
// no test bounds and which it therefore leaves out).
func meantForReturn(pass *analysis.Pass, fn *function, d finding, call *ast.CallExpr) bool {
	info := pass.TypesInfo
	if actsOnOutcome(info, fn.typ, d.stmt.Call) {
		return true
	}
	if d.loop == nil { // a loop built with goto: only the safety net is seen
		return releasedEachIteration(pass, fn.graph, fn.body, nil, d.stmt, call)
	}
	body := loops.Body(d.loop)
	vars := releasedVars(info, d.loop, body, call)
	return handedOn(info, fn.body, d.loop, d.stmt, call, vars) ||
		collectedUnderLock(info, d.loop, body, d.stmt, call) ||
		reservesCollectedAddress(info, fn.body, d.loop, body, d.stmt, call) ||
		removesHeldFile(info, body, d.stmt, call) ||
		releasedEachIteration(pass, fn.graph, body, d.loop, d.stmt, call) ||
		releasesListed(info, d.loop, body, d.stmt, call) ||
		releasesLastValue(info, d.loop, body, d.stmt.Call) ||
		closedByNextCall(info, d.loop, body, call) ||
		fn.test && !rangesOverChannel(info, d.loop) && heldForTest(info, body, d.stmt, vars)
}

// boundedByTest reports whether fn is test code whose loop bounds what its
// deferred calls pile up, unless -deferloop.tests is set. A test's loop runs over
// the few cases or the small count the test fixes, and what each iteration holds
// until the function returns is released when the test ends: a pile no larger than
// the test makes it, which no maintainer trims. Only the consequences that a bound
// does not help are left to report (message checks them first): a deadlock,
// deferred calls that never run, and a pile that grows for as long as a channel
// delivers (a range over a channel, not bounded here).
func boundedByTest(info *types.Info, fn *function, loop ast.Stmt) bool {
	return fn.test && !fn.opts.tests && !rangesOverChannel(info, loop)
}

// endsIteration reports whether the defer statement at cur, with only further defer
// statements after it in its block, ends its iteration of loop (see
// loops.LastInIteration): a set-up loop may defer several undo calls in a row.
func endsIteration(cur inspector.Cursor, loop ast.Stmt) bool {
	last := cur
	for {
		next, ok := last.NextSibling()
		if !ok {
			break
		}
		if _, isDefer := next.Node().(*ast.DeferStmt); !isDefer {
			return false
		}
		last = next
	}
	return loops.LastInIteration(last, loop)
}

// rangesOverChannel reports whether loop is a range over a channel, which runs for as
// long as the channel delivers: no bound the function sets.
func rangesOverChannel(info *types.Info, loop ast.Stmt) bool {
	t := rangedType(info, loop)
	if t == nil {
		return false
	}
	_, isChan := t.Underlying().(*types.Chan)
	return isChan
}

// deferredCall returns the call that the deferred call makes in effect: the only
// statement of a deferred function literal without parameters, when that statement
// is a call or an assignment of a call's results to blank identifiers
// (defer func() { _ = f.Close() }()); else call itself.
func deferredCall(call *ast.CallExpr) *ast.CallExpr {
	lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit)
	if !ok || len(call.Args) > 0 || lit.Body == nil || len(lit.Body.List) != 1 {
		return call
	}
	var inner ast.Expr
	switch stmt := lit.Body.List[0].(type) {
	case *ast.ExprStmt:
		inner = stmt.X
	case *ast.AssignStmt:
		if len(stmt.Rhs) != 1 {
			return call
		}
		for _, lhs := range stmt.Lhs {
			if id, ok := lhs.(*ast.Ident); !ok || id.Name != "_" {
				return call
			}
		}
		inner = stmt.Rhs[0]
	}
	if c, ok := ast.Unparen(inner).(*ast.CallExpr); ok {
		return c
	}
	return call
}

// invariant reports whether the mutex expression mu names the same mutex in every
// iteration of loop: a chain of field selections from a variable declared outside
// the loop and not assigned in it (not mus[i], not the m of for _, m := range mus).
func invariant(info *types.Info, mu ast.Expr, loop ast.Stmt) bool {
	e := ast.Unparen(mu)
	for {
		switch x := e.(type) {
		case *ast.SelectorExpr:
			e = ast.Unparen(x.X)
			continue
		case *ast.StarExpr:
			e = ast.Unparen(x.X)
			continue
		case *ast.Ident:
			v, ok := info.Uses[x].(*types.Var)
			if !ok {
				return false
			}
			if loop == nil {
				return true
			}
			if loop.Pos() <= v.Pos() && v.Pos() < loop.End() {
				return false
			}
			return !assignedIn(info, loops.Body(loop), v)
		}
		return false
	}
}

// releases maps a deferred method that releases what its receiver holds to the state
// the receiver stays in until the function returns.
var releases = map[string]string{
	"Close":    "stays open",
	"Rollback": "stays open",
	"Stop":     "keeps running",
	"Release":  "stays held",
}

// heldPerIteration describes what every iteration acquires and the deferred call
// releases only at function return, or returns "" when the pairing is not evident.
// The pairing is local and syntactic: the receiver of Close, Stop, Rollback or
// Release (or its root variable, as resp in resp.Body.Close) is assigned in the loop
// body; Unlock follows a Lock, RUnlock an RLock and Done an Add on the same receiver
// in the loop body; a deferred context cancel func is assigned in the loop body.
func heldPerIteration(pass *analysis.Pass, call *ast.CallExpr, region *ast.BlockStmt) string {
	info := pass.TypesInfo
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		if selection, ok := info.Selections[fun]; !ok || selection.Kind() != types.MethodVal {
			return ""
		}
		recv := edit.Render(pass.Fset, fun.X, "the call")
		switch name := fun.Sel.Name; name {
		case "RUnlock":
			if callsMethod(info, region, fun.X, "RLock") {
				return "every iteration keeps a read lock on " + recv
			}
		case "Unlock": // a mutex per iteration: the same one deadlocks (see message)
			if callsMethod(info, region, fun.X, "Lock") {
				return "every iteration keeps " + recv + " locked"
			}
		case "Done":
			if callsMethod(info, region, fun.X, "Add") {
				return "the count every iteration adds to " + recv + " stays up"
			}
		default:
			state, ok := releases[name]
			if !ok {
				return ""
			}
			if v := flow.RootVar(info, fun.X); v != nil && assignedIn(info, region, v) {
				return "every iteration's " + recv + " " + state
			}
		}
	case *ast.Ident:
		v, ok := info.Uses[fun].(*types.Var)
		if ok && knowledge.IsType(v.Type(), "context", "CancelFunc", "CancelCauseFunc") && assignedIn(info, region, v) {
			if deadlineOnly(info, region, v) {
				// Its timer cancels each context at the deadline; the deferred
				// call still holds it until return.
				return "every iteration's context stays registered, with its timer, until its deadline passes, and in memory"
			}
			return "every iteration's context stays uncancelled"
		}
	}
	return ""
}

// assignedIn reports whether region assigns v outside function literals: a short
// variable declaration, an assignment or a var declaration.
func assignedIn(info *types.Info, region *ast.BlockStmt, v *types.Var) bool {
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && (info.Defs[id] == v || info.Uses[id] == v)
	}
	found := false
	ast.Inspect(region, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				found = found || is(lhs)
			}
		case *ast.ValueSpec:
			for _, id := range n.Names {
				found = found || is(id)
			}
		}
		return !found
	})
	return found
}

// callsMethod reports whether region calls method name on the same receiver
// expression as recv (compared as written), outside function literals.
func callsMethod(info *types.Info, region *ast.BlockStmt, recv ast.Expr, name string) bool {
	want := types.ExprString(ast.Unparen(recv))
	found := false
	ast.Inspect(region, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if ok && sel.Sel.Name == name && types.ExprString(ast.Unparen(sel.X)) == want {
				_, isMethod := typeutil.Callee(info, n).(*types.Func)
				found = found || isMethod
			}
		}
		return !found
	})
	return found
}

// describe returns how a message names the deferred call: its source when short,
// else the function called with elided arguments. A deferred function literal is
// named by the call it makes in effect (see deferredCall), if any.
func describe(pass *analysis.Pass, deferred, call *ast.CallExpr) string {
	if _, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
		return "the deferred function literal"
	}
	if s := edit.Render(pass.Fset, call, "the call"); len(s) <= 40 && !strings.Contains(s, "\n") {
		return s
	}
	if s := edit.Render(pass.Fset, call.Fun, "the call"); len(s) <= 40 && !strings.Contains(s, "\n") {
		return s + "(...)"
	}
	if deferred != call {
		return "the deferred function literal"
	}
	return "the deferred call"
}
