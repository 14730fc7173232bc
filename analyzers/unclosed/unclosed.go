package unclosed

import (
	_ "embed"
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"go/version"
	"slices"
	"strings"

	"github.com/deferlint/deferlint/internal/configfile"
	"github.com/deferlint/deferlint/internal/docs"
	"github.com/deferlint/deferlint/internal/edit"
	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/loops"
	"github.com/deferlint/deferlint/internal/obligation"
	"github.com/deferlint/deferlint/internal/ownership"
	"github.com/deferlint/deferlint/internal/process"
	"github.com/deferlint/deferlint/internal/report"
	"github.com/deferlint/deferlint/internal/resources"
	"github.com/deferlint/deferlint/internal/testcode"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

//go:embed doc.go
var doc string

// Analyzer reports resources that are not released on every path.
var Analyzer = &analysis.Analyzer{
	Name:     "unclosed",
	Doc:      docs.Extract(doc, "unclosed"),
	URL:      report.URL("unclosed"),
	Requires: append([]*analysis.Analyzer{inspect.Analyzer, ownership.Analyzer}, report.Requires...),
	Run:      run,
}

// options are unclosed's options (see doc.go). flags holds the command line's; each
// package gets a copy with its configuration files' values (configfile.Apply).
type options struct {
	tests bool // report in test code the leaks a test bounds too
}

var flags options

// typesFlag is -unclosed.types: the resource types the ownership facts pass
// adds to its catalogue. The value is the facts pass's (the facts depend on it),
// registered here under unclosed's name; the pass applies deferlint.toml's
// unclosed.types too, and gives unclosed the catalogue with its facts.
var typesFlag = ownership.Analyzer.Flags.Lookup("types")

func init() {
	Analyzer.Flags.Var(typesFlag.Value, typesFlag.Name, typesFlag.Usage)
	flags.bind(&Analyzer.Flags)
}

// bind registers the options in fs, with their current values as defaults.
func (o *options) bind(fs *flag.FlagSet) {
	fs.BoolVar(&o.tests, "tests", o.tests,
		"also report in test code a resource acquired once per test or benchmark round (a bounded cost)")
}

// bindPackage is bind for a package's configuration, which may also set types:
// parsed here into a value of the flag's type, so that a mistake is unclosed's
// error, and applied by the facts pass.
func (o *options) bindPackage(fs *flag.FlagSet) {
	o.bind(fs)
	fs.Var(new(resources.TypesFlag), typesFlag.Name, typesFlag.Usage)
}

func run(pass *analysis.Pass) (any, error) {
	opts := flags
	on, err := configfile.Apply(pass, opts.bindPackage)
	if err != nil {
		return nil, err
	}
	owned := pass.ResultOf[ownership.Analyzer].(*ownership.Result)
	if !owned.Facts.Analyzed(pass.Pkg) || !on {
		// A package loaded from export data, or the standard library, has no
		// code to analyze; off in this directory, the facts are all it gives.
		return nil, nil
	}
	cat := owned.Catalogue
	t := resources.NewTracker(pass, cat, owned.Facts)
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	checkEarlyDefers(pass, t, in)
	if !acquiresAnything(pass, t, cat) {
		return nil, nil
	}
	c := &checker{
		pass:    pass,
		opts:    &opts,
		t:       t,
		graphs:  make(map[*ast.BlockStmt]*flow.Graph),
		exits:   &commandExits{pass: pass, t: t, root: in.Root(), tests: opts.tests},
		once:    process.NewOnce(pass, in),
		tooling: testcode.Generator(pass),
		wrapped: make(map[*ast.CallExpr]bool),
		leaks:   make(map[leakKey]*finding),
	}
	for cur := range in.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		src := t.Acquires(call)
		if src == nil {
			continue
		}
		c.checkAcquisition(cur, call, src, nil)
	}
	for _, f := range c.pending {
		f.report(pass)
	}
	return nil, nil
}

// checker holds what the checks of one package's acquisitions share.
type checker struct {
	pass    *analysis.Pass
	opts    *options
	t       *resources.Tracker
	graphs  map[*ast.BlockStmt]*flow.Graph // by function body
	exits   *commandExits
	once    *process.Once          // code that runs at most once per process leaks once
	tooling bool                   // the package is a code generator (testcode.Generator): test code's default
	wrapped map[*ast.CallExpr]bool // keeping calls whose result was checked (see checkWrapper)
	leaks   map[leakKey]*finding   // the first finding of each leak on a path to a return
	pending []*finding             // those findings, in the order found, reported at the end
}

// acquiresAnything is the fast path: whether the package imports a package with
// acquirers, built in or known from facts, or defines acquiring functions itself.
func acquiresAnything(pass *analysis.Pass, t *resources.Tracker, cat *resources.Catalogue) bool {
	if t.Acquiring(pass.Pkg) {
		return true
	}
	for _, imp := range pass.Pkg.Imports() {
		if cat.AcquiringPackage(imp.Path()) || t.Acquiring(imp) {
			return true
		}
	}
	return false
}

// graph returns the control-flow graph of the function body, built once per body.
func (c *checker) graph(body *ast.BlockStmt) *flow.Graph {
	g := c.graphs[body]
	if g == nil {
		g = c.t.Graph(body)
		c.graphs[body] = g
	}
	return g
}

