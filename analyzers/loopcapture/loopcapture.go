package loopcapture

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/deferlint/deferlint/internal/configfile"
	"github.com/deferlint/deferlint/internal/docs"
	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/knowledge"
	"github.com/deferlint/deferlint/internal/loops"
	"github.com/deferlint/deferlint/internal/report"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

//go:embed doc.go
var doc string

// Analyzer reports function literals that are deferred or started as goroutines in a
// loop and read a variable that a later iteration changes.
var Analyzer = &analysis.Analyzer{
	Name:     "loopcapture",
	Doc:      docs.Extract(doc, "loopcapture"),
	URL:      report.URL("loopcapture"),
	Requires: append([]*analysis.Analyzer{inspect.Analyzer}, report.Requires...),
	Run:      run,
}

const errgroupPath = "golang.org/x/sync/errgroup"

func run(pass *analysis.Pass) (any, error) {
	if on, err := configfile.Apply(pass, nil); err != nil || !on {
		return nil, err // off in this directory: nothing to report, no facts to export
	}
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	filter := []ast.Node{(*ast.DeferStmt)(nil), (*ast.GoStmt)(nil)}
	// Fast path: launcher calls need sync, errgroup or testing; plain defer and go
	// statements need nothing.
	for _, imp := range pass.Pkg.Imports() {
		if p := imp.Path(); p == "sync" || p == "testing" || p == errgroupPath {
			filter = append(filter, (*ast.CallExpr)(nil))
			break
		}
	}
	c := &checker{pass: pass, graphs: make(map[ast.Node]*flow.Graph)}
	for cur := range in.Root().Preorder(filter...) {
		l := launchAt(pass.TypesInfo, cur.Node())
		if l == nil {
			continue
		}
		enclosing := loops.Enclosing(cur)
		if len(enclosing) == 0 {
			continue
		}
		fn, ok := loops.EnclosingFunc(cur)
		if !ok {
			continue
		}
		c.check(l, cur, fn.Node(), enclosing)
	}
	return nil, nil
}

type launchKind int

const (
	deferred  launchKind = iota // defer func() { ... }()
	goroutine                   // go func() { ... }()
	launcher                    // g.Go(func() error { ... }), wg.Go(func() { ... })
	subtest                     // t.Run(name, func(t *testing.T) { t.Parallel(); ... })
)

// launch is a function literal that runs after the statement that starts it has
// finished: deferred, started as a goroutine, or run as a parallel subtest.
type launch struct {
	kind  launchKind
	lit   *ast.FuncLit
	call  *ast.CallExpr // the deferred or go call, or the launcher call
	late  []ast.Stmt    // statements of lit that run late: all, or those after t.Parallel()
	label string        // what runs late, for messages
}

// launchAt returns the launch that n starts, or nil.
func launchAt(info *types.Info, n ast.Node) *launch {
	switch n := n.(type) {
	case *ast.DeferStmt:
		if lit, ok := ast.Unparen(n.Call.Fun).(*ast.FuncLit); ok && lit.Body != nil {
			return &launch{kind: deferred, lit: lit, call: n.Call, late: lit.Body.List, label: "the deferred function"}
		}
	case *ast.GoStmt:
		if lit, ok := ast.Unparen(n.Call.Fun).(*ast.FuncLit); ok && lit.Body != nil {
			return &launch{kind: goroutine, lit: lit, call: n.Call, late: lit.Body.List, label: "the goroutine"}
		}
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(info, n).(*types.Func)
		if !ok {
			return nil
		}
		switch {
		case knowledge.IsLauncher(fn):
			if len(n.Args) == 1 {
				if lit, ok := ast.Unparen(n.Args[0]).(*ast.FuncLit); ok && lit.Body != nil {
					return &launch{kind: launcher, lit: lit, call: n, late: lit.Body.List,
						label: "the goroutine started by " + types.ExprString(n.Fun)}
				}
			}
		case knowledge.IsMethod(fn, "testing", "T", "Run"):
			if len(n.Args) == 2 {
				if lit, ok := ast.Unparen(n.Args[1]).(*ast.FuncLit); ok && lit.Body != nil {
					if late := afterParallel(info, lit); late != nil {
						return &launch{kind: subtest, lit: lit, call: n, late: late, label: "the parallel subtest"}
					}
				}
			}
		}
	}
	return nil
}

