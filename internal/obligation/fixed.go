package obligation

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/deferlint/deferlint/internal/flow"
)

// A fixed boolean is a bool variable of the function that nothing changes after
// its declaration: a parameter (or receiver, or named result) that no statement
// of the body assigns, or a local declared in the body (by := or var) and never
// assigned again; in neither case is its address taken or is it assigned in a
// function literal. Only its declaration gives it a value, so between two
// passes over the declaration every test of it has the same answer: a path
// that has taken a branch on it (if debug, if !debug, if debug == false) takes
// the same way at every later test, and a path that starts inside the branch
// of an if on it starts with that answer (if debug { f = open() }: debug is
// true from there on). A package-level variable is no fixed boolean (another
// goroutine, or any call, may set it), nor is one a range clause declares
// (each iteration gives it a new value without an assignment the path sees).
// The search learns only plain tests: the variable, its negation, a comparison
// with true or false, and && or || over those, nothing general.

// A fixed comparison is an == or != of a variable that is fixed in the same
// sense, of any type but bool, against a constant or nil: addr != "", p ==
// nil, mode == modeFast. Its variable keeps the value its declaration gave it,
// so the comparison keeps its answer, and the negated one (addr == "") the
// other: a listener opened under if addr != "" and handed on under a later if
// addr != "" is not left open where addr == "" (istio's startMonitor,
// measurement 30). Each constant is a comparison of its own (a constant of
// another type too: an interface compared with 1 and with 1.0 asks two things),
// so a test against another constant learns nothing. An error is never one: the
// search pairs errors with the obligation (err != nil), and the analyzer reads
// their other tests (err == io.EOF).

// maxFixed bounds the fixed booleans and comparisons a search follows, as
// maxFlags does for flags set to constants: each may triple the states a path
// can be in.
const maxFixed = 8

// withFixed returns set extended with the fixed booleans and fixed comparisons
// of body that the conditions conds test (not of pair, which speaks for the
// obligation, nor of v, whose nil tests the search reads itself), and the mask
// of the indices that a branch may teach (see learn).
func (set boolFlagSet) withFixed(info *types.Info, body *ast.BlockStmt, conds map[ast.Expr]ast.Stmt, pair, v *types.Var) (boolFlagSet, flagValues) {
	var learnable flagValues
	var candidates []flag
	for cond := range conds {
		ast.Inspect(cond, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Ident:
				if w, ok := info.Uses[n].(*types.Var); ok && isBool(w) {
					candidates = append(candidates, flag{v: w})
				}
			case *ast.BinaryExpr:
				if f, ok := comparison(info, n); ok {
					candidates = append(candidates, f)
				}
			case *ast.SelectorExpr:
				if f, ok := fieldFlag(info, n); ok {
					candidates = append(candidates, f)
				}
				return false
			}
			return true
		})
	}
	if len(candidates) == 0 {
		return set, 0
	}
	changed := changedVars(info, body)
	var fields map[*types.Var]bool // computed on the first field
	added := 0
	for _, f := range candidates {
		if added == maxFixed {
			break
		}
		if f.base != nil {
			if fields == nil {
				fields = changedFields(info, body)
			}
			if f.base == pair || f.base == v || changed[f.base] || !flow.DeclaredIn(f.base, body) || fields[f.v] {
				continue
			}
		} else if f.v == pair || f.v == v || changed[f.v] || !flow.DeclaredIn(f.v, body) {
			continue
		}
		j := set.find(f)
		if j < 0 {
			set = append(set, f)
			j = len(set) - 1
			added++
		}
		learnable |= 1 << (2 * j)
	}
	return set, learnable
}

// find returns the index of f in set, or -1.
func (set boolFlagSet) find(f flag) int {
	if f.base != nil {
		return set.fieldIndex(f.base, f.v)
	}
	if !f.compared {
		return set.index(f.v)
	}
	for i, g := range set {
		if g.compared && g.v == f.v && sameConstant(g, f) {
			return i
		}
	}
	return -1
}

