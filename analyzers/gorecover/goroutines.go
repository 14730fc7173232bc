package gorecover

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/deferlint/deferlint/internal/knowledge"
	"github.com/deferlint/deferlint/internal/recovery"
	"github.com/deferlint/deferlint/internal/report"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// A site is a goroutine the package starts: by a go statement, by a launcher that
// runs a function argument in a new goroutine, or by a wrapper that runs it
// recovered.
type site struct {
	fun      ast.Expr       // the function the goroutine runs
	launcher string         // the launcher's name; "" for a go statement
	lit      *ast.FuncLit   // fun, when it is a function literal
	obj      types.Object   // the function fun names, when it is not a literal
	body     *ast.BlockStmt // the code the goroutine runs, when this package has it
	decl     *ast.FuncDecl  // the top-level function that starts it; nil at package level
	file     *token.File
	exempt   bool // started by main or init: counted, never reported
	state    state
	work     types.Object // the function that does the goroutine's work, when one stands out
	// propagates: it is recovered, but only to pass the panic on (see
	// recovery.Index.Propagates).
	propagates bool
	// narrow: it is recovered, but only under a condition (an opt-in handler)
	// or with the value discarded (see recovery.Index.Narrow).
	narrow bool
}

type state int

const (
	ignored     state = iota // nothing to decide (see classify)
	delegated                // its work is done by a function that recovers its own panics
	recovered                // it recovers: a deferred call of its own, or a wrapper that starts it recovered
	unrecovered              // a panic in it ends the process
)

// checkGoroutines finds the goroutines the package starts, decides which are
// recovered, exports whether any is, and reports those that are not: all of
// them with -gorecover.strict, those the goroutine rule selects with
// -gorecover.goroutines, and none by default. The facts are the same in every
// mode: other packages read them whatever this package's options.
func (c *checker) checkGoroutines() {
	c.x.Export()
	if !c.opts.strict && !c.opts.goroutines {
		return // a convention, not a bug the analysis can establish (see doc.go)
	}
	sites := c.sites()
	p := c.newPolicy(sites)
	helper := c.packageHelper()
	for _, s := range sites {
		if s.state != unrecovered || s.exempt {
			continue
		}
		if c.opts.strict {
			c.report(s, strictMessage(s), helper, true)
		} else if c.testSupport(s.decl) {
			continue // test support outside _test.go files: a panic fails a test run
		} else if v := p.reason(s); v.why != "" {
			// Recovering at the top would lose what the user's code reports.
			c.report(s, ruleMessage(s, v), helper, v.around == nil)
		}
	}
}

// sites lists the goroutines the package starts, classified. Goroutines started
// in test files are left out unless -gorecover.tests asks for them.
func (c *checker) sites() []*site {
	var sites []*site
	for cur := range c.in.Root().Preorder((*ast.GoStmt)(nil), (*ast.CallExpr)(nil)) {
		file := c.pass.Fset.File(cur.Node().Pos())
		if !c.opts.tests && strings.HasSuffix(file.Name(), "_test.go") {
			continue
		}
		add := func(fun ast.Expr, launcher string) {
			s := &site{fun: fun, launcher: launcher, file: file}
			s.decl, s.exempt = c.enclosingDecl(cur)
			c.classify(s)
			sites = append(sites, s)
		}
		switch n := cur.Node().(type) {
		case *ast.GoStmt:
			add(n.Call.Fun, "")
		case *ast.CallExpr:
			direct, wrapped, fn := c.x.Launches(n)
			if fn != nil && len(wrapped) > 0 && !c.sameModule(fn.Pkg()) {
				direct = append(direct, wrapped...)
			}
			for _, a := range direct {
				add(n.Args[a], knowledge.ShortFuncName(fn))
			}
			if wrapper := c.startsRecovered(n); wrapper != nil {
				decl, _ := c.enclosingDecl(cur)
				f, _ := c.x.FactOf(wrapper)
				sites = append(sites, &site{fun: n.Fun, file: file, decl: decl, state: recovered, propagates: f.Propagates, narrow: f.Narrow})
			}
		}
	}
	return sites
}

