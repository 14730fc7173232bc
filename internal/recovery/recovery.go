// Package recovery answers questions about panics and recover(): does a function
// call recover() directly, so that deferring it stops a panic (a recovery helper);
// does a function defer such a call on its own, so that a goroutine running it is
// recovered; does a function run its function argument under a recovering defer (an
// in-house safe.Go); does a function start its function argument in a new goroutine
// without recovering (a launcher such as errgroup's Group.Go); does a call crash on
// purpose (os.Exit, a logger's Fatal or Panic, a helper that ends in one).
//
// What a package's functions do is computed once per package by an Index and
// passed to the packages that import it as a Fact attached to each function, so the
// answers hold across packages without any list of names.
package recovery

import (
	"go/ast"
	"go/build"
	"go/types"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// Fact is what a function does with panics, as far as callers in other packages
// need to know. Only functions with something to say carry one.
type Fact struct {
	Recovers     bool // calls recover() directly: deferring the function stops a panic
	OnlyRecovers bool // does nothing else: called without defer, it does nothing at all
	Recovered    bool // defers a recovering call itself: a goroutine running it is recovered
	Unsure       bool // defers calls whose bodies are unknown, one of which may recover
	// Delegates: hands work to a function that recovers itself or runs it
	// recovered (not transitive: only a direct call counts).
	Delegates     bool
	RunsRecovered []int // indices of function parameters it runs under a recovering defer
	// StartsRecovered: those of RunsRecovered that it runs in a new goroutine
	// (safe.Go(f)), not in its caller's (safe.Run(f), a test helper's didPanic(f)).
	StartsRecovered []int
	// Propagates: a function it defers calls panic(), or it calls recover() and
	// panic() itself: it recovers only to pass the panic on (re-panicking it, or
	// every value but a sentinel), so its recovering is no sign that the code
	// base wants goroutines recovered.
	Propagates bool
	Launches   []int // indices of function parameters it starts itself in a new goroutine without recovering
	// LaunchesWrapped: indices of function parameters it calls from a goroutine it
	// starts without recovering (that go statement is reported where it is).
	LaunchesWrapped []int
	Crashes         bool // its last statement crashes on purpose (see IsCrash): it exists to end the process
}

func (*Fact) AFact()           {}
func (f *Fact) String() string { return "recovery" + describe(f) }

func (f *Fact) zero() bool {
	return !f.Recovers && !f.Recovered && !f.Unsure && !f.Delegates && len(f.RunsRecovered) == 0 && len(f.Launches) == 0 && len(f.LaunchesWrapped) == 0 && !f.Crashes && !f.Propagates
}

func describe(f *Fact) string {
	var parts []string
	for _, p := range []struct {
		on   bool
		name string
	}{{f.Recovers, "recovers"}, {f.OnlyRecovers, "only"}, {f.Recovered, "recovered"}, {f.Unsure, "unsure"}, {f.Delegates, "delegates"}, {f.Crashes, "crashes"}, {f.Propagates, "propagates"}} {
		if p.on {
			parts = append(parts, p.name)
		}
	}
	if len(f.RunsRecovered) > 0 {
		parts = append(parts, "runs"+ints(f.RunsRecovered))
	}
	if len(f.StartsRecovered) > 0 {
		parts = append(parts, "starts"+ints(f.StartsRecovered))
	}
	if len(f.Launches) > 0 {
		parts = append(parts, "launches"+ints(f.Launches))
	}
	if len(f.LaunchesWrapped) > 0 {
		parts = append(parts, "wraps"+ints(f.LaunchesWrapped))
	}
	return "(" + strings.Join(parts, ",") + ")"
}

func ints(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = string(rune('0' + x%10))
	}
	return "[" + strings.Join(s, " ") + "]"
}

// PackageFact marks a package whose functions were analyzed: a function of such a
// package without a Fact neither recovers nor is recovered.
type PackageFact struct {
	Analyzed bool
	// GoroutinesRecover: some goroutine that the package starts is recovered by
	// a recover that does not pass the panic on: the package has shown that it
	// cares about recovering.
	GoroutinesRecover bool
}

func (*PackageFact) AFact() {}
func (f *PackageFact) String() string {
	if f.GoroutinesRecover {
		return "recovery analyzed, goroutines recover"
	}
	return "recovery analyzed"
}