// comparison reads e as a fixed comparison's candidate: an == or != of a
// variable (a plain identifier, not a field, of a type neither bool nor an
// error) against a constant or nil. The flag says whether the variable equals
// the constant; the operator says whether e is that answer or its negation.
func comparison(info *types.Info, e *ast.BinaryExpr) (flag, bool) {
	if e.Op != token.EQL && e.Op != token.NEQ {
		return flag{}, false
	}
	for _, operands := range [][2]ast.Expr{{e.X, e.Y}, {e.Y, e.X}} {
		id, ok := ast.Unparen(operands[0]).(*ast.Ident)
		if !ok {
			continue
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok || v.IsField() || isBool(v) || types.Implements(v.Type(), errorType) {
			continue
		}
		tv, ok := info.Types[operands[1]]
		switch {
		case !ok:
		case tv.IsNil():
			return flag{v: v, compared: true, withType: tv.Type}, true
		case tv.Value != nil && tv.Value.Kind() != constant.Unknown:
			return flag{v: v, compared: true, with: tv.Value, withType: tv.Type}, true
		}
	}
	return flag{}, false
}

// sameConstant reports whether f and g compare with the same constant of the
// same type (or both with nil). Constants of different kinds count as
// different: the comparisons are then followed apart, which loses only
// precision.
func sameConstant(f, g flag) bool {
	if !types.Identical(f.withType, g.withType) || (f.with == nil) != (g.with == nil) {
		return false
	}
	if f.with == nil {
		return true
	}
	return f.with.Kind() == g.with.Kind() && constant.Compare(f.with, token.EQL, g.with)
}

// compareValue returns what the path knows of the fixed comparison e: whether
// its variable equals its constant.
func (set boolFlagSet) compareValue(info *types.Info, e *ast.BinaryExpr, known flagValues) (equal, ok bool) {
	f, isCmp := comparison(info, e)
	if !isCmp {
		return false, false
	}
	j := set.find(f)
	if j < 0 || !known.isKnown(j) {
		return false, false
	}
	return known&(1<<(2*j+1)) != 0, true
}

func isBool(v *types.Var) bool {
	return !v.IsField() && types.Identical(v.Type().Underlying(), types.Typ[types.Bool])
}

// changedVars returns the variables that something in body changes other than
// their declaration: an assignment (in a function literal too), ++ or --, a
// taken address (explicit, or by a call of a pointer method on the variable:
// level.Set("debug") may change level), or a range clause that declares or
// assigns them.
func changedVars(info *types.Info, body *ast.BlockStmt) map[*types.Var]bool {
	changed := make(map[*types.Var]bool)
	mark := func(e ast.Expr, declToo bool) {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return
		}
		if v, ok := info.Uses[id].(*types.Var); ok {
			changed[v] = true
		}
		if v, ok := info.Defs[id].(*types.Var); ok && declToo {
			changed[v] = true
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				mark(l, false)
			}
		case *ast.IncDecStmt:
			mark(n.X, false)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				mark(n.X, false)
			}
		case *ast.SelectorExpr:
			if takesAddress(info, n) {
				mark(n.X, false)
			}
		case *ast.RangeStmt:
			if n.Key != nil {
				mark(n.Key, true)
			}
			if n.Value != nil {
				mark(n.Value, true)
			}
		}
		return true
	})
	return changed
}

// takesAddress reports whether sel is a method of a pointer receiver selected
// on an addressable value, which Go calls with the value's address.
func takesAddress(info *types.Info, sel *ast.SelectorExpr) bool {
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.MethodVal {
		return false
	}
	sig, ok := s.Obj().Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	_, ptrRecv := sig.Recv().Type().(*types.Pointer)
	_, ptrValue := s.Recv().Underlying().(*types.Pointer)
	return ptrRecv && !ptrValue
}