// afterParallel returns the statements of a subtest's body that follow its call to
// t.Parallel() on the subtest's own t: those run after the parent test function
// has returned, so after the loop is over. Statements before the last label are
// left out, since a jump could skip the call; nil when there is no such call.
func afterParallel(info *types.Info, lit *ast.FuncLit) []ast.Stmt {
	params := lit.Type.Params
	if params == nil || len(params.List) == 0 || len(params.List[0].Names) == 0 {
		return nil
	}
	t := info.Defs[params.List[0].Names[0]]
	if t == nil {
		return nil
	}
	var late []ast.Stmt
	parallel := false
	for _, stmt := range lit.Body.List {
		if labeled, ok := stmt.(*ast.LabeledStmt); ok {
			late, parallel = nil, false
			for ok {
				stmt = labeled.Stmt
				labeled, ok = stmt.(*ast.LabeledStmt)
			}
		}
		if parallel {
			late = append(late, stmt)
			continue
		}
		expr, ok := stmt.(*ast.ExprStmt)
		if !ok {
			continue
		}
		call, ok := expr.X.(*ast.CallExpr)
		if !ok {
			continue
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		id, ok := ast.Unparen(sel.X).(*ast.Ident)
		fn, isFunc := typeutil.Callee(info, call).(*types.Func)
		if ok && info.Uses[id] == t && isFunc && knowledge.IsMethod(fn, "testing", "T", "Parallel") {
			parallel = true
		}
	}
	return late
}

// checker holds what the checks of one package share.
type checker struct {
	pass   *analysis.Pass
	graphs map[ast.Node]*flow.Graph // by function, built on first use
}

func (c *checker) graph(fn ast.Node) *flow.Graph {
	g := c.graphs[fn]
	if g == nil {
		g = flow.New(c.pass.TypesInfo, flow.FuncBody(fn))
		c.graphs[fn] = g
	}
	return g
}

// finding is one variable that a launch reads late and the loop changes.
type finding struct {
	v         *types.Var
	read      *ast.Ident
	iteration bool // a pre-Go 1.22 iteration variable, rather than one declared outside the loop
	// shared is set for a variable declared outside the loop that the literal
	// writes, itself or through it (v = x, v[i] = x, v.f = x, *v = x): the literal
	// means to reach the loop's own storage, which a copy would change.
	shared   bool
	assigned bool // shared, and the literal assigns v itself (or takes its address)
	appended bool // shared, and v is a slice the loop only ever appends to
}

// check reports the variables that l reads late and that the loops enclosing it
// (innermost first, within fn) assign again before l runs.
func (c *checker) check(l *launch, cur inspector.Cursor, fn ast.Node, enclosing []ast.Stmt) {
	info := c.pass.TypesInfo
	body := flow.FuncBody(fn)
	if body == nil {
		return
	}
	file := enclosingFile(cur)
	if file == nil {
		return
	}
	perIteration := loops.PerIterationVars(info, file)
	waits := c.waits(l, body)
	if fanIn := fanInWait(info, l, body, enclosing[0]); fanIn != nil {
		waits = either(waits, fanIn) // a loop that receives from every goroutine the loop started
	}
	var reach *flow.Reach // computed on first use
	var pipes []*pipeWait
	pipesFound := false
	// reached reports whether an assignment of v at sites can run after l starts
	// and before the iteration has waited for it: by a Wait call or a receive, or,
	// for a variable l reads before it uses its end of a pipe, by an exchange
	// through the pipe.
	reached := func(v *types.Var, sites []site) bool {
		if reach == nil {
			reach = c.graph(fn).ReachWithout(l.call.Pos(), waits)
		}
		if !anyReached(reach, sites) {
			return false
		}
		if !pipesFound {
			pipes, pipesFound = pipeWaits(info, l, body, enclosing[0]), true
		}
		for _, p := range pipes {
			if p.first[v] {
				if p.reach == nil {
					p.reach = c.graph(fn).ReachWithout(l.call.Pos(), either(waits, p.blocks))
				}
				if !anyReached(p.reach, sites) {
					return false
				}
			}
		}
		return true
	}
	var found []finding
	for _, r := range lateReads(info, l) {
		v := r.v
		if l.kind == deferred && outcome(info, fn, v) {
			continue
		}
		header, outer := loopsOf(info, v, enclosing)
		var f *finding
		switch {
		case header != nil && !perIteration:
			sites := assignments(info, header, v)
			if _, ok := header.(*ast.RangeStmt); ok {
				sites = append(sites, site{pos: header.Pos(), loop: header})
			}
			if reached(v, sites) {
				f = &finding{v: v, read: r.id, iteration: true}
			}
		case outer != nil:
			sites := assignments(info, outer, v)
			before := slices.ContainsFunc(sites, func(s site) bool { return s.pos < l.call.Pos() })
			if !before {
				continue // the loop sets v only after starting l: l is meant to see the latest value
			}
			if initialisedOnce(info, outer, v, sites) {
				continue
			}
			if l.kind == deferred && accumulated(info, outer, v) {
				continue // the deferred function wants the final total
			}
			if l.kind == deferred && handedOff(info, body, v, l) {
				continue // the deferred function acts on what v still holds at return
			}
			if c.releasedByLoop(l, fn, v, sites) {
				continue // the loop releases each value it overwrites: l releases the last one
			}
			if lockedShared(info, file, l, outer, v, sites) {
				continue // shared state under one mutex: the literal reads its current value by design
			}
			if reached(v, sites) {
				f = &finding{v: v, read: r.id}
				f.assigned = writes(info, l.lit, v)
				if f.assigned || writesThrough(info, l.lit, v) {
					f.shared = true
					_, slice := v.Type().Underlying().(*types.Slice)
					f.appended = slice && accumulated(info, outer, v)
				}
			}
		}
		if f != nil {
			found = append(found, *f)
		}
	}
	if len(found) == 0 {
		return
	}
	fix := c.fix(l, cur, file, found)
	for i, f := range found {
		var fixes []analysis.SuggestedFix
		if i == 0 && fix != nil {
			fixes = []analysis.SuggestedFix{*fix} // one fix for the whole literal
		}
		report.Node(c.pass, f.read, message(l, f), fixes...)
	}
}

func enclosingFile(cur inspector.Cursor) *ast.File {
	for c := range cur.Enclosing((*ast.File)(nil)) {
		file, _ := c.Node().(*ast.File)
		return file
	}
	return nil
}

func message(l *launch, f finding) string {
	var which, sees, todo string
	if f.iteration {
		which = fmt.Sprintf("loop variable %s, which is one variable shared by all iterations in files before Go 1.22", f.v.Name())
	} else {
		which = fmt.Sprintf("%s, which is declared outside the loop and assigned again on later iterations", f.v.Name())
	}
	switch l.kind {
	case deferred, subtest:
		sees = "only the last value"
	default:
		sees = "whatever value the loop holds when it runs"
	}
	switch {
	case f.shared:
		return fmt.Sprintf("%s reads %s, so it sees %s; %s", l.label, which, sees, sharedAdvice(l, f))
	case l.kind == deferred || l.kind == goroutine:
		todo = fmt.Sprintf("pass %s as an argument to the function literal", f.v.Name())
	default:
		todo = fmt.Sprintf("copy it just before the call (%s := %s)", f.v.Name(), f.v.Name())
	}
	return fmt.Sprintf("%s reads %s, so it sees %s: %s", l.label, which, sees, todo)
}

// sharedAdvice says why a copy of v would not do, for a literal that writes v or
// through it, and what to do instead. An assignment to v would go to the copy. A
// copy of a slice shares the backing array
// only until the loop's next append moves it, so writes into the copy's elements
// are lost; a write to a field or element of a struct or array value would go to
// the copy; a write through a pointer, map or interface would reach whatever the copy
// holds rather than what v holds later.
func sharedAdvice(l *launch, f finding) string {
	name := f.v.Name()
	each, first := "each goroutine", "collect the values first and start the goroutines after the loop, or "
	switch l.kind {
	case deferred:
		each, first = "each deferred call", ""
	case subtest:
		each, first = "each subtest", ""
	}
	switch {
	case f.assigned:
		return fmt.Sprintf("it also assigns %s, so its assignments would go to a copy and be lost: give %s a variable of its own that the loop does not assign", name, each)
	case f.appended:
		return fmt.Sprintf("it writes into %s's elements, which a later append can move, so a copy would lose the writes: %sgive %s its own slot that no later append can move", name, first, each)
	case valueType(f.v.Type()):
		return fmt.Sprintf("it also writes to %s's fields or elements, so its writes would go to a copy and be lost: give %s storage of its own that the loop does not assign again", name, each)
	default:
		return fmt.Sprintf("it also writes through %s, so a copy would change what its writes reach: give %s storage of its own that the loop does not assign again", name, each)
	}
}

// valueType reports whether a copy of a variable of type t holds its own data, so
// that writes to the copy's fields or elements do not reach the original: not a
// pointer, slice, map, channel, function or interface.
func valueType(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Signature, *types.Interface:
		return false
	}
	return true
}