// FactTypes lists the facts an analyzer using an Index must declare.
var FactTypes = []analysis.Fact{new(Fact), new(PackageFact)}

// Status is what is known about whether a function's panics are recovered.
type Status int

const (
	NotRecovered Status = iota // nothing recovers: a panic ends the process
	Recovered                  // a deferred call recovers (or tries to)
	Unknown                    // a deferred call's body is unknown and might recover
)

// IsRecover reports whether call calls the built-in recover.
func IsRecover(info *types.Info, call *ast.CallExpr) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == "recover"
}

// Names is a set of functions given by name on the command line, as
// importpath.Func, importpath.Type.Method or (*importpath.Type).Method.
type Names struct {
	full  map[string]bool // normalized: importpath.Func, importpath.Type.Method
	short map[string]bool // the function or method names alone, to rule out most calls at once
}

// ParseNames parses a comma-separated list of function names.
func ParseNames(s string) Names {
	ns := Names{full: make(map[string]bool), short: make(map[string]bool)}
	for name := range strings.SplitSeq(s, ",") {
		if name = normalize(strings.TrimSpace(name)); name != "" {
			ns.full[name] = true
			ns.short[name[strings.LastIndex(name, ".")+1:]] = true
		}
	}
	return ns
}

var unqualify = strings.NewReplacer("(", "", ")", "", "*", "")

func normalize(name string) string { return unqualify.Replace(name) }

// Has reports whether fn is in the set.
func (ns Names) Has(fn *types.Func) bool {
	return fn != nil && ns.short[fn.Name()] && ns.full[normalize(fn.Origin().FullName())]
}

// builtinLaunchers start their function argument in a new goroutine and
// deliberately do not recover it. (sync.WaitGroup.Go recovers only to re-panic.)
var builtinLaunchers = ParseNames("golang.org/x/sync/errgroup.Group.Go,golang.org/x/sync/errgroup.Group.TryGo,sync.WaitGroup.Go")

// Config is the policy an Index applies on top of what facts say.
type Config struct {
	Launchers  Names // also start their function arguments in a new goroutine, unrecovered
	Recoverers Names // recover when deferred, and run their function arguments recovered
}

// Index holds what the functions of one package, and those it calls, do with panics.
type Index struct {
	pass    *analysis.Pass
	info    *types.Info
	cfg     Config
	local   map[types.Object]*local
	varLits map[*types.Var]*ast.FuncLit
	std     map[*types.Package]bool
}

// local is a function of the package being analyzed: a declared function or
// method, or a variable bound once to a function literal.
type local struct {
	obj    types.Object
	body   *ast.BlockStmt
	params map[*types.Var]int // function-typed parameters and their indices
	fact   Fact
}

