package obligation

import (
	"go/ast"
	"go/types"
)

// maxFlags bounds the local booleans a search follows: each doubles the states a
// path can be in, and real functions set one or two (didOpen, owned).
const maxFlags = 8

// boolFlagSet is the local boolean variables of a function body that some
// statement sets to a constant (didOpen = true), in a fixed order.
type boolFlagSet []*types.Var

// flagValues is what a path knows of the set's flags: bit 2i says that flag i is
// known, bit 2i+1 its value.
type flagValues uint32

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
					set = append(set, v)
				}
			}
		}
		return true
	})
	return set
}

func (set boolFlagSet) has(v *types.Var) bool { return set.index(v) >= 0 }

func (set boolFlagSet) index(v *types.Var) int {
	for i, w := range set {
		if w == v {
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
	for j, v := range set {
		if known.isKnown(j) && assigns(info, n, v) && !setsConstant(info, n, v) {
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

// value returns what the path knows of the flag id refers to.
func (set boolFlagSet) value(info *types.Info, id *ast.Ident, known flagValues) (value, ok bool) {
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