// read is a variable that a launch reads late, with the first identifier reading it.
type read struct {
	v  *types.Var
	id *ast.Ident
}

// lateReads returns, in source order, the variables declared outside l's literal
// that its late statements read (at any depth, nested literals included). Struct
// fields do not count, nor do plain assignments to a variable, which write it.
func lateReads(info *types.Info, l *launch) []read {
	var reads []read
	seen := make(map[*types.Var]bool)
	written := make(map[*ast.Ident]bool)
	for _, stmt := range l.late {
		ast.Inspect(stmt, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
					for _, lhs := range n.Lhs {
						if id, ok := ast.Unparen(lhs).(*ast.Ident); ok {
							written[id] = true
						}
					}
				}
			case *ast.Ident:
				v, ok := info.Uses[n].(*types.Var)
				if !ok || v.IsField() || written[n] || seen[v] || within(l.lit, v.Pos()) {
					return true
				}
				seen[v] = true
				reads = append(reads, read{v, n})
			}
			return true
		})
	}
	return reads
}

func within(n ast.Node, pos token.Pos) bool {
	return n.Pos() <= pos && pos < n.End()
}

// outcome reports whether a deferred function that reads v most likely wants its
// final value: v is a named result of fn, or a bool or an error, the usual flags and
// outcomes that deferred cleanup consults (if !committed, if err != nil).
func outcome(info *types.Info, fn ast.Node, v *types.Var) bool {
	if typ := flow.FuncType(fn); typ != nil && typ.Results != nil {
		for _, field := range typ.Results.List {
			for _, name := range field.Names {
				if info.Defs[name] == v {
					return true
				}
			}
		}
	}
	if basic, ok := v.Type().Underlying().(*types.Basic); ok && basic.Kind() == types.Bool {
		return true
	}
	return types.Identical(v.Type(), types.Universe.Lookup("error").Type())
}