// New computes what the functions declared in pass do with panics.
func New(pass *analysis.Pass, cfg Config) *Index {
	x := &Index{
		pass:    pass,
		info:    pass.TypesInfo,
		cfg:     cfg,
		local:   make(map[types.Object]*local),
		varLits: make(map[*types.Var]*ast.FuncLit),
		std:     make(map[*types.Package]bool),
	}
	x.findVarLits()
	var order []*local
	add := func(obj types.Object, typ *ast.FuncType, body *ast.BlockStmt) {
		if obj == nil || body == nil {
			return
		}
		l := &local{obj: obj, body: body, params: funcParams(x.info, typ)}
		rangeAliases(x.info, body, l.params)
		l.fact.Recovers = CallsRecover(x.info, body)
		l.fact.OnlyRecovers = l.fact.Recovers && onlyRecovers(x.info, body)
		x.local[obj] = l
		order = append(order, l)
	}
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok {
				fn, _ := x.info.Defs[fd.Name].(*types.Func)
				if fn != nil {
					add(fn, fd.Type, fd.Body)
				}
			}
		}
	}
	for v, lit := range x.varLits {
		add(v, lit.Type, lit.Body)
	}
	// Being recovered, running an argument recovered and launching an argument
	// depend on each other across calls: iterate to a fixed point (bounded, in
	// case of a cycle that keeps flipping).
	x.findCrashes(order)
	for range 8 {
		changed := false
		for _, l := range order {
			old := l.fact
			x.derive(l)
			if !equalFacts(&old, &l.fact) {
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	return x
}

func equalFacts(a, b *Fact) bool {
	return a.Recovered == b.Recovered && a.Unsure == b.Unsure && a.Delegates == b.Delegates &&
		a.Propagates == b.Propagates && slices.Equal(a.StartsRecovered, b.StartsRecovered) &&
		slices.Equal(a.RunsRecovered, b.RunsRecovered) && slices.Equal(a.Launches, b.Launches) &&
		slices.Equal(a.LaunchesWrapped, b.LaunchesWrapped)
}

// Export attaches the facts of the package's declared functions, for importers,
// and the package's own fact, which says whether its goroutines recover.
func (x *Index) Export(goroutinesRecover bool) {
	x.pass.ExportPackageFact(&PackageFact{Analyzed: true, GoroutinesRecover: goroutinesRecover})
	for obj, l := range x.local {
		if fn, ok := obj.(*types.Func); ok && !l.fact.zero() {
			f := l.fact
			x.pass.ExportObjectFact(fn, &f)
		}
	}
}

// funcParams returns the parameters of typ whose type is a function (or a variadic
// list of functions), with their indices.
func funcParams(info *types.Info, typ *ast.FuncType) map[*types.Var]int {
	params := make(map[*types.Var]int)
	if typ == nil || typ.Params == nil {
		return params
	}
	i := 0
	for _, field := range typ.Params.List {
		t := info.TypeOf(field.Type)
		if ell, ok := field.Type.(*ast.Ellipsis); ok {
			t = info.TypeOf(ell.Elt)
		}
		_, isFunc := underlying(t).(*types.Signature)
		if len(field.Names) == 0 {
			i++
			continue
		}
		for _, name := range field.Names {
			if v, ok := info.Defs[name].(*types.Var); ok && isFunc {
				params[v] = i
			}
			i++
		}
	}
	return params
}

// rangeAliases adds to params the variables that range over a variadic list of
// functions (for _, f := range fs), with the list's index.
func rangeAliases(info *types.Info, body *ast.BlockStmt, params map[*types.Var]int) {
	if len(params) == 0 {
		return
	}
	ast.Inspect(body, func(n ast.Node) bool {
		r, ok := n.(*ast.RangeStmt)
		if !ok || r.Value == nil {
			return true
		}
		list, ok1 := ast.Unparen(r.X).(*ast.Ident)
		value, ok2 := r.Value.(*ast.Ident)
		if !ok1 || !ok2 {
			return true
		}
		lv, _ := info.Uses[list].(*types.Var)
		vv, _ := info.Defs[value].(*types.Var)
		if i, ok := params[lv]; ok && vv != nil {
			params[vv] = i
		}
		return true
	})
}

func underlying(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}

// findVarLits records the variables bound to a function literal at their
// declaration and never assigned again nor address-taken, so that a call of the
// variable is a call of the literal.
func (x *Index) findVarLits() {
	bound := make(map[*types.Var]*ast.FuncLit)
	spoiled := make(map[*types.Var]bool)
	bind := func(id *ast.Ident, rhs ast.Expr) {
		v, ok := x.info.Defs[id].(*types.Var)
		if !ok {
			return
		}
		if lit, ok := ast.Unparen(rhs).(*ast.FuncLit); ok {
			bound[v] = lit
		}
	}
	assigned := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if v, ok := x.info.Uses[id].(*types.Var); ok {
				spoiled[v] = true
			}
		}
	}
	for _, file := range x.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if id, ok := lhs.(*ast.Ident); ok && n.Tok.String() == ":=" && len(n.Lhs) == len(n.Rhs) && x.info.Defs[id] != nil {
						bind(id, n.Rhs[i])
					} else {
						assigned(lhs)
					}
				}
			case *ast.ValueSpec:
				if len(n.Names) == len(n.Values) {
					for i, id := range n.Names {
						bind(id, n.Values[i])
					}
				}
			case *ast.UnaryExpr:
				if n.Op.String() == "&" {
					assigned(n.X)
				}
			case *ast.IncDecStmt:
				assigned(n.X)
			}
			return true
		})
	}
	for v, lit := range bound {
		if !spoiled[v] {
			x.varLits[v] = lit
		}
	}
}

// VarLit returns the function literal bound to v, if v is bound to one for good.
func (x *Index) VarLit(v *types.Var) *ast.FuncLit { return x.varLits[v] }

