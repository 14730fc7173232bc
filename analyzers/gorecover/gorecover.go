package gorecover

import (
	_ "embed"
	"flag"
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"github.com/deferlint/deferlint/internal/configfile"
	"github.com/deferlint/deferlint/internal/docs"
	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/knowledge"
	"github.com/deferlint/deferlint/internal/recovery"
	"github.com/deferlint/deferlint/internal/report"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

//go:embed doc.go
var doc string

// Analyzer reports goroutines that nothing recovers and recover() calls that never
// stop a panic.
var Analyzer = &analysis.Analyzer{
	Name:      "gorecover",
	Doc:       docs.Extract(doc, "gorecover"),
	URL:       report.URL("gorecover"),
	Requires:  append([]*analysis.Analyzer{inspect.Analyzer}, report.Requires...),
	FactTypes: recovery.FactTypes,
	Run:       run,
}

// options are gorecover's options (see doc.go). flags holds the command line's;
// each package gets a copy with its configuration files' values (configfile.Apply).
type options struct {
	launchers  knowledge.FuncsFlag
	recoverers knowledge.FuncsFlag
	handler    knowledge.FuncFlag
	tests      bool
	goroutines bool
	strict     bool
}

var flags options

func init() { flags.bind(&Analyzer.Flags) }

// bind registers the options in fs, with their current values as defaults.
func (o *options) bind(fs *flag.FlagSet) {
	fs.Var(&o.launchers, "launchers", "comma-separated extra functions that start their function arguments in a new goroutine without recovering (importpath.Func, (*importpath.Type).Method)")
	fs.Var(&o.recoverers, "recoverers", "comma-separated extra functions that recover when deferred and run their function arguments recovered")
	fs.Var(&o.handler, "handler", "recovery helper the suggested fix defers (importpath.Func)")
	fs.BoolVar(&o.tests, "tests", o.tests, "also report goroutines started in test files")
	fs.BoolVar(&o.goroutines, "goroutines", o.goroutines, "also report goroutines that nothing recovers where the package recovers others (its own convention, or the user's callbacks)")
	fs.BoolVar(&o.strict, "strict", o.strict, "report every goroutine that nothing recovers (implies -gorecover.goroutines)")
}

// run checks the package whether or not its configuration turns gorecover off
// there: the facts it exports come from the same walk as its reports (package
// report drops those).
func run(pass *analysis.Pass) (any, error) {
	opts := flags
	if _, err := configfile.Apply(pass, opts.bind); err != nil {
		return nil, err
	}
	if pass.Pkg.Name() == "main" && strings.HasSuffix(pass.Pkg.Path(), ".test") {
		return nil, nil // the generated main of a test binary: nothing to check or to export
	}
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	x := recovery.New(pass, in, recovery.Config{
		Launchers:  opts.launchers.Funcs(),
		Recoverers: opts.recoverers.Funcs(),
	})
	c := &checker{pass: pass, opts: &opts, x: x, in: in, quiet: make(map[types.Object]bool)}
	c.findUses()
	c.checkRecovers()
	c.checkGoroutines()
	return nil, nil
}

type checker struct {
	pass   *analysis.Pass
	opts   *options // the package's
	x      *recovery.Index
	in     *inspector.Inspector
	uses   map[types.Object]*uses
	dead   map[types.Object]bool     // functions whose recover() is reported as never working
	quiet  map[types.Object]bool     // functions of the package known to run no code, or not (see runsNoCode)
	ranged map[*types.Var]*types.Var // variables ranging over another's elements, and that other (see rangedLists)
	slots  map[*types.Var]paramSlot  // the package's parameters and where they belong (see paramSlots)
	// fromUserParams: parameters that receive the user's values, or not (see userParam)
	fromUserParams map[*types.Var]bool
	// asserted: variables defined by a type assertion, and the value asserted (see assertions)
	asserted map[*types.Var]ast.Expr
	// ownIfaces: interfaces only the module implements, or not (see moduleInterface)
	ownIfaces map[*types.Named]bool
}

// uses counts how a function of this package (or a variable bound to a literal)
// is used: deferred, called, started by go, or passed around; and lists its
// calls, deferred and started ones included.
type uses struct {
	deferred, called, started, escaped int
	calls                              []*ast.CallExpr
}

// findUses classifies every use of the package's own functions.
func (c *checker) findUses() {
	c.uses = make(map[types.Object]*uses)
	for cur := range c.in.Root().Preorder((*ast.Ident)(nil)) {
		obj := c.pass.TypesInfo.Uses[cur.Node().(*ast.Ident)]
		switch o := obj.(type) {
		case *types.Func:
			obj = o.Origin()
		case *types.Var:
		default:
			continue
		}
		if body, _ := c.x.Local(obj); body == nil {
			continue
		}
		u := c.uses[obj]
		if u == nil {
			u = new(uses)
			c.uses[obj] = u
		}
		kind, call := useOf(cur)
		switch kind {
		case edge.DeferStmt_Call:
			u.deferred++
		case edge.GoStmt_Call:
			u.started++
		case edge.CallExpr_Fun:
			u.called++
		default:
			u.escaped++
		}
		if call != nil {
			u.calls = append(u.calls, call)
		}
	}
}

// useOf climbs from a function's name (through selectors, instantiation and
// parentheses) to its use. It returns DeferStmt_Call or GoStmt_Call for a deferred
// or started call, CallExpr_Fun for any other call, and the call.
func useOf(cur inspector.Cursor) (edge.Kind, *ast.CallExpr) {
	for {
		kind := cur.ParentEdgeKind()
		switch kind {
		case edge.SelectorExpr_Sel, edge.IndexExpr_X, edge.IndexListExpr_X, edge.ParenExpr_X:
			cur = cur.Parent()
			continue
		case edge.CallExpr_Fun:
			call := cur.Parent()
			switch k := call.ParentEdgeKind(); k {
			case edge.DeferStmt_Call, edge.GoStmt_Call:
				return k, call.Node().(*ast.CallExpr)
			}
			return kind, call.Node().(*ast.CallExpr)
		}
		return kind, nil
	}
}

// funcOf returns the function declaration or literal whose body holds cur.
func funcOf(cur inspector.Cursor) (inspector.Cursor, bool) {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if c != cur {
			return c, true
		}
	}
	return inspector.Cursor{}, false
}