// checkAcquisition checks one acquiring call, or, when via is not nil, a call
// that keeps a resource in the value it returns (see checkWrapper).
func (c *checker) checkAcquisition(cur inspector.Cursor, call *ast.CallExpr, src *resources.Source, via *wrapping) {
	pass, opts, t, exits := c.pass, c.opts, c.t, c.exits
	fnCur, ok := loops.EnclosingFunc(cur)
	if !ok {
		return
	}
	var (
		body *ast.BlockStmt
		sig  *types.Signature
	)
	switch fn := fnCur.Node().(type) {
	case *ast.FuncDecl:
		body = fn.Body
		if obj, ok := pass.TypesInfo.Defs[fn.Name].(*types.Func); ok {
			sig, _ = obj.Type().(*types.Signature)
			if pass.Pkg.Name() == "main" && fn.Recv == nil && fn.Name.Name == "main" && !src.Kind.Writer {
				return // the process ends with main: nothing leaks for long
			}
		}
	case *ast.FuncLit:
		body = fn.Body
		sig, _ = pass.TypesInfo.TypeOf(fn).(*types.Signature)
	}
	if body == nil || sig == nil {
		return
	}
	if src.Kind.PreGo123 && !preGo123(pass, cur) {
		return
	}
	if len(src.Kind.Release) == 0 && inLoopBody(cur) {
		// case <-time.Tick(d) in a select loop: a new ticker each time round,
		// however long the process lives.
		report.Node(pass, call, fmt.Sprintf("%s in a loop creates a new ticker each time round, and before Go 1.23 none of them can ever be stopped or garbage collected: create one with time.NewTicker before the loop and defer its Stop",
			callName(pass, call)))
		return
	}
	if len(src.Kind.Release) == 0 && pass.Pkg.Name() == "main" {
		return // time.Tick in a command: its goroutines end with the process
	}
	stmt, lhs, pairExpr := acquiringStmt(cur, call, src)
	if stmt == nil {
		return // used in place: handed on (returned, passed, stored)
	}
	// In test code, one resource per test or benchmark round is a cost the test
	// bounds; a writer loses data, and a counted loop repeats the leak. Code
	// under an examples directory demonstrates an API, run by hand or by a test,
	// and a code generator runs once per generation.
	inTest := !opts.tests && !src.Kind.Writer && (c.tooling || testcode.Encloses(pass, fnCur) || testcode.SupportPackage(pass) || testcode.FakeFile(pass, call.Pos()))
	name := callName(pass, call)
	what := src.Kind.Noun + " from " + name // what the variable holds, for messages
	if via != nil {
		what = "the " + src.Kind.Noun + " from " + name + ", holding " + via.inner
	}
	if e, ok := pairExpr.(*ast.Ident); ok && e.Name == "_" {
		pairExpr = nil
	}
	pair := pairOf(pass.TypesInfo, call)
	var errExpr ast.Expr
	if pair == pairError {
		errExpr = pairExpr
	}
	if id, ok := lhs.(*ast.Ident); lhs == nil || ok && id.Name == "_" {
		if src.Kind.Writer {
			return // nothing can write to a discarded writer, so it buffers nothing to lose: _, err := zlib.NewWriterLevel(w, level) checks the level
		}
		if errExpr != nil && !expectsSuccess(pass, t, cur, stmt, errExpr, src.Kind) {
			return // the call is expected to fail: if err != context.Canceled, require.Error(t, err)
		}
		if inTest && !c.discardRepeats(cur, fnCur, body, stmt, errExpr, src) {
			// _, _ = net.Dial(...) once to wake an Accept, or a poll that leaves
			// the loop once the dial succeeds: the test ends, and its descriptor with it.
			return
		}
		if src.Kind.BodyOnly && via == nil && t.CancelledAtReturn(call, body) {
			// _, err = client.Do(req) where req's context's cancel is deferred: the
			// transport closes the response's connection when the context is
			// cancelled, at the return, as for a response kept (see below).
			return
		}
		if c.once.Runs(cur) {
			return // discarded once per process: it leaks once, and the exit releases it, as for a resource kept
		}
		subject := "the " + what
		if via != nil {
			subject = what + ","
		}
		report.Node(pass, call, fmt.Sprintf("%s is discarded, so it cannot be %s and %s: keep it and %s it",
			subject, verb(src.Kind), src.Kind.Leak, releaseWord(src.Kind)))
		return
	}
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return // stored in a field, map or slice
	}
	v, ok := pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok {
		return
	}
	named := isResult(sig, v)
	if !named && (v.Pos() < body.Pos() || v.Pos() >= body.End()) {
		return // a package variable or one captured from an enclosing function
	}
	r := &tracked{stmt: stmt, v: v, kind: src.Kind, named: named, info: pass.TypesInfo, tr: t}
	if e, ok := pairExpr.(*ast.Ident); ok {
		pv, _ := pass.TypesInfo.ObjectOf(e).(*types.Var)
		switch pair {
		case pairError:
			r.err = pv
		case pairFlag:
			r.flag = pv
		case pairOther:
			r.other = pv
		}
	}
	neutral := true
	var (
		released []token.Pos
		handOff  token.Pos // the first use that hands the resource on, if any
	)
	overwrites := overwritten(pass.TypesInfo, body, v, src.Kind)
	uses := followCopies(t, body, src.Kind, t.Uses(body, v, src.Kind))
	for _, u := range uses {
		if u.Effect == resources.Neutral || (u.Ident.Pos() >= stmt.Pos() && u.Ident.Pos() < stmt.End()) {
			continue
		}
		r.handed = append(r.handed, u.Ident.Pos())
		closed := u.Effect == resources.Move && closingCall(t, fnCur, u, src.Kind)
		if u.Effect == resources.Release || closed {
			released = append(released, u.Ident.Pos())
		}
		if !handOff.IsValid() && !closed && !releasedAlias(pass.TypesInfo, body, u, src.Kind) && mayFollow(cur, body, stmt, u.Ident.Pos()) {
			handOff = handOffAt(body, u, overwrites)
		}
		neutral = false
	}
	db, dbKind := t.Cat.PreparedOn(pass.TypesInfo, call, src.Kind)
	dbReleases := databaseReleases(t, fnCur, body, db, dbKind, stmt)
	if len(dbReleases) > 0 {
		r.handed = append(r.handed, dbReleases...)
		released = append(released, dbReleases...)
		neutral = false
	}
	if u, ok := soleHandOff(uses, stmt); ok {
		inner := "the " + what
		if via != nil {
			inner = via.inner
		}
		c.checkWrapper(fnCur, u, src.Kind, inner)
	}
	// A closure that releases the resource, called later (closeAll()), releases
	// it at the call.
	r.handed = append(r.handed, obligation.ClosureCalls(pass.TypesInfo, body, r.handed)...)
	if r.err != nil && via == nil && !testcode.Encloses(pass, fnCur) {
		// In test code a failed call is a failed test (require.NoError,
		// Expect(err)...), which a nil release's panic only reports again.
		checkDeferBeforeCheck(pass, t, cur, r, name)
	}
	if src.Kind.Writer && !neutral {
		// A writer holds no descriptor: abandoning it on a path that fails anyway
		// loses nothing that matters. Only a writer nothing closes loses data.
		return
	}
	g := c.graph(body)
	r.findGuards(body, released)
	r.findPredating(body)
	if src.Kind.ScanEnds || src.Kind.ErrEnds {
		r.findScanErrs(body)
	}
	if src.Kind.BodyOnly {
		r.findFailedReads(body)
	}
	ret := r.leakPath(g, body)
	if ret != nil && databaseDeferredBefore(t, cur, db, dbKind) {
		ret, r.leaks = nil, nil // defer db.Close() before db.Prepare: the statement closes with the database
	}
	if ret != nil && obligation.DeferredBefore(g, body, stmt, v, released) {
		ret, r.leaks = nil, nil // a deferred literal from before the acquisition releases whatever v holds at the return
	}
	if ret != nil && src.Kind.BodyOnly && via == nil && t.CancelledAtReturn(call, body) {
		// The request's context is cancelled by a deferred cancel: the transport
		// closes the response's connection then, whatever became of the body.
		ret, r.leaks = nil, nil
	}
	if ret == nil && r.dropped == nil || inTest && !r.repeats(pass.TypesInfo, cur, fnCur, src) {
		return // no leak, or a bounded one in a test, which ends with the test binary
	}
	if !src.Kind.Writer && c.once.Runs(cur) {
		return // code that runs once per process leaks once, and the exit releases it
	}
	if ret == nil && !neutral {
		// Released or handed on elsewhere, and no return leaks it, but it is
		// dropped where the variable takes a new value: a retry loop that goes
		// round again with the last attempt's response still open.
		reportDrop(pass, r, id.Name, what)
		return
	}
	if ret == nil && (named || len(src.Kind.Release) == 0) {
		return // dropped in a loop that never ends: only the message below fits, and it needs a resource nothing releases
	}
	if stopsCommand(pass, exits, fnCur, r) {
		return // it leaks only on the way out of a command that exits on the error
	}
	where, paths := "", "path"
	if ret != nil {
		where, paths = obligation.ReturnsPhrase(pass.Fset, body, ret, r.leaks)
	}
	var fixes []analysis.SuggestedFix
	if neutral && !named && via == nil {
		fixes = deferFix(pass, cur, r, id.Name)
	}
	if len(src.Kind.Release) == 0 {
		report.Node(pass, stmt, fmt.Sprintf("%s from %s cannot be stopped and is still referenced on the %s to %s, so %s: use time.NewTicker and defer its Stop",
			id.Name, name, paths, where, src.Kind.Leak), fixes...)
		return
	}
	subject := id.Name
	if src.Kind.BodyOnly {
		subject += ".Body"
	}
	remedy := advice(src.Kind, id.Name, r.err != nil)
	if handOff.IsValid() && !reassigned(overwrites, stmt) && deferredBefore(g, cur, laterDefer(t, cur, r), r.stmt, handOff) {
		// The function defers the release itself before that use, on every path
		// through it: the use (a call that reads the body, a local alias) hands
		// no ownership on, and the deferred release is the fix, moved up.
		handOff = token.NoPos
	}
	combined, rest := combinedCheck(pass, body, r)
	bound := boundDefer(t, cur, r)
	switch {
	case handOff.IsValid():
		remedy = handOffAdvice(src.Kind, id.Name, pass.Fset.Position(handOff).Line)
	case bound != nil:
		remedy = boundDeferAdvice(pass, bound, src.Kind, id.Name)
	case combined != nil && hasReleaseMethod(pass, r):
		var d *ast.DeferStmt
		if !reassigned(overwrites, stmt) {
			d = laterDefer(t, cur, r)
		}
		remedy = splitCheckAdvice(pass, combined, rest, src.Kind.ReleaseCall(id.Name), r.err.Name(), d)
	case laterDefer(t, cur, r) != nil && !reassigned(overwrites, stmt):
		d := laterDefer(t, cur, r)
		remedy = moveDeferAdvice(pass, d, r.err != nil)
	case explicitOnly(body, released) && !slices.Contains(src.Kind.Release, "Rollback") && !reassigned(overwrites, stmt) &&
		callsRelease(body, released, src.Kind):
		remedy = pathAdvice(src.Kind, id.Name, paths)
	}
	if !hasReleaseMethod(pass, r) {
		remedy = noMethodAdvice(pass, src, r.v, name)
	} else if ret != nil {
		// A return handing the caller a gzip writer over the resource leaks it
		// too, but closing it there would break that writer (see wrapperReturns).
		if lines, all := wrapperReturns(pass.Fset, t, pass.TypesInfo, v, append([]*ast.ReturnStmt{ret}, r.leaks...)); len(lines) > 0 {
			others := remedy
			if all {
				others = ""
			}
			remedy = wrapperAdvice(src.Kind, id.Name, lines, others)
			fixes = nil // a deferred f.Close() would break the writer returned
		}
	}
	if neutral && !named && !(src.Kind.NextEnds && ret != nil && nextLoop(pass.TypesInfo, body, v)) {
		// Nothing releases it or hands it on anywhere: naming one path would
		// suggest that the others are right. A for v.Next() loop that runs to
		// its end releases rows: the leak is on the path that leaves it early.
		if c.mergeFallback(r, ret, what, stmt) {
			return
		}
		if len(loops.Enclosing(cur)) > 0 {
			remedy = loopAdvice(src.Kind, id.Name)
		}
		report.Node(pass, stmt, fmt.Sprintf("%s (%s) is not %s on any path, so %s: %s",
			subject, what, verb(src.Kind), src.Kind.Leak, remedy), fixes...)
		return
	}
	f := &finding{stmt: stmt, subject: subject, what: what,
		tail: fmt.Sprintf("is not %s on the %s to %s, so %s: %s", verb(src.Kind), paths, where, src.Kind.Leak, remedy), fixes: fixes}
	if ret == nil || r.dropped != nil {
		f.report(pass)
		return
	}
	if c.mergeFallback(r, ret, what, stmt) {
		return
	}
	c.leaks[leakKey{v: v, ret: ret, kind: src.Kind}] = f
	c.pending = append(c.pending, f)
}