// CallsRecover reports whether body calls recover() directly, outside nested
// function literals: deferring the function it belongs to stops a panic. A
// recover() that is itself deferred or started (defer recover()) does not count.
func CallsRecover(info *types.Info, body *ast.BlockStmt) bool {
	found := false
	inspectFrame(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.DeferStmt:
			if IsRecover(info, n.Call) {
				for _, arg := range n.Call.Args {
					inspectFrame(arg, func(n ast.Node) bool {
						if call, ok := n.(*ast.CallExpr); ok && IsRecover(info, call) {
							found = true
						}
						return !found
					})
				}
				return false
			}
		case *ast.GoStmt:
			if IsRecover(info, n.Call) {
				return false
			}
		case *ast.CallExpr:
			if IsRecover(info, n) {
				found = true
			}
		}
		return !found
	})
	return found
}

// inspectFrame is ast.Inspect that does not enter function literals: what they do
// happens in another frame.
func inspectFrame(root ast.Node, f func(ast.Node) bool) {
	ast.Inspect(root, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		return n == nil || f(n)
	})
}

// onlyRecovers reports whether body does nothing unless recover() returns a
// panic: its statements are recover() itself, r := recover(), and if statements
// guarded by the recovered value being non-nil. Such a function called without
// defer does nothing at all.
func onlyRecovers(info *types.Info, body *ast.BlockStmt) bool {
	var r types.Object
	isRecover := func(e ast.Expr) bool {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		return ok && IsRecover(info, call)
	}
	recoverAssign := func(s ast.Stmt) (types.Object, bool) {
		a, ok := s.(*ast.AssignStmt)
		if !ok || len(a.Lhs) != 1 || len(a.Rhs) != 1 || !isRecover(a.Rhs[0]) {
			return nil, false
		}
		id, ok := a.Lhs[0].(*ast.Ident)
		if !ok {
			return nil, false
		}
		return info.ObjectOf(id), true
	}
	guarded := func(cond ast.Expr, v types.Object) bool {
		b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
		if !ok || b.Op.String() != "!=" {
			return false
		}
		isNil := func(e ast.Expr) bool {
			id, ok := ast.Unparen(e).(*ast.Ident)
			return ok && id.Name == "nil"
		}
		isV := func(e ast.Expr) bool {
			if isRecover(e) {
				return true
			}
			id, ok := ast.Unparen(e).(*ast.Ident)
			return ok && v != nil && info.Uses[id] == v
		}
		return isNil(b.Y) && isV(b.X) || isNil(b.X) && isV(b.Y)
	}
	if len(body.List) == 0 {
		return false
	}
	for _, s := range body.List {
		switch s := s.(type) {
		case *ast.ExprStmt:
			if !isRecover(s.X) {
				return false
			}
		case *ast.AssignStmt:
			v, ok := recoverAssign(s)
			if !ok {
				return false
			}
			r = v
		case *ast.IfStmt:
			v := r
			if s.Init != nil {
				var ok bool
				if v, ok = recoverAssign(s.Init); !ok {
					return false
				}
			}
			if s.Else != nil || !guarded(s.Cond, v) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// FuncOf returns the function or variable that expression e names, looking through
// parentheses, selectors and generic instantiation; nil when e names none.
func (x *Index) FuncOf(e ast.Expr) types.Object {
	e = ast.Unparen(e)
	switch ix := e.(type) {
	case *ast.IndexExpr:
		e = ast.Unparen(ix.X)
	case *ast.IndexListExpr:
		e = ast.Unparen(ix.X)
	}
	var id *ast.Ident
	switch e := e.(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return nil
	}
	switch obj := x.info.Uses[id].(type) {
	case *types.Func:
		return obj.Origin()
	case *types.Var:
		return obj
	case *types.Builtin:
		return obj
	}
	return nil
}

// FactOf returns what is known of fn, from this package or from facts, and
// whether fn's body is known at all.
func (x *Index) FactOf(fn *types.Func) (Fact, bool) {
	if fn == nil || fn.Pkg() == nil {
		return Fact{}, false
	}
	fn = fn.Origin()
	if l := x.local[fn]; l != nil {
		return l.fact, true
	}
	if fn.Pkg() == x.pass.Pkg || isInterfaceMethod(fn) {
		return Fact{}, false
	}
	var f Fact
	if x.pass.ImportObjectFact(fn, &f) {
		return f, true
	}
	var pf PackageFact
	return Fact{}, x.pass.ImportPackageFact(fn.Pkg(), &pf) && pf.Analyzed
}

// Local returns the body of a function of this package, and its fact.
func (x *Index) Local(obj types.Object) (*ast.BlockStmt, *Fact) {
	if l := x.local[obj]; l != nil {
		return l.body, &l.fact
	}
	return nil, nil
}

func isInterfaceMethod(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	return recv != nil && types.IsInterface(recv.Type())
}

// IsStd reports whether pkg belongs to the standard library: its path has no dot
// in its first element and its declarations lie in GOROOT (a module or GOPATH
// package may have a path without dots too).
func (x *Index) IsStd(pkg *types.Package) bool {
	if pkg == nil {
		return false
	}
	if std, ok := x.std[pkg]; ok {
		return std
	}
	first, _, _ := strings.Cut(pkg.Path(), "/")
	std := !strings.Contains(first, ".") && x.inGOROOT(pkg)
	x.std[pkg] = std
	return std
}

func (x *Index) inGOROOT(pkg *types.Package) bool {
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		pos := scope.Lookup(name).Pos()
		if !pos.IsValid() {
			continue
		}
		file := filepath.ToSlash(x.pass.Fset.Position(pos).Filename)
		if strings.HasPrefix(file, "$GOROOT/") {
			return true
		}
		root := filepath.ToSlash(build.Default.GOROOT)
		return root != "" && strings.HasPrefix(file, root+"/")
	}
	return false
}

// Recovers reports whether calling obj directly by a deferred call stops a panic:
// obj calls recover() directly (or is a configured recoverer).
func (x *Index) Recovers(obj types.Object) Status {
	switch obj := obj.(type) {
	case *types.Builtin:
		if obj.Name() == "recover" {
			return Recovered // defer recover(): tries, and is reported as such
		}
		return NotRecovered
	case *types.Func:
		if x.cfg.Recoverers.Has(obj) {
			return Recovered
		}
		if isInterfaceMethod(obj) {
			if x.IsStd(obj.Pkg()) {
				return NotRecovered // io.Closer and friends do not recover
			}
			return Unknown
		}
		f, known := x.FactOf(obj)
		switch {
		case f.Recovers:
			return Recovered
		case known:
			return NotRecovered
		}
		return Unknown
	case *types.Var:
		if lit := x.varLits[obj]; lit != nil {
			return x.literalRecovers(lit)
		}
		if named, ok := types.Unalias(obj.Type()).(*types.Named); ok && x.IsStd(named.Obj().Pkg()) {
			return NotRecovered // context.CancelFunc and friends
		}
		return Unknown
	}
	return Unknown
}

// literalRecovers reports whether deferring lit tries to recover: it calls
// recover(), directly or not (a misplaced recover() is reported on its own), or
// calls a recovery helper.
func (x *Index) literalRecovers(lit *ast.FuncLit) Status {
	tries := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !tries {
			if IsRecover(x.info, call) {
				tries = true
			} else if obj := x.FuncOf(call.Fun); obj != nil {
				if _, isVar := obj.(*types.Var); !isVar && x.Recovers(obj) == Recovered {
					tries = true
				}
			}
		}
		return !tries
	})
	if tries {
		return Recovered
	}
	return NotRecovered
}