// enclosing returns what a path starting at acquire knows of the learnable
// booleans: the answers of the ifs whose branch holds it (true in the body,
// false in the else).
func (set boolFlagSet) enclosing(info *types.Info, body *ast.BlockStmt, acquire ast.Node, learnable flagValues) flagValues {
	var known flagValues
	if learnable == 0 {
		return known
	}
	var stack []ast.Node
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if _, lit := n.(*ast.FuncLit); lit {
			return false
		}
		if n == acquire {
			found = true
			return false
		}
		stack = append(stack, n)
		return true
	})
	if !found {
		return known
	}
	for i, n := range stack {
		if i+1 == len(stack) {
			continue
		}
		switch n := n.(type) {
		case *ast.IfStmt:
			switch stack[i+1] {
			case n.Body:
				known = set.learn(info, n.Cond, true, known, learnable)
			case n.Else:
				known = set.learn(info, n.Cond, false, known, learnable)
			}
		case *ast.ForStmt:
			if stack[i+1] == n.Body && n.Cond != nil {
				known = set.learnLoopEntry(info, n, known, learnable)
			}
		}
	}
	return known
}

// learn returns known with what cond having the value truth says of the
// learnable booleans: debug is truth, !debug its negation, debug == false its
// negation, addr != "" the negation of the comparison addr == ""; a && b true
// says both are, a || b false says neither is.
func (set boolFlagSet) learn(info *types.Info, cond ast.Expr, truth bool, known, learnable flagValues) flagValues {
	switch e := ast.Unparen(cond).(type) {
	case *ast.Ident:
		if v, ok := info.Uses[e].(*types.Var); ok {
			if j := set.index(v); j >= 0 && learnable.isKnown(j) {
				return known.set(j, truth)
			}
		}
	case *ast.SelectorExpr:
		if f, ok := fieldFlag(info, e); ok {
			if j := set.fieldIndex(f.base, f.v); j >= 0 && learnable.isKnown(j) {
				return known.set(j, truth)
			}
		}
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			return set.learn(info, e.X, !truth, known, learnable)
		}
	case *ast.BinaryExpr:
		if k, ok := set.learnLoop(info, e, truth, known, learnable); ok {
			return k
		}
		switch {
		case e.Op == token.LAND && truth, e.Op == token.LOR && !truth:
			known = set.learn(info, e.X, truth, known, learnable)
			return set.learn(info, e.Y, truth, known, learnable)
		case e.Op == token.EQL || e.Op == token.NEQ:
			if x, value, ok := boolComparison(info, e); ok {
				return set.learn(info, x, truth == (value == (e.Op == token.EQL)), known, learnable)
			}
			if f, ok := comparison(info, e); ok {
				if j := set.find(f); j >= 0 && learnable.isKnown(j) {
					return known.set(j, truth == (e.Op == token.EQL)) // addr != "" true: addr equals "" is false
				}
			}
		}
	}
	return known
}

// boolComparison reads debug == true, debug != false, false == debug: the
// variable compared (a plain identifier) and the constant.
func boolComparison(info *types.Info, e *ast.BinaryExpr) (ast.Expr, bool, bool) {
	for _, operands := range [][2]ast.Expr{{e.X, e.Y}, {e.Y, e.X}} {
		x, ok := ast.Unparen(operands[0]).(*ast.Ident)
		c, isIdent := ast.Unparen(operands[1]).(*ast.Ident)
		if !ok || !isIdent {
			continue
		}
		if _, isVar := info.Uses[x].(*types.Var); !isVar {
			continue
		}
		switch info.Uses[c] {
		case types.Universe.Lookup("true"):
			return x, true, true
		case types.Universe.Lookup("false"):
			return x, false, true
		}
	}
	return nil, false, false
}

// forgetDeclared returns known without the learnable booleans, and the
// comparisons of the variables, that n, a var specification (the graph holds
// each of a var declaration's specifications as a node), declares anew: a declaration in a loop's body gives a new value each
// time round. (One by := is an assignment, which after already forgets.)
func (set boolFlagSet) forgetDeclared(info *types.Info, n ast.Node, known, learnable flagValues) flagValues {
	vs, ok := n.(*ast.ValueSpec)
	if !ok || known&learnable == 0 {
		return known
	}
	for _, id := range vs.Names {
		if v, ok := info.Defs[id].(*types.Var); ok {
			for j, f := range set {
				if f.v == v && learnable.isKnown(j) {
					known = known.forget(j)
				}
			}
		}
	}
	return known
}