// litUse climbs from a function literal through parentheses to its use, like useOf.
func litUse(cur inspector.Cursor) (edge.Kind, inspector.Cursor) {
	for cur.ParentEdgeKind() == edge.ParenExpr_X {
		cur = cur.Parent()
	}
	kind := cur.ParentEdgeKind()
	if kind == edge.CallExpr_Fun {
		call := cur.Parent()
		switch k := call.ParentEdgeKind(); k {
		case edge.DeferStmt_Call, edge.GoStmt_Call:
			return k, call
		}
		return kind, call
	}
	return kind, cur
}

// boundVar returns the variable a function literal is bound to for good, if any.
func (c *checker) boundVar(lit *ast.FuncLit) *types.Var {
	cur, ok := c.in.Root().FindNode(lit)
	if !ok {
		return nil
	}
	var id *ast.Ident
	switch kind, _ := cur.ParentEdge(); kind {
	case edge.AssignStmt_Rhs:
		a := cur.Parent().Node().(*ast.AssignStmt)
		for i, rhs := range a.Rhs {
			if rhs == lit && i < len(a.Lhs) {
				id, _ = a.Lhs[i].(*ast.Ident)
			}
		}
	case edge.ValueSpec_Values:
		s := cur.Parent().Node().(*ast.ValueSpec)
		for i, v := range s.Values {
			if v == lit && i < len(s.Names) {
				id = s.Names[i]
			}
		}
	}
	if id == nil {
		return nil
	}
	v, _ := c.pass.TypesInfo.Defs[id].(*types.Var)
	if v != nil && c.x.VarLit(v) == lit {
		return v
	}
	return nil
}