// mergeFallback names the acquisition at stmt, holding what, in the report of
// an earlier acquisition into the same variable that leaks on the same return
// ret, and reports whether it did: the second is a fallback when the first
// failed (file, err = os.CreateTemp(dir); f, err = os.Open(name) in the first's
// error branch), one bug, whose one fix (release the variable on that path)
// covers both; the second, which nothing overwrites, may leak on every path while
// the first, overwritten by the fallback, leaks on some (glide's Gomfile parser,
// measurement 37: two reports for one bug). Only findings with no drop are held
// (a resource overwritten while open is a leak of its own, reported alone), so
// naming the second in the first's report loses no leak.
func (c *checker) mergeFallback(r *tracked, ret *ast.ReturnStmt, what string, stmt ast.Node) bool {
	if ret == nil || r.dropped != nil {
		return false
	}
	first := c.leaks[leakKey{v: r.v, ret: ret, kind: r.kind}]
	if first == nil {
		return false
	}
	first.also = append(first.also, alsoAt{what: what, line: c.pass.Fset.Position(stmt.Pos()).Line})
	first.fixes = nil // a defer after the first acquisition binds only the first value
	return true
}

// leakKey identifies a leak by what leaks and where: the variable, the return
// that leaves it unreleased, and the kind.
type leakKey struct {
	v    *types.Var
	ret  *ast.ReturnStmt
	kind *resources.Kind
}

