package resources

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/obligation"
	"golang.org/x/tools/go/types/typeutil"
)

// Compute works out which functions of the package return a fresh resource,
// which release or keep their parameters, and which do not return unless a
// parameter holds (Asserts), into t's Facts. Functions calling each other
// within the package are handled by the fixed points of calls: the facts only
// grow (a Fresh fact, once found, stays; owned parameters are added, never
// removed).
//
// Fresh facts are found in a second fixed point, once the ownership facts are
// complete: a function that releases what it would return (defer
// CloseBody(res.Body); return res, err) returns no fresh resource, and whether a
// call releases it is a Closes fact of the callee, which may be found later than
// the caller in the first fixed point. A Fresh fact found before it could never
// be taken back (kivik's DoError, measurement 44: its callers were told to close
// a response that comes back closed).
func (t *Tracker) Compute(calls *obligation.CallGraph, decls []*ast.FuncDecl) {
	calls.Fixpoint(decls, t.updateOwnership)
	calls.Fixpoint(decls, t.updateFresh)
	t.computeKeeps(calls, decls)
	t.computeAsserts(calls, decls)
}

// updateOwnership adds to the Owns, Closes, Drains and receiver facts of fn what
// its body shows now, and reports whether they grew.
func (t *Tracker) updateOwnership(fd *ast.FuncDecl, fn *types.Func) bool {
	grew := false
	facts := t.facts
	for _, i := range t.ownsParams(fd, facts.owned[fn]) {
		if !slices.Contains(facts.owned[fn], i) {
			facts.owned[fn], grew = append(facts.owned[fn], i), true
		}
	}
	for _, i := range t.closesParams(fd, facts.owned[fn]) {
		if !slices.Contains(facts.closes[fn], i) {
			facts.closes[fn], grew = append(facts.closes[fn], i), true
		}
	}
	for _, i := range t.drainsParams(fd) {
		if !slices.Contains(facts.drains[fn], i) {
			facts.drains[fn], grew = append(facts.drains[fn], i), true
		}
	}
	if !facts.recv[fn] && t.releasesOwnReceiver(fd) {
		facts.recv[fn], grew = true, true
	}
	if grew {
		slices.Sort(facts.owned[fn])
		slices.Sort(facts.closes[fn])
		slices.Sort(facts.drains[fn])
	}
	return grew
}

// updateFresh adds to the Fresh facts of fn what its body shows now, and reports
// whether they grew.
func (t *Tracker) updateFresh(fd *ast.FuncDecl, fn *types.Func) bool {
	if len(t.facts.fresh[fn]) > 0 {
		return false
	}
	fresh := t.returnsFresh(fd, fn)
	if fresh == nil {
		return false
	}
	t.facts.fresh[fn] = []Fresh{*fresh}
	return true
}

// ownsParams returns the indexes of fn's parameters that some use releases or hands
// on (see Uses), in one walk of the body for all of them. The parameters at the
// indexes of known are owned already (ownership only grows in the fixed point):
// they are not followed again.
func (t *Tracker) ownsParams(fd *ast.FuncDecl, known []int) []int {
	params := make(map[*types.Var]*Kind)
	var index []*types.Var // by parameter position; nil for one not followed
	for _, field := range fd.Type.Params.List {
		if len(field.Names) == 0 {
			index = append(index, nil) // an unnamed parameter has no uses
			continue
		}
		for _, name := range field.Names {
			// The parameter's object comes from the declaration, as its uses do.
			p, ok := t.Pass.TypesInfo.Defs[name].(*types.Var)
			if !ok || !mayHold(p.Type()) || t.neverResource(p.Type()) || slices.Contains(known, len(index)) {
				index = append(index, nil)
				continue
			}
			params[p] = t.Cat.KindOf(p.Type())
			index = append(index, p)
		}
	}
	if len(params) == 0 {
		return nil
	}
	uses := t.UsesOf(fd.Body, params)
	var owned []int
	for i, p := range index {
		if p == nil {
			continue
		}
		if slices.ContainsFunc(uses[p], func(u Use) bool { return u.Effect != Neutral }) || t.servesUntilClosed(fd, p) {
			owned = append(owned, i)
		}
	}
	return owned
}