// isDeferred reports whether the function at cur (a declaration or literal) is
// certainly deferred, at least sometimes.
func (c *checker) isDeferred(cur inspector.Cursor) bool {
	switch fn := cur.Node().(type) {
	case *ast.FuncLit:
		if kind, _ := litUse(cur); kind == edge.DeferStmt_Call {
			return true
		}
		if v := c.boundVar(fn); v != nil {
			return c.uses[v] != nil && c.uses[v].deferred > 0
		}
	case *ast.FuncDecl:
		if obj := c.pass.TypesInfo.Defs[fn.Name]; obj != nil && c.uses[obj] != nil {
			return c.uses[obj].deferred > 0
		}
	}
	return false
}

// checkRecovers reports recover() calls that can never stop a panic.
func (c *checker) checkRecovers() {
	info := c.pass.TypesInfo
	var helperCalls []inspector.Cursor
	for cur := range c.in.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if !recovery.IsRecover(info, call) {
			if obj := c.x.FuncOf(call.Fun); obj != nil {
				if _, ok := obj.(*types.Builtin); !ok {
					helperCalls = append(helperCalls, cur)
				}
			}
			continue
		}
		switch cur.ParentEdgeKind() {
		case edge.DeferStmt_Call:
			report.Node(c.pass, call, "defer recover() recovers nothing, because the runtime calls recover itself instead of a deferred function calling it: defer a function literal that calls recover()")
			continue
		case edge.GoStmt_Call:
			report.Node(c.pass, call, "go recover() recovers nothing: call recover() in a function literal that is deferred")
			continue
		}
		fn, ok := funcOf(cur)
		if !ok {
			continue
		}
		if deferArg(cur, fn) {
			if !c.isDeferred(fn) {
				report.Node(c.pass, call, "recover() in the arguments of a deferred call runs when the defer statement runs, when there is no panic to stop, so it returns nil: call recover() inside a deferred function literal")
			}
			continue
		}
		switch f := fn.Node().(type) {
		case *ast.FuncLit:
			switch kind, _ := litUse(fn); kind {
			case edge.DeferStmt_Call:
				// works
			case edge.GoStmt_Call:
				report.Node(c.pass, call, "recover() in the function a go statement starts is not called by a deferred function, so it returns nil and stops no panic: defer a function literal that calls recover()")
			case edge.CallExpr_Fun:
				report.Node(c.pass, call, "recover() in a function literal that is called rather than deferred returns nil and stops no panic: call recover() directly in the deferred function")
			default:
				if v := c.boundVar(f); v != nil {
					c.checkNamed(v, call)
				}
			}
		case *ast.FuncDecl:
			if obj, ok := info.Defs[f.Name].(*types.Func); ok {
				c.checkNamed(obj, call)
			}
		}
	}
	for _, cur := range helperCalls {
		c.checkHelperCall(cur)
	}
}