// finding is a report on the path to a return, held until the package's
// acquisitions are all checked, so that the acquisitions into one variable that
// leak on one return make one report (see checkAcquisition).
type finding struct {
	stmt          ast.Node
	subject, what string
	tail          string   // from "is not closed" to the end
	also          []alsoAt // the other acquisitions leaking there, for the message
	fixes         []analysis.SuggestedFix
}

// alsoAt is another acquisition leaking where a finding's does: what it holds
// and its line.
type alsoAt struct {
	what string
	line int
}

func (f *finding) report(pass *analysis.Pass) {
	what := f.what
	for i, a := range f.also {
		switch {
		case a.what == f.what && i == 0:
			what += fmt.Sprintf(" here or at line %d", a.line)
		case a.what == f.what:
			what += fmt.Sprintf(" or at line %d", a.line)
		default:
			what += fmt.Sprintf(", or %s at line %d", a.what, a.line)
		}
	}
	report.Node(pass, f.stmt, fmt.Sprintf("%s (%s) %s", f.subject, what, f.tail), f.fixes...)
}

// closingCall reports whether use u passes the resource to a function that only
// releases that parameter (quietClose(f), where func quietClose(fps ...*os.File)
// closes each of its arguments; see resources.Facts.Closes): the call releases
// it there, and hands it to no new owner, so the advice need not warn against a
// deferred release.
func closingCall(t *resources.Tracker, fnCur inspector.Cursor, u resources.Use, k *resources.Kind) bool {
	call, arg := keepingCall(fnCur, u, k)
	return call != nil && t.ClosesArg(call, arg)
}

// reassigned reports whether the variable takes a new value somewhere other than
// in the acquiring statement stmt itself (fromDir, err = open(dir) assigns the
// resource; it does not replace it).
func reassigned(overwrites map[*ast.Ident]bool, stmt ast.Node) bool {
	for id := range overwrites {
		if id.Pos() < stmt.Pos() || id.Pos() >= stmt.End() {
			return true
		}
	}
	return false
}

// nextLoop reports whether body has a for statement whose condition is
// v.Next(): when Next returns false it has closed the rows, so that path
// releases them, and a leak is on some other path (a return in the loop).
func nextLoop(info *types.Info, body *ast.BlockStmt, v *types.Var) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if f, ok := n.(*ast.ForStmt); ok && f.Cond != nil {
			if call, ok := ast.Unparen(f.Cond).(*ast.CallExpr); ok {
				if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Next" {
					if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && info.Uses[id] == v {
						found = true
					}
				}
			}
		}
		return !found
	})
	return found
}

// inLoopBody reports whether the node at cur runs on every iteration of a loop of
// its function: it lies in the loop's body, or in a for statement's condition or
// post statement (not in the range expression or init, which run once).
func inLoopBody(cur inspector.Cursor) bool {
	n := cur.Node()
	for _, l := range loops.Enclosing(cur) {
		var parts []ast.Node
		switch l := l.(type) {
		case *ast.ForStmt:
			parts = []ast.Node{l.Cond, l.Post, l.Body}
		case *ast.RangeStmt:
			parts = []ast.Node{l.Body}
		}
		for _, p := range parts {
			if p != nil && p.Pos() <= n.Pos() && n.End() <= p.End() {
				return true
			}
		}
	}
	return false
}

// reportDrop reports a resource held in v that the function releases or hands on
// on some paths but drops on another, where the variable takes a new value: the
// acquisition again, in a loop, or another assignment.
func reportDrop(pass *analysis.Pass, r *tracked, v, what string) {
	subject := v
	if r.kind.BodyOnly {
		subject += ".Body"
	}
	line := pass.Fset.Position(r.dropped.Pos()).Line
	if r.dropped == r.stmt {
		report.Node(pass, r.stmt, fmt.Sprintf("%s (%s) is not %s on a path that goes round the loop to line %d, where %s takes the next one, so %s: call %s on that path before the next iteration",
			subject, what, verb(r.kind), line, v, r.kind.Leak, r.kind.ReleaseCall(v)))
		return
	}
	report.Node(pass, r.stmt, fmt.Sprintf("%s (%s) is not %s before %s is assigned again at line %d, so %s: call %s before that assignment",
		subject, what, verb(r.kind), v, line, r.kind.Leak, r.kind.ReleaseCall(v)))
}

// repeats reports whether a leak in test code grows without bound: the
// acquisition lies in a counted loop (see loops.Counted) and either a path comes
// back round to it while the resource is held, or the loop runs a function
// literal that acquires it (a benchmark round in a closure). A leak on a path
// that leaves the loop happens once.
func (r *tracked) repeats(info *types.Info, cur, fn inspector.Cursor, src *resources.Source) bool {
	loop := testLoop(info, cur, src)
	if loop == nil {
		return false
	}
	return r.again || loop.Pos() < fn.Node().Pos() || loop.End() > fn.Node().End()
}

// discardRepeats reports whether a resource discarded in test code (_, err =
// tls.Dial(...)) leaks once per round of a loop: the acquisition lies in a
// counted loop (see testLoop) and a path on which the resource is held (the
// paired error is nil) comes back round to it, or the loop runs a function
// literal that acquires it. On a path where the error is non-nil there is no
// resource, so a poll that retries on failure and leaves the loop on success
// (for { _, err = tls.Dial(...); if err != nil { sleep; continue }; break })
// leaks one per test, the test-code default. Without a paired error variable
// every round may hold one, and it repeats.
func (c *checker) discardRepeats(cur, fn inspector.Cursor, body *ast.BlockStmt, stmt ast.Node, errExpr ast.Expr, src *resources.Source) bool {
	info := c.pass.TypesInfo
	loop := testLoop(info, cur, src)
	if loop == nil {
		return false
	}
	if loop.Pos() < fn.Node().Pos() || loop.End() > fn.Node().End() {
		return true // the loop calls the function literal that acquires
	}
	id, ok := errExpr.(*ast.Ident)
	if !ok {
		return true
	}
	errVar, ok := info.ObjectOf(id).(*types.Var)
	if !ok {
		return true
	}
	g := c.graph(body)
	// The discarded resource has no variable: a fresh one, which no code
	// mentions, stands for it, so only the paired error and the ends of the
	// test (t.Fatal, a failed test's mark) prune the paths.
	held := types.NewVar(token.NoPos, c.pass.Pkg, "_", types.Typ[types.Invalid])
	r := &tracked{stmt: stmt, v: held, err: errVar, kind: src.Kind, info: info, tr: c.t}
	r.leakPath(g, body)
	return r.again
}