// loopsOf places v among the loops that enclose a launch (innermost first). header
// is the loop whose header declares v (a range key or value, or a three-clause for's
// init), if one of them does. outer is the outermost loop that v is declared outside
// of, below header and below the loop whose body declares v; nil when v is declared
// inside the innermost loop.
func loopsOf(info *types.Info, v *types.Var, enclosing []ast.Stmt) (header, outer ast.Stmt) {
	for _, loop := range enclosing {
		if declares(info, loop, v) {
			return loop, outer
		}
		if within(loop, v.Pos()) {
			return nil, outer
		}
		outer = loop
	}
	return nil, outer
}

// declares reports whether the header of loop declares v.
func declares(info *types.Info, loop ast.Stmt, v *types.Var) bool {
	isV := func(e ast.Expr) bool {
		id, ok := e.(*ast.Ident)
		return ok && info.Defs[id] == v
	}
	switch loop := loop.(type) {
	case *ast.RangeStmt:
		return loop.Tok == token.DEFINE && (loop.Key != nil && isV(loop.Key) || loop.Value != nil && isV(loop.Value))
	case *ast.ForStmt:
		if init, ok := loop.Init.(*ast.AssignStmt); ok && init.Tok == token.DEFINE {
			return slices.ContainsFunc(init.Lhs, isV)
		}
	}
	return false
}