// enclosingDecl returns the top-level function declaration around cur, and
// whether it is main or an init function, whose goroutines run for the life of
// the process beside main and are not reported.
func (c *checker) enclosingDecl(cur inspector.Cursor) (*ast.FuncDecl, bool) {
	for p := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		fd := p.Node().(*ast.FuncDecl)
		entry := fd.Recv == nil && (fd.Name.Name == "init" || fd.Name.Name == "main" && c.pass.Pkg.Name() == "main")
		return fd, entry
	}
	return nil, false
}

// classify decides whether the goroutine of s is recovered, and sets the code it
// runs and the function doing its work. It is ignored, in every mode, when
// what it runs is unknown (a function value, an interface method, a deferred call
// that might recover), is a standard library function started directly (go
// srv.Serve(l)), runs no code of its own, crashes on purpose, or calls recover()
// itself (that recover() is reported instead).
func (c *checker) classify(s *site) {
	status, obj := c.x.Started(s.fun)
	s.obj = obj
	s.lit, _ = ast.Unparen(s.fun).(*ast.FuncLit)
	if s.lit != nil {
		s.body = s.lit.Body
	} else if obj != nil {
		s.body, _ = c.x.Local(obj)
	}
	s.work = c.workOf(s)
	switch {
	case status == recovery.Recovered && c.recoversItself(s):
		s.state = recovered
		s.propagates, s.narrow = c.propagates(s)
	case status == recovery.Recovered:
		s.state = delegated
	case status == recovery.Unknown:
		s.state = ignored
	case s.lit != nil && recovery.CallsRecover(c.pass.TypesInfo, s.lit.Body):
		s.state = ignored
	case s.lit == nil && (obj == nil || c.x.IsStd(obj.Pkg())):
		s.state = ignored
	case s.body != nil && (c.runsNoCode(s.body) || c.crashes(s.body)):
		s.state = ignored
	case s.body == nil && c.crashFact(obj):
		s.state = ignored
	default:
		s.state = unrecovered
	}
}

// recoversItself reports whether the goroutine of s recovers by a choice of its
// own: its code defers a recovering call, or calls on the spot a function literal
// that does (func() { defer handlePanic(); process(batch) }()), or the function
// it starts does so itself. A goroutine recovered only because its work is done
// by a function that recovers its own panics (a parser that unwinds with panic,
// an importer) is not reported, but says nothing of whether the code base
// recovers its goroutines.
func (c *checker) recoversItself(s *site) bool {
	if s.body == nil {
		fn, ok := s.obj.(*types.Func)
		if !ok {
			return false
		}
		f, _ := c.x.FactOf(fn)
		return f.Recovered
	}
	if c.x.Body(s.body) == recovery.Recovered {
		return true
	}
	return !eachCall(s.body, func(call *ast.CallExpr) bool {
		lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit)
		return !ok || c.x.Body(lit.Body) != recovery.Recovered
	})
}

// startsRecovered returns the wrapper when call hands a function to one that
// runs it recovered in a goroutine of its own (safe.Go(f)): the code base
// recovering, as much as a deferred helper. A wrapper that recovers in the
// caller's goroutine (safe.Run(f), a test helper that checks whether f panics,
// an importer that unwinds with panic) does not count.
func (c *checker) startsRecovered(call *ast.CallExpr) *types.Func {
	if len(c.x.StartsRecovered(call)) == 0 {
		return nil
	}
	fn, _ := c.x.FuncOf(call.Fun).(*types.Func)
	return fn
}

// propagates reports whether the recovered goroutine of s recovers only to pass
// the panic on (its code, or the function it starts, defers a function that
// calls panic()), and whether it recovers only narrowly (under a condition that
// does not test the panic, or discarding it).
func (c *checker) propagates(s *site) (propagates, narrow bool) {
	if s.body != nil {
		return c.x.Propagates(s.body), c.x.Narrow(s.body)
	}
	fn, ok := s.obj.(*types.Func)
	if !ok {
		return false, false
	}
	f, _ := c.x.FactOf(fn)
	return f.Propagates, f.Narrow
}

// crashFact reports whether obj is a function of another package whose last
// statement crashes on purpose.
func (c *checker) crashFact(obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	f, _ := c.x.FactOf(fn)
	return f.Crashes
}