// closesParams returns the indexes, among owned, of fn's parameters that fn only
// releases (see Facts.Closes): every use of the parameter that is not neutral
// releases it, directly (c.Close()), through a call that only releases its
// argument in turn, or by ranging over it and releasing each element. A helper
// that both closes a parameter and keeps it somewhere hands it on.
func (t *Tracker) closesParams(fd *ast.FuncDecl, owned []int) []int {
	var closes []int
	i := 0
	for _, field := range fd.Type.Params.List {
		if len(field.Names) == 0 {
			i++
			continue
		}
		for _, name := range field.Names {
			if p, ok := t.Pass.TypesInfo.Defs[name].(*types.Var); ok && slices.Contains(owned, i) && t.onlyReleased(fd.Body, p, 0) {
				closes = append(closes, i)
			}
			i++
		}
	}
	return closes
}

// onlyReleased reports whether v has a use in body that releases it, and every
// use that is not neutral releases it (see closesParams). depth bounds the
// element variables followed through range statements.
func (t *Tracker) onlyReleased(body *ast.BlockStmt, v *types.Var, depth int) bool {
	uses := t.Uses(body, v, t.Cat.KindOf(v.Type()))
	released := false
	for _, u := range uses {
		switch {
		case u.Effect == Neutral:
		case u.Effect == Release || t.releasingUse(body, u.Ident, depth):
			released = true
		default:
			return false
		}
	}
	return released
}

// releasingUse reports whether the use id, which Uses counts as a move, releases
// the resource: it is an argument of a call that only releases it (Closes), or
// the slice a range statement goes over, with an element variable (and no key)
// that the loop's body only releases (for _, fp := range fps { fp.Close() }).
func (t *Tracker) releasingUse(body *ast.BlockStmt, id *ast.Ident, depth int) bool {
	var parent ast.Node
	var e ast.Node = id
	ast.PreorderStack(body, nil, func(n ast.Node, stack []ast.Node) bool {
		if parent != nil || n.Pos() > id.Pos() || n.End() <= id.Pos() {
			return false
		}
		if n == id {
			for j := len(stack) - 1; j >= 0; j-- {
				if p, ok := stack[j].(*ast.ParenExpr); ok {
					e = p
					continue
				}
				parent = stack[j]
				break
			}
			return false
		}
		return true
	})
	switch p := parent.(type) {
	case *ast.CallExpr:
		for j, a := range p.Args {
			if a == e {
				return t.ClosesArg(p, j)
			}
		}
	case *ast.RangeStmt:
		if p.X != e || depth > 2 || p.Tok != token.DEFINE || !blankOrNil(p.Key) {
			return false
		}
		value, ok := p.Value.(*ast.Ident)
		if !ok {
			return false
		}
		w, ok := t.Pass.TypesInfo.Defs[value].(*types.Var)
		return ok && t.onlyReleased(p.Body, w, depth+1)
	}
	return false
}

// blankOrNil reports whether e is absent or the blank identifier.
func blankOrNil(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return e == nil || ok && id.Name == "_"
}