// site is a place in a loop that assigns a variable: a statement at pos, or, when
// loop is set, the step of that range loop to its next element.
type site struct {
	pos  token.Pos
	loop ast.Stmt
}

// assignments returns the places in loop that assign v on each iteration: the
// assignment, ++/-- and redeclaring := statements of its body and post statement,
// and the range loops that assign v with =. The loop's own init runs once and does
// not count. Assignments inside function literals are left out (their timing is
// unknown), and so is taking v's address (&v may only be read).
func assignments(info *types.Info, loop ast.Stmt, v *types.Var) []site {
	isV := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	var sites []site
	visit := func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			if slices.ContainsFunc(n.Lhs, isV) {
				sites = append(sites, site{pos: n.Pos()})
			}
		case *ast.IncDecStmt:
			if isV(n.X) {
				sites = append(sites, site{pos: n.Pos()})
			}
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN && (n.Key != nil && isV(n.Key) || n.Value != nil && isV(n.Value)) {
				sites = append(sites, site{pos: n.Pos(), loop: n})
			}
		}
		return true
	}
	switch loop := loop.(type) {
	case *ast.ForStmt:
		if loop.Post != nil {
			ast.Inspect(loop.Post, visit)
		}
		ast.Inspect(loop.Body, visit)
	case *ast.RangeStmt:
		visit(loop) // the range loop's own header
		ast.Inspect(loop.Body, visit)
	}
	return sites
}

// initialisedOnce reports whether every site assigns v in the body of its own if
// statement testing v == nil, one site to each (if sub == nil { sub, err =
// t.Subscribe() }): a lazy initialisation, which runs only while v is nil, so the
// loop never changes v once it holds a value. Range-loop sites do not count.
func initialisedOnce(info *types.Info, loop ast.Stmt, v *types.Var, sites []site) bool {
	guards := 0
	ast.Inspect(loops.Body(loop), func(n ast.Node) bool {
		if _, lit := n.(*ast.FuncLit); lit {
			return false
		}
		if ifStmt, ok := n.(*ast.IfStmt); ok && testsNil(info, ifStmt.Cond, v) {
			inside := 0
			for _, s := range sites {
				if s.loop == nil && ifStmt.Body.Pos() <= s.pos && s.pos < ifStmt.Body.End() {
					inside++
				}
			}
			if inside == 1 {
				guards++
			}
		}
		return true
	})
	return len(sites) > 0 && guards == len(sites)
}