// testLoop returns the loop that repeats a leak of a resource from src in test
// code (see loops.Counted), or nil. A connection accepted in a for statement with
// no condition is the far end of a dial the test makes: the loop runs once per
// dial, so the repetition, and its bound, belong to the test's own dials. A loop
// that acquires by itself (a poll that dials or gets until ready) repeats its leak
// when a path holding the resource comes back round (see repeats and
// discardRepeats). A loop counted by a value the test wrote in its table (see
// tableCounted) is a case of the table, and the search goes on outside it.
func testLoop(info *types.Info, cur inspector.Cursor, src *resources.Source) ast.Node {
	loop := loops.Counted(info, cur)
	for loop != nil {
		c, ok := enclosingNode(cur, loop)
		if !ok || !tableCounted(info, c) {
			break
		}
		loop = loops.Counted(info, c)
	}
	if f, ok := loop.(*ast.ForStmt); ok && f.Cond == nil && strings.HasPrefix(src.Callee.Name(), "Accept") {
		return nil
	}
	return loop
}

// preGo123 reports whether the file holding cur has a Go version below 1.23, where
// unreferenced but unstopped tickers are never collected. A file without a version
// gets the toolchain's behaviour, which collects them.
func preGo123(pass *analysis.Pass, cur inspector.Cursor) bool {
	for c := range cur.Enclosing((*ast.File)(nil)) {
		v := pass.TypesInfo.FileVersions[c.Node().(*ast.File)]
		return v != "" && version.Compare(version.Lang(v), "go1.23") < 0
	}
	return false
}

// acquiringStmt finds the statement that receives the resource of call: an
// assignment or var declaration with the resource's variable (or blank) and the
// paired error's expression, or an expression statement that discards it. It
// returns a nil statement when the resource goes anywhere else.
func acquiringStmt(cur inspector.Cursor, call *ast.CallExpr, src *resources.Source) (ast.Node, ast.Expr, ast.Expr) {
	parent := cur.Parent()
	for {
		if _, ok := parent.Node().(*ast.ParenExpr); !ok {
			break
		}
		parent = parent.Parent()
	}
	var lhs, rhs []ast.Expr
	switch p := parent.Node().(type) {
	case *ast.ExprStmt:
		return p, nil, nil
	case *ast.AssignStmt:
		lhs, rhs = p.Lhs, p.Rhs
	case *ast.ValueSpec:
		for _, n := range p.Names {
			lhs = append(lhs, n)
		}
		rhs = p.Values
	default:
		return nil, nil, nil
	}
	stmt := parent.Node()
	if len(rhs) == 1 && len(lhs) > 1 {
		if src.Result >= len(lhs) {
			return nil, nil, nil
		}
		var errExpr ast.Expr
		if last := lhs[len(lhs)-1]; len(lhs)-1 != src.Result {
			errExpr = last
		}
		return stmt, lhs[src.Result], errExpr
	}
	for i, r := range rhs {
		if ast.Unparen(r) == call && i < len(lhs) && src.Result == 0 {
			return stmt, lhs[i], nil
		}
	}
	return nil, nil, nil
}

// pairing says what the last result of an acquiring call is to its resource.
type pairing int

const (
	pairNone  pairing = iota // no other result: the resource is the last one, or the only one
	pairError                // an error (its type implements error): non-nil when there is no resource
	pairFlag                 // a bool, the comma-ok convention: false when there is no resource
	pairOther                // anything else (a byte, a count): it says nothing about the resource
)

// pairOf classifies the last result of call. Only a result whose type implements
// error is the paired error: a byte or a count beside a resource says nothing
// about it, and a bool follows the comma-ok convention of map lookups and type
// assertions, where false comes with the zero value.
func pairOf(info *types.Info, call *ast.CallExpr) pairing {
	tuple, ok := info.TypeOf(call).(*types.Tuple)
	if !ok || tuple.Len() < 2 {
		return pairNone
	}
	last := tuple.At(tuple.Len() - 1).Type()
	switch {
	case types.Implements(last, errorType):
		return pairError
	case types.Identical(last.Underlying(), types.Typ[types.Bool]):
		return pairFlag
	}
	return pairOther
}

var errorType = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// expectsSuccess reports whether the first statement after the acquisition that
// reads its error treats failure as the exceptional case: if err != nil, a return
// of the error, or an assertion that the error is nil (a function with the Asserts
// fact, such as must(err), noError(t, err) or assert(t, err == nil), or testify's
// require.NoError). Tests that expect the call to fail (if err !=
// context.Canceled, requireTrue(t, err != nil), require.Error) discard the
// resource knowingly.
func expectsSuccess(pass *analysis.Pass, t *resources.Tracker, cur inspector.Cursor, stmt ast.Node, errExpr ast.Expr, kind *resources.Kind) bool {
	id, ok := errExpr.(*ast.Ident)
	if !ok {
		return true // stored elsewhere (s.err): no telling, report
	}
	errVar, ok := pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok {
		return false
	}
	var next ast.Node
	if list, index := stmtList(cur, stmt); list != nil {
		for _, s := range list[index+1:] {
			if flow.Mentions(pass.TypesInfo, s, errVar) {
				next = s
				break
			}
		}
	} else if ifs, ok := cur.Parent().Parent().Node().(*ast.IfStmt); ok && ifs.Init == stmt {
		next = ifs.Cond
	}
	if ifs, ok := next.(*ast.IfStmt); ok {
		next = ifs.Cond
	}
	switch n := next.(type) {
	case *ast.BinaryExpr:
		y, ok := n.Y.(*ast.Ident)
		return ok && n.Op == token.NEQ && y.Name == "nil"
	case *ast.ReturnStmt:
		return true
	case *ast.ExprStmt:
		call, ok := ast.Unparen(n.X).(*ast.CallExpr)
		if !ok {
			return false
		}
		r := &tracked{err: errVar, kind: kind, info: pass.TypesInfo, tr: t}
		for _, a := range t.Assertions(call) {
			var g obligation.Gone
			switch {
			case a.Error && r.isVar(a.Arg, errVar):
				g = obligation.GoneIf(true)
			case !a.Error:
				g = r.search().Eval(a.Arg, true)
			default:
				continue
			}
			if g.IfTrue == g.IfFalse {
				return false // not understood
			}
			// The call returns when its argument is a.Holds: success is expected
			// when that is the branch on which the error is nil.
			return g.IfTrue != a.Holds
		}
	}
	return false
}