// Deferred reports whether the deferred call recovers.
func (x *Index) Deferred(call *ast.CallExpr) Status {
	if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
		return x.literalRecovers(lit)
	}
	if obj := x.FuncOf(call.Fun); obj != nil {
		return x.Recovers(obj)
	}
	return Unknown // defer f()(), defer fns[i]()
}

// Body reports whether a goroutine running body is recovered by its own defers:
// body defers a call that recovers (or tries to). Deferred calls and function
// literals nested in body run in other frames and do not count.
func (x *Index) Body(body *ast.BlockStmt) Status {
	status := NotRecovered
	inspectFrame(body, func(n ast.Node) bool {
		if d, ok := n.(*ast.DeferStmt); ok {
			switch x.Deferred(d.Call) {
			case Recovered:
				status = Recovered
			case Unknown:
				if status == NotRecovered {
					status = Unknown
				}
			}
		}
		return status != Recovered
	})
	return status
}

// Delegates reports whether body hands work, in its own goroutine, to a function
// that recovers its own panics (go func() { defer close(ch); tx.check(ch) }()) or
// that runs a function argument recovered (safe.Run(ctx, work)). A goroutine that
// does so is taken as recovered, though what it does around the call is not: a
// known false negative, chosen over reporting goroutines whose work is guarded.
// Only direct calls count, so that the property does not spread up the call graph.
func (x *Index) Delegates(body *ast.BlockStmt) bool { return x.delegates(body) }