// accumulated reports whether every assignment of v in loop's body builds its new
// value on the old one (total++, n += k, sum = sum + k, all = append(all, x)), and
// the loop's post statement does not step it: v is a total
// the loop accumulates, and a deferred function that reads it runs at return to
// see the final total, which is what it wants. Passing v as an argument would
// freeze a partial total in each call. The repetition of the defer itself is
// deferloop's finding. Goroutines read such a total while the loop changes it, a
// race: they stay reported.
func accumulated(info *types.Info, loop ast.Stmt, v *types.Var) bool {
	isV := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	builds := func(a *ast.AssignStmt) bool {
		if len(a.Lhs) != 1 || len(a.Rhs) != 1 {
			return false
		}
		switch a.Tok {
		case token.DEFINE:
			return false
		case token.ASSIGN:
			switch rhs := ast.Unparen(a.Rhs[0]).(type) {
			case *ast.BinaryExpr:
				return isV(rhs.X) || isV(rhs.Y)
			case *ast.CallExpr:
				id, ok := ast.Unparen(rhs.Fun).(*ast.Ident)
				b, isBuiltin := info.Uses[id].(*types.Builtin)
				return ok && isBuiltin && b.Name() == "append" && len(rhs.Args) > 0 && isV(rhs.Args[0])
			}
			return false
		}
		return true // an operator assignment: +=, -=, |=, ...
	}
	count, all := 0, true
	visit := func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			if slices.ContainsFunc(n.Lhs, isV) {
				count++
				all = all && builds(n)
			}
		case *ast.IncDecStmt:
			if isV(n.X) {
				count++
			}
		case *ast.RangeStmt:
			if n.Key != nil && isV(n.Key) || n.Value != nil && isV(n.Value) {
				count++
				all = false
			}
		}
		return true
	}
	switch loop := loop.(type) {
	case *ast.ForStmt:
		// A variable the header steps (for i = 0; i < n; i++) is the loop's
		// counter, which each deferred call wants at its own iteration's value.
		if loop.Post != nil {
			ast.Inspect(loop.Post, visit)
		}
		if count > 0 {
			return false
		}
		ast.Inspect(loop.Body, visit)
	case *ast.RangeStmt:
		ast.Inspect(loop, visit) // the header too: for v = range xs
	}
	return count > 0 && all
}

// handedOff reports whether the function, whose body is body, clears v (v = nil)
// after starting the deferred literal l, in the loop or after it, and l tests v
// against nil: v = nil is the code saying it has
// handed v's value on to another owner (a response body that will cancel the
// context, a caller that will close the file), and l, which checks for that, is
// written to clean up only what v still holds when the function returns. The
// latest value is what l wants; passing v as an argument would freeze the value
// handed on, and the deferred call would then release it under its new owner.
// (What earlier iterations stored in v and overwrote is lost either way; that is
// the finding of the analyzer for that resource, not of loopcapture.)
func handedOff(info *types.Info, body *ast.BlockStmt, v *types.Var, l *launch) bool {
	cleared := false
	ast.Inspect(body, func(n ast.Node) bool {
		if _, lit := n.(*ast.FuncLit); lit {
			return false
		}
		if as, ok := n.(*ast.AssignStmt); ok && as.Pos() > l.call.End() && as.Tok == token.ASSIGN && len(as.Lhs) == len(as.Rhs) {
			for i, lhs := range as.Lhs {
				cleared = cleared || isVar(info, lhs, v) && flow.IsNil(info, as.Rhs[i])
			}
		}
		return !cleared
	})
	if !cleared {
		return false
	}
	guarded := false
	for _, stmt := range l.late {
		ast.Inspect(stmt, func(n ast.Node) bool {
			if bin, ok := n.(*ast.BinaryExpr); ok && (bin.Op == token.EQL || bin.Op == token.NEQ) {
				guarded = guarded || isVar(info, bin.X, v) && flow.IsNil(info, bin.Y) || flow.IsNil(info, bin.X) && isVar(info, bin.Y, v)
			}
			return !guarded
		})
	}
	return guarded
}

// isVar reports whether e is an identifier referring to v.
func isVar(info *types.Info, e ast.Expr, v *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && info.Uses[id] == v
}

// testsNil reports whether cond is v == nil or nil == v.
func testsNil(info *types.Info, cond ast.Expr, v *types.Var) bool {
	x, equal, ok := flow.ComparedWithNil(info, cond)
	return ok && equal && isVar(info, x, v)
}

func anyReached(reach *flow.Reach, sites []site) bool {
	return slices.ContainsFunc(sites, func(s site) bool {
		if s.loop != nil {
			return reach.Iterates(s.loop)
		}
		return reach.Pos(s.pos)
	})
}