// workOf returns the function that does the work of the goroutine of s: the
// function it starts, or, for a literal, the one function of the module (not a
// recovery helper) that the literal calls outside its deferred calls, when there
// is exactly one (go func() { defer wg.Done(); s.handle(conn) }() does handle's
// work).
func (c *checker) workOf(s *site) types.Object {
	if s.lit == nil {
		return s.obj
	}
	var work types.Object
	many := false
	ast.Inspect(s.lit.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.DeferStmt, *ast.GoStmt:
			return false
		case *ast.CallExpr:
			fn, ok := c.x.FuncOf(n.Fun).(*types.Func)
			if !ok || fn.Pkg() == nil || c.x.IsStd(fn.Pkg()) {
				return true
			}
			if f, _ := c.x.FactOf(fn); f.Recovers {
				return true
			}
			many = many || work != nil && work != fn
			work = fn
		}
		return !many
	})
	if many {
		return nil
	}
	return work
}

// what names the function a goroutine runs, for messages.
func (s *site) what() string {
	if s.lit != nil || s.obj == nil {
		return "the function literal"
	}
	return s.obj.Name()
}

// goroutine names the goroutine of s, for messages.
func (s *site) goroutine() string {
	if s.launcher != "" {
		return fmt.Sprintf("%s, run in a new goroutine by %s,", s.what(), s.launcher)
	}
	return "goroutine running " + s.what()
}

// strictMessage is the report of -gorecover.strict: the goroutine is not
// recovered, and that is all it says.
func strictMessage(s *site) string {
	if s.launcher != "" {
		return fmt.Sprintf("%s runs in a new goroutine started by %s, and nothing recovers a panic there, which ends the whole process: defer a call that recovers at its top", s.what(), s.launcher)
	}
	return fmt.Sprintf("goroutine running %s does not recover panics, so a panic in it ends the whole process: defer a call that recovers at the top of %s", s.what(), s.what())
}

// ruleMessage is the report of the goroutine rule, which says why this
// goroutine, of all those that do not recover, should.
func ruleMessage(s *site, v verdict) string {
	why := v.why
	if v.around != nil {
		fun := types.ExprString(v.around.Fun)
		if v.aroundWhy == skipsRest {
			return fmt.Sprintf("%s does not recover panics, %s, so a panic in %s ends the whole process: recover around the call of %s (recovering at the top of %s %s)", s.goroutine(), why, fun, fun, s.what(), v.aroundWhy)
		}
		return fmt.Sprintf("%s does not recover panics, %s, so a panic in %s ends the whole process: recover around the call of %s and report its panic as its failure (recovering at the top of %s %s)", s.goroutine(), why, fun, fun, s.what(), v.aroundWhy)
	}
	if s.launcher != "" {
		return fmt.Sprintf("%s runs in a new goroutine started by %s and does not recover panics, %s, so a panic there ends the whole process: defer a call that recovers at its top", s.what(), s.launcher, why)
	}
	return fmt.Sprintf("goroutine running %s does not recover panics, %s, so a panic in it ends the whole process: defer a call that recovers at the top of %s", s.what(), why, s.what())
}

// CategoryGoroutine is the Category of the reports of goroutines that nothing
// recovers: a policy, unlike a recover() that stops nothing, which is a bug.
// Drivers that grade findings (deferlint's severities) tell the two apart by it.
const CategoryGoroutine = "goroutine"

// report reports s, with a fix that defers the package's helper at the top of a
// literal when that is safe and fixable.
func (c *checker) report(s *site, msg string, helper *types.Func, fixable bool) {
	d := analysis.Diagnostic{Pos: s.fun.Pos(), End: s.fun.End(), Message: msg, Category: CategoryGoroutine}
	if s.lit != nil && fixable {
		d.Pos, d.End = s.lit.Pos(), s.lit.Type.End()
		d.SuggestedFixes = c.fix(s.lit, helper)
	}
	report.Diagnostic(c.pass, d)
}

// sameModule reports whether pkg belongs to the module being analyzed (or, when
// the driver does not say, is this package).
func (c *checker) sameModule(pkg *types.Package) bool {
	if pkg == nil {
		return false
	}
	if c.pass.Module == nil || c.pass.Module.Path == "" {
		return pkg == c.pass.Pkg
	}
	m := c.pass.Module.Path
	return pkg.Path() == m || strings.HasPrefix(pkg.Path(), m+"/")
}