func (x *Index) delegates(root ast.Node) bool {
	found := false
	inspectFrame(root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GoStmt:
			// The started call runs in another goroutine; its arguments run here.
			for _, arg := range n.Call.Args {
				found = found || x.delegates(arg)
			}
			return false
		case *ast.CallExpr:
			if len(x.RunsRecovered(n)) > 0 || x.selfRecovered(n) || x.recoveredLiteral(n) {
				found = true
			}
		}
		return !found
	})
	return found
}

// recoveredLiteral reports whether call calls a function literal on the spot that
// defers a recovering call (func() { defer handlePanic(); process(batch) }()): the
// work it holds runs recovered, as when it is handed to a named function that
// recovers itself.
func (x *Index) recoveredLiteral(call *ast.CallExpr) bool {
	lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit)
	return ok && x.Body(lit.Body) == Recovered
}

// selfRecovered reports whether call calls a function that defers a recovering
// call itself.
func (x *Index) selfRecovered(call *ast.CallExpr) bool {
	fn, ok := x.FuncOf(call.Fun).(*types.Func)
	if !ok {
		return false
	}
	f, _ := x.FactOf(fn)
	return f.Recovered
}

// Started reports whether a goroutine running fun (the function of a go
// statement or a launcher's argument) is recovered, and names the function when
// it is not a literal.
func (x *Index) Started(fun ast.Expr) (Status, types.Object) {
	if lit, ok := ast.Unparen(fun).(*ast.FuncLit); ok {
		return x.started(lit.Body), nil
	}
	obj := x.FuncOf(fun)
	switch obj := obj.(type) {
	case *types.Func:
		if isInterfaceMethod(obj) {
			if x.cfg.Recoverers.Has(obj) {
				return Recovered, obj
			}
			return Unknown, obj
		}
		if x.cfg.Recoverers.Has(obj) {
			return Recovered, obj
		}
		f, known := x.FactOf(obj)
		switch {
		case f.Recovered || f.Delegates || f.Recovers || len(f.RunsRecovered) > 0:
			// go handlePanic() tries and is reported as a misplaced recover().
			return Recovered, obj
		case f.Unsure || !known:
			return Unknown, obj
		}
		return NotRecovered, obj
	case *types.Var:
		if lit := x.varLits[obj]; lit != nil {
			return x.started(lit.Body), obj
		}
	}
	return Unknown, obj
}

// started is Body, where delegating work to a recovered function counts too.
func (x *Index) started(body *ast.BlockStmt) Status {
	status := x.Body(body)
	if status == NotRecovered && x.Delegates(body) {
		return Recovered
	}
	return status
}

// RunsRecovered returns the indices of call's arguments that the callee runs
// under a recovering defer.
func (x *Index) RunsRecovered(call *ast.CallExpr) []int {
	fn, _ := x.FuncOf(call.Fun).(*types.Func)
	if fn == nil {
		return nil
	}
	if x.cfg.Recoverers.Has(fn) {
		return argIndices(call, fn, nil)
	}
	if builtinLaunchers.Has(fn) || x.cfg.Launchers.Has(fn) {
		return nil
	}
	f, _ := x.FactOf(fn)
	if len(f.RunsRecovered) == 0 {
		return nil
	}
	return argIndices(call, fn, f.RunsRecovered)
}

// StartsRecovered returns the indices of call's arguments that the callee runs
// recovered in a new goroutine of its own (safe.Go(f)), rather than in the
// caller's goroutine (safe.Run(f)). A configured recoverer is taken to do
// neither: whether it starts a goroutine is not known.
func (x *Index) StartsRecovered(call *ast.CallExpr) []int {
	fn, _ := x.FuncOf(call.Fun).(*types.Func)
	if fn == nil || x.cfg.Recoverers.Has(fn) || builtinLaunchers.Has(fn) || x.cfg.Launchers.Has(fn) {
		return nil
	}
	f, _ := x.FactOf(fn)
	if len(f.StartsRecovered) == 0 {
		return nil
	}
	return argIndices(call, fn, f.StartsRecovered)
}

