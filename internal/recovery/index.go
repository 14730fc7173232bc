package recovery

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/deferlint/deferlint/internal/knowledge"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// Config is the policy an Index applies on top of what facts say.
type Config struct {
	Launchers  knowledge.Funcs // also start their function arguments in a new goroutine, unrecovered
	Recoverers knowledge.Funcs // recover when deferred, and run their function arguments recovered
}

// Index holds what the functions of one package, and those it calls, do with panics.
type Index struct {
	pass    *analysis.Pass
	info    *types.Info
	cfg     Config
	local   map[types.Object]*local
	varLits map[*types.Var]*ast.FuncLit
	std     *knowledge.StdPackages
	shapes  map[*ast.BlockStmt]*bodyShape
	// imported caches the facts of other packages' functions, which do not
	// change during the pass and are asked for again at every call of them.
	imported map[*types.Func]importedFact

	// While New derives facts: the function being derived, and for each
	// function those whose derivation read its facts (see deriveAll).
	deriving *local
	readers  map[*local]map[*local]bool
}

// local is a function of the package being analyzed: a declared function or
// method, or a variable bound once to a function literal.
type local struct {
	obj    types.Object
	body   *ast.BlockStmt
	params map[*types.Var]int // function-typed parameters and their indices
	fact   Fact
}

// New computes what the functions declared in pass do with panics; in is the
// package's inspector.
func New(pass *analysis.Pass, in *inspector.Inspector, cfg Config) *Index {
	x := &Index{
		pass:     pass,
		info:     pass.TypesInfo,
		cfg:      cfg,
		local:    make(map[types.Object]*local),
		varLits:  make(map[*types.Var]*ast.FuncLit),
		shapes:   make(map[*ast.BlockStmt]*bodyShape),
		imported: make(map[*types.Func]importedFact),
		std:      knowledge.NewStdPackages(pass.Fset),
	}
	x.findVarLits(in)
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
	x.findCrashes(order)
	x.deriveAll(order)
	return x
}

// maxDerivations bounds how often one function's facts are derived. Being
// recovered, running an argument recovered and launching an argument depend on
// each other across calls, and not monotonically (a callee found to recover
// turns a caller from unsure to recovered): a cycle of calls could keep flipping.
const maxDerivations = 8

// deriveAll derives the facts of every function of order, then re-derives a
// function only when a function whose facts it read (through FactOf or Local)
// changed since, until nothing changes: most functions are derived once.
func (x *Index) deriveAll(order []*local) {
	x.readers = make(map[*local]map[*local]bool)
	defer func() { x.readers, x.deriving = nil, nil }()
	work := slices.Clone(order)
	queued := make(map[*local]bool, len(order))
	for _, l := range order {
		queued[l] = true
	}
	derivations := make(map[*local]int, len(order))
	for len(work) > 0 {
		l := work[0]
		work = work[1:]
		queued[l] = false
		if derivations[l] == maxDerivations {
			continue
		}
		derivations[l]++
		old := l.fact
		x.deriving = l
		x.derive(l)
		x.deriving = nil
		if equalFacts(&old, &l.fact) {
			continue
		}
		for r := range x.readers[l] {
			if !queued[r] {
				queued[r] = true
				work = append(work, r)
			}
		}
	}
}

// read records, while a function's facts are being derived, that they depend on
// those of l.
func (x *Index) read(l *local) {
	if x.deriving == nil {
		return
	}
	if x.readers[l] == nil {
		x.readers[l] = make(map[*local]bool)
	}
	x.readers[l][x.deriving] = true
}

// Export attaches the facts of the package's declared functions, for importers,
// and the package's own fact, which says that it was analyzed.
func (x *Index) Export() {
	x.pass.ExportPackageFact(&PackageFact{Analyzed: true})
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
func (x *Index) findVarLits(in *inspector.Inspector) {
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
	for cur := range in.Root().Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.UnaryExpr)(nil), (*ast.IncDecStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if id, ok := lhs.(*ast.Ident); ok && n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) && x.info.Defs[id] != nil {
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
			if n.Op == token.AND {
				assigned(n.X)
			}
		case *ast.IncDecStmt:
			assigned(n.X)
		}
	}
	for v, lit := range bound {
		if !spoiled[v] {
			x.varLits[v] = lit
		}
	}
}

// VarLit returns the function literal bound to v, if v is bound to one for good.
func (x *Index) VarLit(v *types.Var) *ast.FuncLit { return x.varLits[v] }

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
		x.read(l)
		return l.fact, true
	}
	if fn.Pkg() == x.pass.Pkg || isInterfaceMethod(fn) {
		return Fact{}, false
	}
	if c, ok := x.imported[fn]; ok {
		return c.fact, c.known
	}
	var c importedFact
	if x.pass.ImportObjectFact(fn, &c.fact) {
		c.known = true
	} else {
		var pf PackageFact
		c.known = x.pass.ImportPackageFact(fn.Pkg(), &pf) && pf.Analyzed
	}
	x.imported[fn] = c
	return c.fact, c.known
}

// importedFact is what FactOf found for a function of another package.
type importedFact struct {
	fact  Fact
	known bool
}

// Local returns the body of a function of this package, and its fact.
func (x *Index) Local(obj types.Object) (*ast.BlockStmt, *Fact) {
	if l := x.local[obj]; l != nil {
		x.read(l)
		return l.body, &l.fact
	}
	return nil, nil
}

func isInterfaceMethod(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	return recv != nil && types.IsInterface(recv.Type())
}

// IsStd reports whether pkg belongs to the standard library (knowledge.IsStd).
func (x *Index) IsStd(pkg *types.Package) bool { return x.std.Has(pkg) }