// boundArgs maps each parameter of l's literal, when the go or defer statement
// calls the literal itself (go func(ch chan T) { ... }(ch)), to the variable its
// argument names: a parameter holds the value of its argument, so the literal's ch
// is the loop's ch, and a receive from the one is a receive from the other. Only
// arguments that are plain identifiers of a variable count, and only while the
// function does not assign that variable after the call (nor take its address): an
// assignment there could make the name hold another channel by the time the
// iteration receives from it. A variadic parameter is left out.
func boundArgs(info *types.Info, l *launch, body *ast.BlockStmt) map[*types.Var]*types.Var {
	if ast.Unparen(l.call.Fun) != l.lit || l.call.Ellipsis.IsValid() {
		return nil
	}
	sig, ok := info.TypeOf(l.lit).(*types.Signature)
	if !ok {
		return nil
	}
	n := sig.Params().Len()
	if sig.Variadic() {
		n--
	}
	bound := make(map[*types.Var]*types.Var)
	for i := 0; i < n && i < len(l.call.Args); i++ {
		id, ok := ast.Unparen(l.call.Args[i]).(*ast.Ident)
		if !ok {
			continue
		}
		if arg, ok := info.Uses[id].(*types.Var); ok && !changedAfter(info, body, arg, l.call.End()) {
			bound[sig.Params().At(i)] = arg
		}
	}
	return bound
}

// changedAfter reports whether body assigns v after pos (function literals
// included, whose timing is unknown), or takes its address anywhere.
func changedAfter(info *types.Info, body *ast.BlockStmt, v *types.Var, pos token.Pos) bool {
	changed := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			changed = changed || n.Pos() > pos && slices.ContainsFunc(n.Lhs, func(e ast.Expr) bool { return isVar(info, e, v) })
		case *ast.RangeStmt:
			changed = changed || n.Pos() > pos && n.Tok == token.ASSIGN && (n.Key != nil && isVar(info, n.Key, v) || n.Value != nil && isVar(info, n.Value, v))
		case *ast.UnaryExpr:
			changed = changed || n.Op == token.AND && isVar(info, n.X, v)
		}
		return !changed
	})
	return changed
}

// waits returns the nodes that stop l from running late with respect to the rest
// of its iteration: for goroutines, a call whose name starts with Wait or wait
// (sync.WaitGroup.Wait, errgroup.Group.Wait, a helper), and a receive (also in a
// select or a range loop) from a channel the literal mentions, such as its done or
// result channel, itself or through a parameter bound to it by the go statement. Deferred functions and parallel subtests cannot be waited for.
func (c *checker) waits(l *launch, body *ast.BlockStmt) func(ast.Node) bool {
	if l.kind == deferred || l.kind == subtest {
		return nil
	}
	info := c.pass.TypesInfo
	mentioned := make(map[types.Object]bool)
	ast.Inspect(l.lit, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok {
				mentioned[v] = true
			}
		}
		return true
	})
	for param, arg := range boundArgs(info, l, body) {
		if mentioned[param] {
			mentioned[arg] = true
		}
	}
	mentions := func(e ast.Expr) bool {
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && mentioned[info.Uses[id]] {
				found = true
			}
			return !found
		})
		return found
	}
	// range ch: the graph holds only the channel expression.
	ranged := make(map[ast.Node]bool)
	ast.Inspect(body, func(n ast.Node) bool {
		if r, ok := n.(*ast.RangeStmt); ok {
			if t := info.TypeOf(r.X); t != nil {
				if _, isChan := t.Underlying().(*types.Chan); isChan && mentions(r.X) {
					ranged[r.X] = true
				}
			}
		}
		return true
	})
	return func(n ast.Node) bool {
		if ranged[n] {
			return true
		}
		found := false
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.UnaryExpr:
				found = found || n.Op == token.ARROW && mentions(n.X)
			case *ast.CallExpr:
				if fn, ok := typeutil.Callee(info, n).(*types.Func); ok {
					found = found || strings.HasPrefix(strings.ToLower(fn.Name()), "wait")
				}
			}
			return !found
		})
		return found
	}
}