// Propagates reports whether a function with this body recovers only to pass
// the panic on: a function it defers, anywhere in it, calls panic() (defer
// func() { if r := recover(); r != nil { cleanup(); panic(r) } }(), or a filter
// that keeps a sentinel and re-panics the rest), or is a helper known, through
// facts, to recover and re-panic. A panic() in a deferred function has no other
// use than passing a panic on.
func (x *Index) Propagates(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		d, ok := n.(*ast.DeferStmt)
		if !ok || found {
			return !found
		}
		if lit, ok := ast.Unparen(d.Call.Fun).(*ast.FuncLit); ok {
			found = callsPanic(x.info, lit.Body, true)
		} else if fn, ok := x.FuncOf(d.Call.Fun).(*types.Func); ok {
			f, _ := x.FactOf(fn)
			found = f.Recovers && f.Propagates
		}
		return !found
	})
	return found
}

// repanics reports whether a function that calls recover() calls panic() under a
// condition (if r := recover(); r != nil { log(r); panic(r) }): deferred, it
// passes the panic on. A panic() that is a statement of the function's own
// block is its own panic, not a re-panic.
func repanics(info *types.Info, body *ast.BlockStmt) bool {
	for _, stmt := range body.List {
		if _, ok := stmt.(*ast.ExprStmt); ok {
			continue
		}
		if callsPanic(info, &ast.BlockStmt{List: []ast.Stmt{stmt}}, false) {
			return true
		}
	}
	return false
}

