package loops

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"github.com/deferlint/deferlint/internal/flow"
)

// FixedCount reports whether loop's count is fixed when it starts, by data the
// program already holds: a range over a slice, an array (or a pointer to one), a
// map, a string or an integer, each evaluated once, before the first iteration;
// or a for statement that counts i from a start to a limit (for i := a; i < n;
// i++, or <=; for i := a; i >= n; i--, or >) whose counter the body does not
// change and whose start and limit are stable (see stable): no call but len, cap
// or a conversion, and no variable the body changes. A range over a channel or a
// function, a for statement without a condition or with any other condition, and
// a loop built with goto run for as long as their input, their iterator or their
// condition says: false.
func FixedCount(info *types.Info, loop ast.Stmt) bool {
	switch l := loop.(type) {
	case *ast.RangeStmt:
		t := info.TypeOf(l.X)
		if t == nil {
			return false
		}
		u, ok := rangeable(t)
		if !ok {
			return false
		}
		switch u := u.(type) {
		case *types.Slice, *types.Array, *types.Map:
			return true
		case *types.Basic:
			return u.Info()&(types.IsString|types.IsInteger) != 0
		}
	case *ast.ForStmt:
		return countsToStableLimit(info, l)
	}
	return false
}

// countsToStableLimit reports whether l counts a variable i, declared by its
// init statement from a stable start, up with i++ to a stable limit (i < n, i <=
// n) or down with i-- (i > n, i >= n), and the body changes neither i nor what
// the limit reads.
func countsToStableLimit(info *types.Info, l *ast.ForStmt) bool {
	init, ok := l.Init.(*ast.AssignStmt)
	if !ok || init.Tok != token.DEFINE || len(init.Lhs) != 1 || len(init.Rhs) != 1 {
		return false
	}
	id, ok := init.Lhs[0].(*ast.Ident)
	if !ok {
		return false
	}
	i, ok := info.Defs[id].(*types.Var)
	if !ok || !stable(info, l.Body, init.Rhs[0]) {
		return false
	}
	cond, ok := ast.Unparen(l.Cond).(*ast.BinaryExpr)
	if !ok || !isVarIdent(info, cond.X, i) {
		return false
	}
	post, ok := l.Post.(*ast.IncDecStmt)
	if !ok || !isVarIdent(info, post.X, i) {
		return false
	}
	switch {
	case post.Tok == token.INC && (cond.Op == token.LSS || cond.Op == token.LEQ):
	case post.Tok == token.DEC && (cond.Op == token.GTR || cond.Op == token.GEQ):
	default:
		return false
	}
	return stable(info, l.Body, cond.Y) && !flow.Changes(info, l.Body, i)
}

// assignsPart reports whether body assigns a field or an element of v (v.n = 0,
// v[k] = x, also through a pointer), which flow.Changes, asking about v itself,
// leaves out. A method of v that changes it is not seen.
func assignsPart(info *types.Info, body *ast.BlockStmt, v *types.Var) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if a, ok := n.(*ast.AssignStmt); ok {
			for _, l := range a.Lhs {
				found = found || flow.RootVar(info, l) == v
			}
		}
		return !found
	})
	return found
}

// isVarIdent reports whether e is the identifier of v.
func isVarIdent(info *types.Info, e ast.Expr, v *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && info.Uses[id] == v
}

// stable reports whether e has the same value in every iteration of a loop whose
// body is body: built from constants, variables the body does not change (see
// flow.Changes), fields and elements of them, operators, conversions, and the
// builtins len and cap. A call of any other function may answer differently each
// time (for i := 0; i < q.Len(); i++), and a receive takes a new value: not
// stable. A field set through another path to the same struct, by a method, or
// by another goroutine, is not seen.
func stable(info *types.Info, body *ast.BlockStmt, e ast.Expr) bool {
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		return true
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		switch obj := info.Uses[x].(type) {
		case *types.Var:
			return !flow.Changes(info, body, obj) && !assignsPart(info, body, obj)
		case *types.Const, *types.Nil:
			return true
		}
	case *ast.SelectorExpr:
		if _, isPkg := info.Uses[identOf(x.X)].(*types.PkgName); isPkg {
			return stable(info, body, x.Sel)
		}
		return stable(info, body, x.X)
	case *ast.IndexExpr:
		return stable(info, body, x.X) && stable(info, body, x.Index)
	case *ast.BinaryExpr:
		return stable(info, body, x.X) && stable(info, body, x.Y)
	case *ast.UnaryExpr:
		return x.Op != token.ARROW && stable(info, body, x.X)
	case *ast.CallExpr:
		tv, ok := info.Types[x.Fun]
		if !ok || len(x.Args) != 1 {
			return false
		}
		if tv.IsBuiltin() {
			name, _ := ast.Unparen(x.Fun).(*ast.Ident)
			if name == nil || name.Name != "len" && name.Name != "cap" {
				return false
			}
		} else if !tv.IsType() {
			return false
		}
		return stable(info, body, x.Args[0])
	}
	return false
}

// identOf returns e as an identifier, or nil.
func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// rangeable returns the underlying type of t, through a pointer to an array (which
// Go ranges over and indexes as the array); ok is false for any other pointer.
func rangeable(t types.Type) (types.Type, bool) {
	u := t.Underlying()
	if p, ok := u.(*types.Pointer); ok {
		u = p.Elem().Underlying()
		if _, ok := u.(*types.Array); !ok {
			return nil, false
		}
	}
	return u, true
}

// SameCount reports whether the for statements a and b, b later than a in one
// statement list with the statements between them, run the same number of
// rounds: both count up from equal constant starts to one limit (for i := K; i <
// N; i++, or both <=), each a fixed count (see FixedCount), the limits written
// alike over the same variables, and nothing between the loops changing what the
// limit reads (see stable).
func SameCount(info *types.Info, a, b *ast.ForStmt, between []ast.Stmt) bool {
	limitA, startA, inclusiveA, okA := countedShape(info, a)
	limitB, startB, inclusiveB, okB := countedShape(info, b)
	if !okA || !okB || inclusiveA != inclusiveB || !sameExpr(info, limitA, limitB) {
		return false
	}
	if !constant.Compare(info.Types[startA].Value, token.EQL, info.Types[startB].Value) {
		return false
	}
	return countsToStableLimit(info, a) && countsToStableLimit(info, b) &&
		stable(info, &ast.BlockStmt{List: between}, limitA)
}

// sameExpr reports whether x and y are written alike and their names denote the
// same objects (no shadowing declaration between them).
func sameExpr(info *types.Info, x, y ast.Expr) bool {
	if types.ExprString(x) != types.ExprString(y) {
		return false
	}
	objects := func(e ast.Expr) []types.Object {
		var objs []types.Object
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				objs = append(objs, info.Uses[id])
			}
			return true
		})
		return objs
	}
	return slices.Equal(objects(x), objects(y))
}