// deferArg reports whether the recover() at cur is evaluated as an argument of a
// defer statement of fn (defer f(recover())).
func deferArg(cur, fn inspector.Cursor) bool {
	for p := range cur.Enclosing((*ast.DeferStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if _, ok := p.Node().(*ast.DeferStmt); ok {
			return fn.Contains(p)
		}
		if p != cur {
			return false
		}
	}
	return false
}

// checkNamed reports the recover() call of a function that is never deferred,
// when every use of the function can be seen.
func (c *checker) checkNamed(obj types.Object, call *ast.CallExpr) {
	u := c.uses[obj]
	if u == nil {
		u = new(uses)
	}
	entry := isEntry(c.pass.Pkg, obj)
	if !c.allUsesVisible(obj) || u.deferred > 0 || u.escaped > 0 || (u.called+u.started == 0 && !entry) {
		return
	}
	c.markDead(obj)
	report.Node(c.pass, call, fmt.Sprintf(
		"recover() in %s returns nil and stops no panic, because %s is never deferred and recover only works when called directly by a deferred function: defer a function that calls recover()",
		obj.Name(), obj.Name()))
}

func (c *checker) markDead(obj types.Object) {
	if c.dead == nil {
		c.dead = make(map[types.Object]bool)
	}
	c.dead[obj] = true
}

// isEntry reports whether fn is main or an init function, which the runtime calls
// and nothing defers.
func isEntry(pkg *types.Package, obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	if !ok || fn.Signature().Recv() != nil {
		return false
	}
	return fn.Name() == "init" || fn.Name() == "main" && pkg.Name() == "main"
}

// allUsesVisible reports whether every use of obj is in this package: a local
// variable, an unexported function, any function of package main, or an
// unexported method that no interface of the package declares (exported methods
// may be deferred through an interface anywhere).
func (c *checker) allUsesVisible(obj types.Object) bool {
	switch obj := obj.(type) {
	case *types.Var:
		return obj.Parent() != c.pass.Pkg.Scope() || !obj.Exported() || c.pass.Pkg.Name() == "main"
	case *types.Func:
		if obj.Signature().Recv() == nil {
			return !obj.Exported() || c.pass.Pkg.Name() == "main"
		}
		return !obj.Exported() && !c.interfaceDeclares(obj.Name())
	}
	return false
}

// interfaceDeclares reports whether some interface type of the package has a
// method named name.
func (c *checker) interfaceDeclares(name string) bool {
	for _, tv := range c.pass.TypesInfo.Types {
		if tv.Type == nil {
			continue
		}
		if iface, ok := tv.Type.Underlying().(*types.Interface); ok {
			for m := range iface.Methods() {
				if m.Name() == name {
					return true
				}
			}
		}
	}
	return false
}

// checkHelperCall reports a call, without defer, of a function that calls recover()
// directly, where its recover() is sure to be meant and to return nil: the call is
// made by a deferred function (that does not recover itself), by a go statement, or
// the helper does nothing but recover.
func (c *checker) checkHelperCall(cur inspector.Cursor) {
	call := cur.Node().(*ast.CallExpr)
	obj := c.x.FuncOf(call.Fun)
	if c.dead[obj] {
		return
	}
	var fact recovery.Fact
	switch o := obj.(type) {
	case *types.Func:
		fact, _ = c.x.FactOf(o)
	case *types.Var:
		if _, f := c.x.Local(o); f != nil {
			fact = *f
		}
	}
	if !fact.Recovers {
		return
	}
	name := obj.Name()
	kind := cur.ParentEdgeKind()
	switch kind {
	case edge.DeferStmt_Call:
		return
	case edge.GoStmt_Call:
		report.Node(c.pass, call, fmt.Sprintf(
			"%s calls recover(), which returns nil in a goroutine of its own and stops no panic: defer %s inside the goroutine's function instead", name, name))
		return
	}
	fn, ok := funcOf(cur)
	if !ok {
		return
	}
	if c.isDeferred(fn) && !c.frameRecovers(fn) {
		report.Node(c.pass, call, fmt.Sprintf(
			"%s calls recover(), which returns nil here because %s is called by the deferred function instead of being deferred itself: defer %s directly",
			name, name, name))
		return
	}
	if fact.OnlyRecovers && kind == edge.ExprStmt_X {
		report.Node(c.pass, call, fmt.Sprintf(
			"%s does nothing unless its recover() stops a panic, which it cannot do unless deferred: write defer %s",
			name, name))
	}
}

// frameRecovers reports whether the function at cur calls recover() directly.
func (c *checker) frameRecovers(cur inspector.Cursor) bool {
	body := flow.FuncBody(cur.Node())
	return body != nil && recovery.CallsRecover(c.pass.TypesInfo, body)
}