// callsPanic reports whether body calls the built-in panic: in its own frame, or
// also in the function literals nested in it when deep is set.
func callsPanic(info *types.Info, body *ast.BlockStmt, deep bool) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return deep && !found
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok {
				if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "panic" {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// Launches returns the indices of call's arguments that the callee starts in a
// new goroutine without recovering: itself (direct), or by calling them from a
// goroutine of its own that nothing recovers (wrapped), and the callee.
func (x *Index) Launches(call *ast.CallExpr) (direct, wrapped []int, fn *types.Func) {
	fn, _ = typeutil.Callee(x.info, call).(*types.Func)
	if fn == nil {
		return nil, nil, nil
	}
	fn = fn.Origin()
	if builtinLaunchers.Has(fn) || x.cfg.Launchers.Has(fn) {
		return argIndices(call, fn, nil), nil, fn
	}
	if x.cfg.Recoverers.Has(fn) {
		return nil, nil, fn
	}
	f, _ := x.FactOf(fn)
	if len(f.Launches) > 0 {
		direct = argIndices(call, fn, f.Launches)
	}
	if len(f.LaunchesWrapped) > 0 {
		wrapped = argIndices(call, fn, f.LaunchesWrapped)
	}
	return direct, wrapped, fn
}

// argIndices maps parameter indices (nil: every function-typed parameter) to the
// indices of call's arguments, spreading a variadic parameter over its arguments.
func argIndices(call *ast.CallExpr, fn *types.Func, params []int) []int {
	sig := fn.Signature()
	n := sig.Params().Len()
	var args []int
	for i := range call.Args {
		p := i
		if sig.Variadic() && p >= n-1 {
			p = n - 1
		}
		if p < 0 || p >= n {
			continue
		}
		t := sig.Params().At(p).Type()
		if sig.Variadic() && p == n-1 {
			if s, ok := t.(*types.Slice); ok && !call.Ellipsis.IsValid() {
				t = s.Elem()
			}
		}
		if _, isFunc := underlying(t).(*types.Signature); !isFunc {
			continue
		}
		if params == nil || slices.Contains(params, p) {
			args = append(args, i)
		}
	}
	return args
}

// derive recomputes the facts of l that depend on other functions.
func (x *Index) derive(l *local) {
	status := x.Body(l.body)
	l.fact.Recovered = status == Recovered
	l.fact.Unsure = status == Unknown
	l.fact.Delegates = status == NotRecovered && x.Delegates(l.body)
	l.fact.Propagates = x.Propagates(l.body) || l.fact.Recovers && repanics(x.info, l.body)
	m := paramUses{runs: make(map[int]bool), starts: make(map[int]bool), launches: make(map[int]bool), wrapped: make(map[int]bool)}
	if len(l.params) > 0 {
		x.walkParams(l, l.body, status, false, m)
	}
	l.fact.RunsRecovered = sortedKeys(m.runs, nil)
	l.fact.StartsRecovered = sortedKeys(m.starts, nil)
	l.fact.Launches = sortedKeys(m.launches, m.runs)
	for i := range m.launches {
		delete(m.wrapped, i)
	}
	l.fact.LaunchesWrapped = sortedKeys(m.wrapped, m.runs)
}

func sortedKeys(m, except map[int]bool) []int {
	var keys []int
	for k := range m {
		if !except[k] {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}

// paramUses collects, by parameter index, how a function runs its function
// parameters (see walkParams).
type paramUses struct{ runs, starts, launches, wrapped map[int]bool }

// ran records that parameter i runs recovered, in a new goroutine or not.
func (m paramUses) ran(i int, newGoroutine bool) {
	m.runs[i] = true
	if newGoroutine {
		m.starts[i] = true
	}
}

// walkParams records how the function parameters of l are run from a frame of
// l whose panics have the given status, in l's own goroutine or a new one:
// called in a recovered frame or handed to a function that runs them recovered
// (runs; starts when that is in a new goroutine), started in a new goroutine
// that nothing recovers (launches), or called from such a goroutine (wrapped).
func (x *Index) walkParams(l *local, root ast.Node, frame Status, newGoroutine bool, m paramUses) {
	param := func(e ast.Expr) (int, bool) {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return 0, false
		}
		v, ok := x.info.Uses[id].(*types.Var)
		if !ok {
			return 0, false
		}
		i, ok := l.params[v]
		return i, ok
	}
	type role struct {
		frame        Status
		newGoroutine bool
	}
	roles := make(map[*ast.FuncLit]role) // literals whose frame is known
	started := func(fun ast.Expr, into map[int]bool) {
		if i, ok := param(fun); ok {
			into[i] = true
		} else if lit, ok := ast.Unparen(fun).(*ast.FuncLit); ok {
			roles[lit] = role{x.Body(lit.Body), true}
		}
	}
	ast.Inspect(root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			if r, ok := roles[n]; ok {
				x.walkParams(l, n.Body, r.frame, r.newGoroutine, m)
			}
			return false
		case *ast.GoStmt:
			if i, ok := param(n.Call.Fun); ok {
				m.launches[i] = true
			} else if lit, ok := ast.Unparen(n.Call.Fun).(*ast.FuncLit); ok {
				x.walkParams(l, lit.Body, x.Body(lit.Body), true, m)
			}
			for _, a := range x.RunsRecovered(n.Call) {
				if i, ok := param(n.Call.Args[a]); ok {
					m.ran(i, true)
				}
			}
			direct, wrap, _ := x.Launches(n.Call)
			for _, a := range append(direct, wrap...) {
				started(n.Call.Args[a], m.launches)
			}
			for _, arg := range n.Call.Args {
				x.walkParams(l, arg, frame, newGoroutine, m)
			}
			return false
		case *ast.DeferStmt:
			if lit, ok := ast.Unparen(n.Call.Fun).(*ast.FuncLit); ok {
				roles[lit] = role{frame, newGoroutine}
			}
		case *ast.CallExpr:
			if lit, ok := ast.Unparen(n.Fun).(*ast.FuncLit); ok {
				if _, seen := roles[lit]; !seen {
					roles[lit] = role{frame, newGoroutine}
				}
			}
			if i, ok := param(n.Fun); ok {
				if frame == Recovered {
					m.ran(i, newGoroutine)
				} else if frame == NotRecovered && newGoroutine {
					m.wrapped[i] = true
				}
			}
			starts := x.StartsRecovered(n)
			for _, a := range x.RunsRecovered(n) {
				inNew := newGoroutine || slices.Contains(starts, a)
				if i, ok := param(n.Args[a]); ok {
					m.ran(i, inNew)
				} else if lit, ok := ast.Unparen(n.Args[a]).(*ast.FuncLit); ok {
					roles[lit] = role{Recovered, inNew}
				}
			}
			direct, wrap, _ := x.Launches(n)
			for _, a := range direct {
				started(n.Args[a], m.launches)
			}
			for _, a := range wrap {
				started(n.Args[a], m.wrapped)
			}
		}
		return true
	})
}
