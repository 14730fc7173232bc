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

// computeKeeps works out, for the functions that own a parameter, which of those
// parameters they keep inside a value they return (see Keep). It runs once
// ownership is settled: whether a use of a parameter hands it on depends on the
// Owns facts of the functions it is passed to, and a Keep drawn while those
// could still grow might be contradicted later, when facts may only grow. Its
// own worklist makes chains of constructors work: a function that returns
// &outer{w: newWrapper(f)} keeps f once newWrapper is known to keep it.
func (t *Tracker) computeKeeps(calls *obligation.CallGraph, decls []*ast.FuncDecl) {
	var owners []*ast.FuncDecl
	for _, fd := range decls {
		fn, ok := t.Pass.TypesInfo.Defs[fd.Name].(*types.Func)
		if ok && len(t.facts.owned[fn]) > 0 && fn.Signature().Results().Len() > 0 {
			owners = append(owners, fd)
		}
	}
	calls.Fixpoint(owners, t.updateKeeps)
}

// updateKeeps adds to the Keep facts of fn the owned parameters its body now
// shows it keeps in a result, and reports whether they grew.
func (t *Tracker) updateKeeps(fd *ast.FuncDecl, fn *types.Func) bool {
	sig := fn.Signature()
	params := paramVars(t.Pass.TypesInfo, fd)
	grew := false
	for _, i := range t.facts.owned[fn] {
		if i >= len(params) || params[i] == nil || sig.Variadic() && i == sig.Params().Len()-1 {
			continue // a variadic parameter is a slice the caller builds: not one value kept
		}
		if slices.ContainsFunc(t.facts.keeps[fn], func(k Keep) bool { return k.Param == i }) {
			continue
		}
		if r, ok := t.keptResult(fd, sig, params[i]); ok {
			t.facts.keeps[fn], grew = append(t.facts.keeps[fn], Keep{Param: i, Result: r}), true
		}
	}
	if grew {
		slices.SortFunc(t.facts.keeps[fn], func(a, b Keep) int { return a.Param - b.Param })
	}
	return grew
}

// paramVars returns fd's parameters by position, nil for an unnamed one.
func paramVars(info *types.Info, fd *ast.FuncDecl) []*types.Var {
	var vars []*types.Var
	for _, field := range fd.Type.Params.List {
		if len(field.Names) == 0 {
			vars = append(vars, nil)
			continue
		}
		for _, name := range field.Names {
			v, _ := info.Defs[name].(*types.Var)
			vars = append(vars, v)
		}
	}
	return vars
}

// KeptIn returns the result of call in which its callee keeps the argument at
// index arg (see Keep), from this package's analysis or from facts.
func (t *Tracker) KeptIn(call *ast.CallExpr, arg int) (int, bool) {
	fn, ok := typeutil.Callee(t.Pass.TypesInfo, call).(*types.Func)
	if !ok {
		return 0, false
	}
	for _, k := range t.keepsOf(fn) {
		if k.Param == arg {
			return k.Result, true
		}
	}
	return 0, false
}

// keepsOf returns the Keep facts of fn; none for a function without facts (the
// standard library's wrappers, bufio.NewReader, keep nothing the caller must
// release through them).
func (t *Tracker) keepsOf(fn *types.Func) []Keep {
	if fn.Pkg() == nil {
		return nil
	}
	return t.facts.Keeps(fn)
}

// keptResult returns the result in which fd keeps parameter p, if any: every
// return gives there nil or a value holding p (at least one the latter), and p
// goes nowhere else (see keepScan).
func (t *Tracker) keptResult(fd *ast.FuncDecl, sig *types.Signature, p *types.Var) (int, bool) {
	returns := flow.Returns(fd.Body)
	for r := 0; r < sig.Results().Len(); r++ {
		if !mayHold(sig.Results().At(r).Type()) {
			continue
		}
		s := &keepScan{t: t, body: fd.Body, p: p, kept: make(map[*ast.Ident]bool), locals: make(map[*types.Var]bool)}
		if s.returnsHold(sig, returns, r) && s.onlyKept() {
			return r, true
		}
	}
	return 0, false
}

// keepScan decides whether a function keeps parameter p in one result. It
// records the occurrences of p, and of the local variables built around it, that
// place it in the returned value; p keeps its obligation only if every use of
// either that hands it on is one of those, none releases it, and none lies in a
// function literal or go statement (a goroutine or a callback could release or
// keep it elsewhere). A store into a package variable or any other owner is such
// a use: the function shares the value, and who must release it is unclear.
type keepScan struct {
	t      *Tracker
	body   *ast.BlockStmt
	p      *types.Var
	kept   map[*ast.Ident]bool // occurrences placed in the result
	locals map[*types.Var]bool // local variables examined: whether each holds p
}