func isResult(sig *types.Signature, v *types.Var) bool {
	for i := 0; i < sig.Results().Len(); i++ {
		if sig.Results().At(i) == v {
			return true
		}
	}
	return false
}

// verb says what releasing a resource of kind k is called.
func verb(k *resources.Kind) string {
	switch {
	case len(k.Release) == 0:
		return "stopped"
	case len(k.Release) == 2 && k.Release[0] == "Commit":
		return "committed or rolled back"
	case k.Release[0] == "Close":
		return "closed"
	case k.Release[0] == "Stop":
		return "stopped"
	}
	return "released with " + k.Release[0]
}

func releaseWord(k *resources.Kind) string {
	switch verb(k) {
	case "committed or rolled back":
		return "commit or roll back"
	case "closed":
		return "close"
	case "stopped":
		return "stop"
	}
	return "call " + k.Release[0] + " on"
}

// advice says how to release a resource of kind k held in v.
func advice(k *resources.Kind, v string, checked bool) string {
	if !checked {
		return "release it on every path, for example with defer " + k.ReleaseCall(v) + " right after it is acquired"
	}
	return "release it on every path, for example with defer " + k.ReleaseCall(v) + " after the error check"
}

// laterDefer returns the deferred release of the tracked resource that the
// function already has, in the acquisition's own statement list but further
// down (after a Write whose failure returns early), or nil. Moved up to right
// after the error check it releases the resource on every path, and the
// variable holds the same value there (the caller checks that nothing assigns
// it again): the fix is to move it, not to add a second one that would release
// the resource twice.
func laterDefer(t *resources.Tracker, cur inspector.Cursor, r *tracked) *ast.DeferStmt {
	list, index := stmtList(cur, r.stmt)
	if list == nil {
		return nil
	}
	for _, s := range list[index+1:] {
		if d, ok := s.(*ast.DeferStmt); ok && releasesIn(t, d, r) {
			return d
		}
	}
	return nil
}

// boundDefer returns a deferred release of the tracked variable that the
// function registers before the acquisition, in a statement list around it, and
// whose call names the variable itself (defer f.Close(), defer closeFile(f)), or
// nil. A deferred call evaluates its receiver and arguments when the defer
// statement runs: it releases the value the variable held then, and the new
// value that the acquisition assigns is not released by it (measurement 47:
// swarmkit's agent defers the Stop of its node-update ticker, then replaces the
// ticker after a certificate rotation, and returns with the new one running). A
// deferred function literal reads the variable when it runs, and is not such a
// defer.
func boundDefer(t *resources.Tracker, cur inspector.Cursor, r *tracked) *ast.DeferStmt {
	return deferBefore(cur, func(d *ast.DeferStmt) bool {
		_, lit := ast.Unparen(d.Call.Fun).(*ast.FuncLit)
		return !lit && releasesIn(t, d, r)
	})
}

// deferBefore returns a defer statement for which accept holds, registered
// before the node at cur in a statement list around it within its function,
// so on every path that reaches that node; or nil.
func deferBefore(cur inspector.Cursor, accept func(*ast.DeferStmt) bool) *ast.DeferStmt {
	for c := range cur.Enclosing() {
		parent := c.Parent().Node()
		switch parent.(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return nil
		}
		list, ok := flow.StmtList(parent)
		if !ok {
			continue
		}
		for _, s := range list {
			if s == c.Node() {
				break
			}
			if d, ok := s.(*ast.DeferStmt); ok && accept(d) {
				return d
			}
		}
	}
	return nil
}

// databaseReleases returns the positions, after the acquisition stmt, where the
// function releases db, the database the statement was prepared on (see
// resources.PreparedOn; nil for none): db.Close(), or a helper that closes its
// parameter. A path through one of them releases the statement too.
func databaseReleases(t *resources.Tracker, fnCur inspector.Cursor, body *ast.BlockStmt, db *types.Var, dbKind *resources.Kind, stmt ast.Node) []token.Pos {
	if db == nil {
		return nil
	}
	var at []token.Pos
	for _, u := range t.Uses(body, db, dbKind) {
		closes := u.Effect == resources.Release || u.Effect == resources.Move && closingCall(t, fnCur, u, dbKind)
		if closes && u.Ident.Pos() >= stmt.End() {
			at = append(at, u.Ident.Pos())
		}
	}
	return at
}

// databaseDeferredBefore reports whether the function defers the release of db,
// the database the statement at cur is prepared on (nil for none), before
// preparing it (db, err := sql.Open(...); defer db.Close(); stmt, err :=
// db.Prepare(q)): every return closes the statement with the database.
func databaseDeferredBefore(t *resources.Tracker, cur inspector.Cursor, db *types.Var, dbKind *resources.Kind) bool {
	if db == nil {
		return false
	}
	return deferBefore(cur, func(d *ast.DeferStmt) bool {
		return slices.ContainsFunc(t.Uses(d, db, dbKind), func(u resources.Use) bool { return u.Effect == resources.Release })
	}) != nil
}

// boundDeferAdvice says how to release a resource of kind k, acquired into v
// after the deferred call d bound v's earlier value (see boundDefer): defer a
// function literal that reads v when it runs. Not a second defer, which in a loop
// would hold every value until the function returns.
func boundDeferAdvice(pass *analysis.Pass, d *ast.DeferStmt, k *resources.Kind, v string) string {
	call := edit.Render(pass.Fset, d.Call, "")
	if call == "" || strings.Contains(call, "\n") || len(call) > 60 {
		call = k.ReleaseCall(v)
	}
	releases := "releases"
	switch verb(k) {
	case "closed":
		releases = "closes"
	case "stopped":
		releases = "stops"
	}
	return fmt.Sprintf("the deferred %s at line %d %s only the %s %s held when the defer ran: make it defer func() { %s }(), which %s the %s %s holds when the function returns",
		call, pass.Fset.Position(d.Pos()).Line, releases, k.Noun, v, call, releases, k.Noun, v)
}

// deferredBefore reports whether the deferred release d (see laterDefer), in the
// statement list of the acquisition stmt, is registered on every path that
// reaches pos: pos lies after d and within the statements that follow it in
// that list (measurement 25: hc-install's downloader.go, defer
// resp.Body.Close() and then pkgReader := resp.Body), or, past the end of that
// list, no path from the acquisition reaches pos without passing d (measurement
// 46: vals's Inputs, whose file is opened and its Close deferred in one branch,
// and read through reader = fp by a return after the branches). A use there
// cannot hand the resource to a new owner: the function still releases it when
// it returns.
func deferredBefore(g *flow.Graph, cur inspector.Cursor, d *ast.DeferStmt, stmt ast.Node, pos token.Pos) bool {
	if d == nil {
		return false
	}
	list, _ := stmtList(cur, stmt)
	if len(list) == 0 || pos < d.End() {
		return false
	}
	if pos < list[len(list)-1].End() {
		return true
	}
	reach := g.ReachWithout(stmt.Pos(), func(n ast.Node) bool { return n == d })
	return !reach.Pos(pos)
}