// ClosesArg reports whether call only releases its argument at index arg (see
// Facts.Closes): a resource passed there is released at the call. Arguments
// to a variadic parameter are its elements, each released.
func (t *Tracker) ClosesArg(call *ast.CallExpr, arg int) bool {
	fn, ok := typeutil.Callee(t.Pass.TypesInfo, call).(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Signature()
	if sig.Variadic() && arg >= sig.Params().Len()-1 {
		arg = sig.Params().Len() - 1
	}
	return slices.Contains(t.facts.Closes(fn), arg)
}

// neverResource reports whether no variable the tracker follows can be passed to
// a parameter of type t: a type of the standard library (or a pointer to one)
// that is not an interface and no kind of the catalogue names (*testing.T,
// *http.Request, time.Time). Such a parameter takes only values of exactly its
// type, and the values the tracker follows are of the catalogue's types, or of
// the types that the package's own functions return them as; the standard
// library's functions have no facts that could make one of its types hold a
// resource. The same parameter whose type is an interface (io.Reader) may take
// any resource that implements it, and is followed.
func (t *Tracker) neverResource(typ types.Type) bool {
	if types.IsInterface(typ) || t.Cat.KindOf(typ) != nil {
		return false
	}
	if ptr, ok := typ.(*types.Pointer); ok {
		typ = ptr.Elem()
	}
	named, ok := types.Unalias(typ).(*types.Named)
	return ok && t.std.Has(named.Obj().Pkg())
}

// mayHold reports whether a value of type t may be or contain a resource: pointers,
// interfaces, type parameters, slices, maps and channels of those, structs.
func mayHold(t types.Type) bool { return mayHoldElems(t, 0) }

// mayHoldElems is mayHold for a type reached through depth slice or array
// element types. A type may be its own element (type Tree []Tree): past a depth
// no real type reaches, the answer is the cautious one.
func mayHoldElems(t types.Type, depth int) bool {
	if depth > 8 {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Basic, *types.Signature:
		return false
	case *types.Slice:
		return mayHoldElems(u.Elem(), depth+1)
	case *types.Array:
		return mayHoldElems(u.Elem(), depth+1)
	}
	return true
}

// returnsFresh returns the Fresh fact of fn: every return statement gives, in the
// same result, nil or a resource of one kind acquired in fn (a direct acquiring call,
// or a local variable assigned only by acquiring calls and nil).
func (t *Tracker) returnsFresh(fd *ast.FuncDecl, fn *types.Func) *Fresh {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Results().Len() == 0 {
		return nil
	}
	returns := flow.Returns(fd.Body)
	if len(returns) == 0 {
		return nil
	}
	for i := 0; i < sig.Results().Len(); i++ {
		if !mayHold(sig.Results().At(i).Type()) {
			continue
		}
		var kind *Kind
		ok := true
		for _, ret := range returns {
			k, fresh, nilOrFresh := t.returnedFresh(fd, sig, ret, i)
			if !nilOrFresh || (fresh && kind != nil && k != kind) {
				ok = false
				break
			}
			if fresh {
				kind = k
			}
		}
		if ok && kind != nil {
			return &Fresh{Result: i, Kind: kind.Name}
		}
	}
	return nil
}

// returnedFresh examines result i of ret: whether it is a fresh resource (and of
// which kind), and whether it is nil or fresh.
func (t *Tracker) returnedFresh(fd *ast.FuncDecl, sig *types.Signature, ret *ast.ReturnStmt, i int) (*Kind, bool, bool) {
	info := t.Pass.TypesInfo
	var e ast.Expr
	switch {
	case len(ret.Results) == 0:
		v := sig.Results().At(i)
		if v.Name() == "" {
			return nil, false, false
		}
		return t.varFresh(fd, v)
	case len(ret.Results) == 1 && sig.Results().Len() > 1:
		call, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr)
		if !ok {
			return nil, false, false
		}
		if src := t.Acquires(call); src != nil && src.Result == i {
			return src.Kind, true, true
		}
		return nil, false, false
	case i < len(ret.Results):
		e = ast.Unparen(ret.Results[i])
	default:
		return nil, false, false
	}
	switch e := e.(type) {
	case *ast.Ident:
		if e.Name == "nil" && info.Uses[e] == types.Universe.Lookup("nil") {
			return nil, false, true
		}
		if v, ok := info.Uses[e].(*types.Var); ok && v.Pos() > fd.Body.Pos() && v.Pos() < fd.Body.End() || ok && isResult(sig, v) {
			return t.varFresh(fd, v)
		}
	case *ast.CallExpr:
		if src := t.Acquires(e); src != nil && src.Result == 0 {
			if tv, ok := info.Types[e]; ok {
				if _, tuple := tv.Type.(*types.Tuple); !tuple {
					return src.Kind, true, true
				}
			}
		}
	}
	return nil, false, false
}

