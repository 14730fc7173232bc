package obligation

import (
	"go/ast"
	"go/constant"
	"go/types"
)

// maxFlags bounds the local booleans a search follows: each doubles the states a
// path can be in, and real functions set one or two (didOpen, owned).
const maxFlags = 8

// boolFlagSet is the booleans a path may know, in a fixed order: the local
// boolean variables of a function body that some statement sets to a constant
// (didOpen = true), and the fixed booleans and fixed comparisons of withFixed.
type boolFlagSet []flag

// flag is one boolean of a boolFlagSet: the value of the boolean variable v, or,
// when compared is set, whether v equals the constant with of type withType
// (with nil: nil), or, when loop is set, whether that counted loop goes round
// again (see withCountedLoops).
type flag struct {
	v        *types.Var
	compared bool
	with     constant.Value
	withType types.Type
	loop     *countedLoop
	// inBounds says, for a loop, that the flag is whether its condition held
	// when last tested (see testsBound), not whether it goes round again.
	inBounds bool
	// base is set for a fixed field (see fieldFlag): v is then the field,
	// read through the variable base.
	base *types.Var
	// nilTracked says that v, compared with nil, is a nil-tracked variable
	// (see withNilTracked): its writes set the flag instead of forgetting it.
	nilTracked bool
}

// flagValues is what a path knows of the set's flags: bit 2i says that flag i is
// known, bit 2i+1 its value.
type flagValues uint64

// boolFlags returns the local booleans of body (outside function literals),
// other than the paired result, that an assignment sets to true or false.
func boolFlags(info *types.Info, body *ast.BlockStmt, pair *types.Var) boolFlagSet {
	var set boolFlagSet
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for i := range n.Lhs {
				v, _, ok := constantAssignment(info, n, i)
				if ok && v != pair && len(set) < maxFlags && !set.has(v) && body.Pos() <= v.Pos() && v.Pos() < body.End() {
					set = append(set, flag{v: v})
				}
			}
		}
		return true
	})
	return set
}

func (set boolFlagSet) has(v *types.Var) bool { return set.index(v) >= 0 }

// index returns the index of the boolean variable v in set, or -1.
func (set boolFlagSet) index(v *types.Var) int {
	for i, f := range set {
		if f.v == v && !f.compared && f.base == nil {
			return i
		}
	}
	return -1
}

// constantAssignment reads the i-th left-hand side of as: the boolean variable it
// sets to the constant true or false, with that value.
func constantAssignment(info *types.Info, as *ast.AssignStmt, i int) (*types.Var, bool, bool) {
	if len(as.Lhs) != len(as.Rhs) {
		return nil, false, false
	}
	id, ok := ast.Unparen(as.Lhs[i]).(*ast.Ident)
	if !ok {
		return nil, false, false
	}
	v, ok := info.ObjectOf(id).(*types.Var)
	if !ok || !types.Identical(v.Type(), types.Typ[types.Bool]) {
		return nil, false, false
	}
	c, ok := ast.Unparen(as.Rhs[i]).(*ast.Ident)
	if !ok {
		return nil, false, false
	}
	switch info.Uses[c] {
	case types.Universe.Lookup("true"):
		return v, true, true
	case types.Universe.Lookup("false"):
		return v, false, true
	}
	return nil, false, false
}

// after returns what the path knows once it has passed node n: a constant
// assignment sets a flag; any other assignment, or taking its address, forgets it.
func (set boolFlagSet) after(info *types.Info, n ast.Node, known flagValues) flagValues {
	if len(set) == 0 {
		return known
	}
	if as, ok := n.(*ast.AssignStmt); ok {
		for i := range as.Lhs {
			if v, value, ok := constantAssignment(info, as, i); ok {
				if j := set.index(v); j >= 0 {
					known = known.set(j, value)
				}
			}
		}
	}
	for j, f := range set {
		if f.loop != nil {
			if known.isKnown(j) && (n == f.loop.stmt.Init || f.inBounds && f.loop.movesCounter(info, n)) {
				known = known.forget(j) // the loop starts again, or its counter moves
			}
			continue
		}
		if known.isKnown(j) && assigns(info, n, f.v) && (f.compared || !setsConstant(info, n, f.v)) {
			known = known.forget(j)
		}
	}
	return known
}

// setsConstant reports whether n is an assignment that sets v to a constant.
func setsConstant(info *types.Info, n ast.Node, v *types.Var) bool {
	as, ok := n.(*ast.AssignStmt)
	if !ok {
		return false
	}
	for i := range as.Lhs {
		if w, _, ok := constantAssignment(info, as, i); ok && w == v {
			return true
		}
	}
	return false
}

// value returns what the path knows of e: the flag an identifier refers to, or
// the answer of a fixed comparison (see withFixed).
func (set boolFlagSet) value(info *types.Info, e ast.Expr, known flagValues) (value, ok bool) {
	if cmp, isCmp := e.(*ast.BinaryExpr); isCmp {
		if value, ok := set.loopAnswer(info, cmp, known); ok {
			return value, true
		}
		return set.compareValue(info, cmp, known)
	}
	if sel, isSel := e.(*ast.SelectorExpr); isSel {
		f, ok := fieldFlag(info, sel)
		if j := set.fieldIndex(f.base, f.v); ok && j >= 0 && known.isKnown(j) {
			return known&(1<<(2*j+1)) != 0, true
		}
		return false, false
	}
	id, isIdent := e.(*ast.Ident)
	if !isIdent {
		return false, false
	}
	v, isVar := info.Uses[id].(*types.Var)
	if !isVar {
		return false, false
	}
	j := set.index(v)
	if j < 0 || !known.isKnown(j) {
		return false, false
	}
	return known&(1<<(2*j+1)) != 0, true
}

func (k flagValues) isKnown(j int) bool { return k&(1<<(2*j)) != 0 }

func (k flagValues) set(j int, value bool) flagValues {
	k |= 1 << (2 * j)
	if value {
		return k | 1<<(2*j+1)
	}
	return k &^ (1 << (2*j + 1))
}

func (k flagValues) forget(j int) flagValues { return k &^ (3 << (2 * j)) }