// moveDeferAdvice says how to release a resource that the function releases
// with the deferred call d, placed after some returns that leave it open.
func moveDeferAdvice(pass *analysis.Pass, d *ast.DeferStmt, checked bool) string {
	where := "right after it is acquired"
	if checked {
		where = "right after the error check"
	}
	what := edit.Render(pass.Fset, d, "")
	if what == "" || strings.Contains(what, "\n") || len(what) > 60 {
		what = "the deferred release"
	}
	return fmt.Sprintf("move %s at line %d up to %s, so that it runs on the returns before it too",
		what, pass.Fset.Position(d.Pos()).Line, where)
}

// explicitOnly reports whether the function releases the resource somewhere, and
// every release (at the positions given) is a plain call, none deferred.
func explicitOnly(body *ast.BlockStmt, released []token.Pos) bool {
	if len(released) == 0 {
		return false
	}
	deferred := false
	ast.Inspect(body, func(n ast.Node) bool {
		if d, ok := n.(*ast.DeferStmt); ok && releasesWithin(d, released) {
			deferred = true
		}
		return !deferred
	})
	return !deferred
}

// pathAdvice says how to release a resource of kind k held in v that the
// function already releases with explicit calls on other paths: on the leaking
// path too (a deferred release beside the explicit ones would release it twice).
// A transaction keeps the deferred Rollback advice: after a Commit it does
// nothing. A variable that takes a new value keeps it too: the deferred release
// binds the old value.
func pathAdvice(k *resources.Kind, v, paths string) string {
	if paths == "paths" {
		return "call " + k.ReleaseCall(v) + " on those paths too, as the function does on the others"
	}
	return "call " + k.ReleaseCall(v) + " on that path too, as the function does on the others"
}

// callsRelease reports whether one of the releases at the positions given is a
// call of one of kind k's release methods (rsp.Body.Close()), not a release in
// another form (io.ReadAll(rsp.Body) reads a body to its end): only then does
// pathAdvice's "as the function does on the others" describe the function.
func callsRelease(body *ast.BlockStmt, released []token.Pos, k *resources.Kind) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !found {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok &&
				slices.Contains(k.Release, sel.Sel.Name) && releasesWithin(sel.X, released) {
				found = true
			}
		}
		return !found
	})
	return found
}

// noMethodAdvice says how to release a resource held in v, whose type lacks
// the kind's release method (an io.Reader holding a file): v.Close() would not
// compile. When the acquirer's own result type has the method, the fix is to
// keep that type; otherwise the acquirer hides it, and has to return it.
func noMethodAdvice(pass *analysis.Pass, src *resources.Source, v *types.Var, name string) string {
	method := src.Kind.ReleaseMethod()
	held := types.TypeString(v.Type(), types.RelativeTo(pass.Pkg))
	if res := src.Callee.Signature().Results(); src.Result < res.Len() {
		t := res.At(src.Result).Type()
		if obj, _, _ := types.LookupFieldOrMethod(t, true, pass.Pkg, method); obj != nil {
			if _, isFunc := obj.(*types.Func); isFunc {
				return fmt.Sprintf("%s holds it as %s, which has no %s method: keep the %s from %s in a variable of type %s and call its %s on every path",
					v.Name(), held, method, src.Kind.Noun, name, types.TypeString(t, types.RelativeTo(pass.Pkg)), method)
			}
		}
	}
	return fmt.Sprintf("%s returns it as %s, which has no %s method: have %s return it as a type with %s, and call %s on every path",
		name, held, method, name, method, method)
}

// loopAdvice says how to release a resource of kind k held in v, acquired in a
// loop and released nowhere: a deferred release would wait for the function to
// return, holding one per iteration.
func loopAdvice(k *resources.Kind, v string) string {
	return "call " + k.ReleaseCall(v) + " on every path once it is no longer needed (a deferred release in the loop would wait for the function to return)"
}

// handOffAdvice says how to release a resource of kind k held in v that the
// function hands on at line (to a goroutine, a struct, an owner) on some paths: a
// deferred release would take it from its new owner, so the paths that do not hand
// it on release it themselves (an accept loop that drops the connection when it is
// shutting down closes it there).
func handOffAdvice(k *resources.Kind, v string, line int) string {
	return fmt.Sprintf("call %s on each path that does not hand it on as line %d does (a deferred release would take it from its new owner)", k.ReleaseCall(v), line)
}

// callName renders the acquiring call's function for messages: os.Open, db.Query.
func callName(pass *analysis.Pass, call *ast.CallExpr) string {
	if s := edit.Render(pass.Fset, call.Fun, ""); s != "" && len(s) <= 40 {
		return s
	}
	return "the call"
}

// checkDeferBeforeCheck reports a deferred release of the resource placed, in the
// statement list of the acquisition, before the first statement that reads or
// assigns the paired error: when the acquisition fails, it runs on a nil value.
func checkDeferBeforeCheck(pass *analysis.Pass, t *resources.Tracker, cur inspector.Cursor, r *tracked, name string) {
	list, index := stmtList(cur, r.stmt)
	if list == nil {
		return
	}
	for _, s := range list[index+1:] {
		if d, ok := s.(*ast.DeferStmt); ok && releasesIn(t, d, r) && !nilChecked(d, r) {
			if r.kind.NilSafe && errorDiscarded(d, r) {
				return // defer f.Close() on a nil file returns an error that nobody reads
			}
			msg := fmt.Sprintf("%s is deferred before the error from %s is checked, so when %s fails it runs on a nil %s: defer it after the error check",
				edit.Render(pass.Fset, d.Call, "the release"), name, name, r.v.Name())
			if r.kind.BodyOnly {
				msg = fmt.Sprintf("%s is deferred before the error from %s is checked, so when %s fails reading %s.Body panics on a nil %s: defer it after the error check",
					edit.Render(pass.Fset, d.Call, "the release"), name, name, r.v.Name(), r.v.Name())
			}
			report.Node(pass, d, msg)
			return
		}
		if flow.Mentions(pass.TypesInfo, s, r.err) || flow.Mentions(pass.TypesInfo, s, r.v) {
			return
		}
	}
}