func isResult(sig *types.Signature, v *types.Var) bool {
	for i := 0; i < sig.Results().Len(); i++ {
		if sig.Results().At(i) == v {
			return true
		}
	}
	return false
}

// varFresh reports whether every assignment to the local variable v in fd assigns nil
// or the resource of an acquiring call (and of which kind).
func (t *Tracker) varFresh(fd *ast.FuncDecl, v *types.Var) (*Kind, bool, bool) {
	info := t.Pass.TypesInfo
	var kind *Kind
	ok := true
	check := func(lhs []ast.Expr, rhs []ast.Expr) {
		for j, l := range lhs {
			id, isID := l.(*ast.Ident)
			if !isID || (info.Defs[id] != v && info.Uses[id] != v) {
				continue
			}
			switch {
			case len(rhs) == len(lhs):
				r := ast.Unparen(rhs[j])
				if nilIdent, isNil := r.(*ast.Ident); isNil && info.Uses[nilIdent] == types.Universe.Lookup("nil") {
					continue
				}
				call, isCall := r.(*ast.CallExpr)
				src := (*Source)(nil)
				if isCall {
					src = t.Acquires(call)
				}
				if src == nil || src.Result != 0 || (kind != nil && kind != src.Kind) {
					ok = false
					continue
				}
				kind = src.Kind
			case len(rhs) == 1:
				call, isCall := ast.Unparen(rhs[0]).(*ast.CallExpr)
				src := (*Source)(nil)
				if isCall {
					src = t.Acquires(call)
				}
				if src == nil || src.Result != j || (kind != nil && kind != src.Kind) {
					ok = false
					continue
				}
				kind = src.Kind
			default:
				ok = false
			}
		}
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			check(n.Lhs, n.Rhs)
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, name := range n.Names {
				lhs[i] = name
			}
			if len(n.Values) > 0 {
				check(lhs, n.Values)
			}
		case *ast.UnaryExpr:
			if id, isID := n.X.(*ast.Ident); isID && info.Uses[id] == v {
				ok = false // &v: assigned elsewhere
			}
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if id, isID := e.(*ast.Ident); isID && (info.Defs[id] == v || info.Uses[id] == v) {
					ok = false
				}
			}
		}
		return true
	})
	if !ok || kind == nil {
		return nil, false, false
	}
	for _, u := range t.Uses(fd.Body, v, kind) {
		if u.Effect == Release {
			return nil, false, false // released before it is returned: defer resp.Body.Close(); return resp
		}
		if u.Effect == Move && !returnedOrAssigned(fd.Body, u.Ident) {
			// Handed to an owner before it is returned (go s.Serve(lis), a struct
			// passed to a server, a closure given to t.Cleanup): the owner releases
			// it, and the caller receives a value it must not close.
			return nil, false, false
		}
	}
	return kind, true, true
}

// returnedOrAssigned reports whether id, a use of a variable in body, is a result
// of a return statement (return f, nil) or the target of an assignment (f, err =
// os.Open(name)): uses that neither hand the value to an owner nor keep it.
func returnedOrAssigned(body *ast.BlockStmt, id *ast.Ident) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found || n == nil || id.Pos() < n.Pos() || id.Pos() >= n.End() {
			return false
		}
		switch n := n.(type) {
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				if ast.Unparen(r) == id {
					found = true
				}
			}
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if l == id {
					found = true
				}
			}
		}
		return !found
	})
	return found
}