// returnsHold reports whether every return gives, in result r, nil or a value
// holding p, and one at least the latter.
func (s *keepScan) returnsHold(sig *types.Signature, returns []*ast.ReturnStmt, r int) bool {
	holding := false
	for _, ret := range returns {
		switch {
		case len(ret.Results) == 0:
			return false // a bare return of a named result: not followed
		case len(ret.Results) == 1 && sig.Results().Len() > 1:
			call, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr)
			if !ok || !s.callHolds(call, r) {
				return false
			}
		case r >= len(ret.Results):
			return false
		case isNilIdent(s.t.Pass.TypesInfo, ret.Results[r]):
			continue
		case !s.holds(ret.Results[r]):
			return false
		}
		holding = true
	}
	return holding
}

// holds reports whether the value of e holds p: p itself, a composite literal or
// a pointer to one with an element that holds p, a call keeping such an argument
// in its only result, or a local variable built that way.
func (s *keepScan) holds(e ast.Expr) bool {
	info := s.t.Pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if ok && (v == s.p || s.localHolds(v)) {
			s.kept[e] = true
			return true
		}
	case *ast.UnaryExpr:
		return e.Op == token.AND && s.holds(e.X)
	case *ast.CompositeLit:
		found := false
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if s.holds(elt) {
				found = true
			}
		}
		return found
	case *ast.CallExpr:
		if _, tuple := info.TypeOf(e).(*types.Tuple); !tuple {
			return s.callHolds(e, 0)
		}
	}
	return false
}

// callHolds reports whether result r of call holds p: its callee keeps there an
// argument that holds p.
func (s *keepScan) callHolds(call *ast.CallExpr, r int) bool {
	fn, ok := typeutil.Callee(s.t.Pass.TypesInfo, call).(*types.Func)
	if !ok || call.Ellipsis.IsValid() {
		return false
	}
	for _, k := range s.t.keepsOf(fn) {
		if k.Result == r && k.Param < len(call.Args) && s.holds(call.Args[k.Param]) {
			return true
		}
	}
	return false
}

// localHolds reports whether v is a local variable of the body assigned once, in
// its declaration, a value holding p (w := &wrapper{f: f}).
func (s *keepScan) localHolds(v *types.Var) bool {
	if v.Pos() < s.body.Pos() || v.Pos() >= s.body.End() {
		return false // a parameter, a named result, a package variable
	}
	if ok, seen := s.locals[v]; seen {
		return ok
	}
	s.locals[v] = false // a cycle holds nothing
	rhs := flow.SoleValue(s.t.Pass.TypesInfo, s.body, v)
	ok := rhs != nil && s.holds(rhs)
	s.locals[v] = ok
	return ok
}

// onlyKept reports whether p and the locals found to hold it are handed on only
// at the occurrences recorded in the result, released nowhere, and mentioned in
// no function literal or go statement.
func (s *keepScan) onlyKept() bool {
	vars := map[*types.Var]*Kind{s.p: s.t.Cat.KindOf(s.p.Type())}
	for v, ok := range s.locals {
		if ok {
			vars[v] = nil
		}
	}
	for _, uses := range s.t.UsesOf(s.body, vars) {
		for _, u := range uses {
			if u.Effect != Neutral && !s.kept[u.Ident] {
				return false
			}
		}
	}
	return !mentionedLater(s.t.Pass.TypesInfo, s.body, vars)
}

// mentionedLater reports whether a variable of vars is mentioned in a function
// literal or a go statement in body: code that may run after the function
// returns, and do anything with it.
func mentionedLater(info *types.Info, body *ast.BlockStmt, vars map[*types.Var]*Kind) bool {
	found := false
	var stack []ast.Node
	later := 0 // function literals and go statements around the node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			switch stack[len(stack)-1].(type) {
			case *ast.FuncLit, *ast.GoStmt:
				later--
			}
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		switch n := n.(type) {
		case *ast.FuncLit, *ast.GoStmt:
			later++
		case *ast.Ident:
			if v, ok := info.Uses[n].(*types.Var); ok && later > 0 {
				if _, tracked := vars[v]; tracked {
					found = true
				}
			}
		}
		return true
	})
	return found
}

func isNilIdent(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && info.Uses[id] == types.Universe.Lookup("nil")
}