// errorDiscarded reports whether every call in the deferred statement d that
// releases the tracked resource discards the release's error: it is the deferred
// call itself (defer f.Close()), a call statement, assigned to the blank
// identifier (defer func() { _ = f.Close() }()), or the sole result returned by
// the deferred function literal itself (defer func() error { return f.Close()
// }()): the language discards a deferred function's results, so that error goes
// nowhere either. Run on the nil value of a failed acquisition, a nil-safe
// release then changes nothing; one whose error is read (err = f.Close()) reports
// a failure that did not happen.
func errorDiscarded(d *ast.DeferStmt, r *tracked) bool {
	discarded, found := true, false
	var stack []ast.Node
	ast.Inspect(d, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if call, ok := n.(*ast.CallExpr); ok && len(stack) > 0 && r.releaseCall(call) {
			found = true
			switch p := stack[len(stack)-1].(type) {
			case *ast.DeferStmt, *ast.ExprStmt:
			case *ast.ReturnStmt:
				if len(p.Results) != 1 || !returnsFromDeferred(d, stack) {
					discarded = false
				}
			case *ast.AssignStmt:
				for _, l := range p.Lhs {
					if id, ok := l.(*ast.Ident); !ok || id.Name != "_" {
						discarded = false
					}
				}
			default:
				discarded = false
			}
		}
		stack = append(stack, n)
		return true
	})
	return found && discarded
}

// returnsFromDeferred reports whether a return statement whose enclosing nodes
// are stack returns from the function literal that d calls (defer func() error {
// ... }()), not from a literal nested in it, whose result someone may read.
func returnsFromDeferred(d *ast.DeferStmt, stack []ast.Node) bool {
	lit, ok := ast.Unparen(d.Call.Fun).(*ast.FuncLit)
	if !ok {
		return false
	}
	for i := len(stack) - 1; i >= 0; i-- {
		if inner, ok := stack[i].(*ast.FuncLit); ok {
			return inner == lit
		}
	}
	return false
}

// releaseCall reports whether call is v.M() for a release method M of the
// tracked resource's kind.
func (r *tracked) releaseCall(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && slices.Contains(r.kind.Release, sel.Sel.Name) && r.isVar(sel.X, r.v)
}

// releasesIn reports whether the deferred call releases the tracked resource.
func releasesIn(t *resources.Tracker, d *ast.DeferStmt, r *tracked) bool {
	for _, u := range t.Uses(d, r.v, r.kind) {
		if u.Effect == resources.Release {
			return true
		}
	}
	return false
}

// nilChecked reports whether the deferred call compares the variable with nil, as
// defer func() { if resp != nil { resp.Body.Close() } }() does: it is safe early.
func nilChecked(d *ast.DeferStmt, r *tracked) bool {
	found := false
	ast.Inspect(d, func(n ast.Node) bool {
		if b, ok := n.(*ast.BinaryExpr); ok && (b.Op == token.EQL || b.Op == token.NEQ) {
			if other, _ := r.operand(b, false); other != nil && r.isNil(other) {
				found = true
			}
		}
		return !found
	})
	return found
}

// stmtList returns the statement list holding the acquiring statement, and its index.
func stmtList(cur inspector.Cursor, stmt ast.Node) ([]ast.Stmt, int) {
	for c := range cur.Enclosing() {
		parent := c.Parent().Node()
		switch parent.(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return nil, 0
		}
		list, ok := flow.StmtList(parent)
		if !ok {
			continue
		}
		for i, s := range list {
			if s == c.Node() {
				if s == stmt || declares(s, stmt) {
					return list, i
				}
				return nil, 0
			}
		}
	}
	return nil, 0
}

// declares reports whether s is the declaration statement holding spec.
func declares(s ast.Stmt, spec ast.Node) bool {
	d, ok := s.(*ast.DeclStmt)
	if !ok {
		return false
	}
	g, ok := d.Decl.(*ast.GenDecl)
	if !ok {
		return false
	}
	for _, sp := range g.Specs {
		if sp == spec {
			return true
		}
	}
	return false
}

// deferFix inserts a deferred release after the error check that follows the
// acquisition (`if err != nil { ...; return }`), or right after the acquisition
// when there is no error. Not offered in loops, where a defer would pile up, nor
// when the error is checked in any other way.
func deferFix(pass *analysis.Pass, cur inspector.Cursor, r *tracked, v string) []analysis.SuggestedFix {
	release := r.kind.ReleaseCall(v)
	if release == "" || len(loops.Enclosing(cur)) > 0 || !hasReleaseMethod(pass, r) {
		return nil
	}
	list, index := stmtList(cur, r.stmt)
	if list == nil {
		return nil
	}
	after := list[index]
	if r.err != nil {
		if index+1 >= len(list) || !isErrCheck(pass.TypesInfo, r.tr, list[index+1], r.err) {
			return nil
		}
		after = list[index+1]
	}
	return []analysis.SuggestedFix{{
		Message:   "Defer " + release,
		TextEdits: []analysis.TextEdit{edit.AfterStatement(pass, after, "defer "+release)},
	}}
}

// hasReleaseMethod reports whether the variable's own type has the method the
// fix would call: a variable declared as an io.Reader and assigned a file
// (in := cmd.InOrStdin(); in, err = os.Open(name)) holds a file that has Close,
// but in.Close() does not compile.
func hasReleaseMethod(pass *analysis.Pass, r *tracked) bool {
	if r.kind.BodyOnly || r.v == nil {
		return true // the body of a response: an io.ReadCloser
	}
	obj, _, _ := types.LookupFieldOrMethod(r.v.Type(), true, pass.Pkg, r.kind.ReleaseMethod())
	_, isFunc := obj.(*types.Func)
	return isFunc
}

// isErrCheck reports whether s is `if err != nil { ... }` ending in a return or a
// call that does not return, with no else.
func isErrCheck(info *types.Info, t *resources.Tracker, s ast.Stmt, err *types.Var) bool {
	ifs, ok := s.(*ast.IfStmt)
	if !ok || ifs.Init != nil || ifs.Else != nil || len(ifs.Body.List) == 0 {
		return false
	}
	cmp, ok := ifs.Cond.(*ast.BinaryExpr)
	if !ok || cmp.Op != token.NEQ {
		return false
	}
	x, ok1 := cmp.X.(*ast.Ident)
	y, ok2 := cmp.Y.(*ast.Ident)
	if !ok1 || !ok2 || info.Uses[x] != err || y.Name != "nil" {
		return false
	}
	switch last := ifs.Body.List[len(ifs.Body.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.ExprStmt:
		call, ok := last.X.(*ast.CallExpr)
		return ok && !t.MayReturn(call)
	}
	return false
}
