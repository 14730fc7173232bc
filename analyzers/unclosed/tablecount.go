package unclosed

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/loops"
	"golang.org/x/tools/go/ast/inspector"
)

// tableCount is the largest count, written in a test's table, that still reads
// as a case of the table rather than a stress loop; the same bound as a loop's
// constant count (see loops.SmallConstant).
const tableCount = 64

// tableCounted reports whether loop, in test code, runs a number of times that
// the test wrote in its table: the loop's count is an integer parameter of a
// function literal that is itself a field value of a table case (runner:
// func(l net.Listener, n int) error { for range n { ... } }), and every use of
// that field calls it with, for that parameter, a small constant or another
// field of the same case whose every value written in a composite literal is a
// small constant (tc.runner(l, tc.acceptCalls) with acceptCalls: 3), from
// outside any counted loop. The loop then runs no more often than the table
// says, like for range 3 written in the literal itself. b.N never qualifies: it
// is neither a constant nor a field a table literal fills, so a table whose
// function is called with b.N (tc.fn(b, b.N)) still repeats.
func tableCounted(info *types.Info, loop inspector.Cursor) bool {
	param := countParam(info, loop)
	if param == nil {
		return false
	}
	lit, field, index := tableFunc(info, loop, param)
	if lit == nil {
		return false
	}
	root := loop.Inspector().Root()
	calls := 0
	for c := range root.Preorder((*ast.Ident)(nil)) {
		id := c.Node().(*ast.Ident)
		if info.Uses[id] != field || isKey(c) {
			continue
		}
		if !tableCall(info, c, index) {
			return false
		}
		calls++
	}
	return calls > 0
}

// countParam returns the integer parameter of the function literal around loop
// that counts it (for range n, for i := 0; i < n; i++), when the literal never
// assigns it, or nil.
func countParam(info *types.Info, loop inspector.Cursor) *types.Var {
	limit, ok := ast.Unparen(loops.Limit(info, loop.Node())).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Uses[limit].(*types.Var)
	if !ok {
		return nil
	}
	if b, ok := v.Type().Underlying().(*types.Basic); !ok || b.Info()&types.IsInteger == 0 {
		return nil
	}
	for c := range loop.Enclosing((*ast.FuncLit)(nil)) {
		lit := c.Node().(*ast.FuncLit)
		if v.Pos() < lit.Type.Params.Pos() || v.Pos() >= lit.Type.Params.End() || flow.Changes(info, lit.Body, v) {
			return nil
		}
		return v
	}
	return nil
}

// tableFunc returns the function literal whose parameter param is, when that
// literal is a field value in a struct composite literal (keyed, runner:
// func..., or in order), with the field and the parameter's index.
func tableFunc(info *types.Info, loop inspector.Cursor, param *types.Var) (*ast.FuncLit, *types.Var, int) {
	for c := range loop.Enclosing((*ast.FuncLit)(nil)) {
		lit := c.Node().(*ast.FuncLit)
		sig, ok := info.TypeOf(lit).(*types.Signature)
		if !ok {
			return nil, nil, 0
		}
		index := -1
		for i := range sig.Params().Len() {
			if sig.Params().At(i) == param {
				index = i
			}
		}
		if index < 0 {
			return nil, nil, 0
		}
		field := fieldOf(info, c)
		if field == nil {
			return nil, nil, 0
		}
		return lit, field, index
	}
	return nil, nil, 0
}

// fieldOf returns the struct field that the expression at c is the value of in
// a composite literal, or nil.
func fieldOf(info *types.Info, c inspector.Cursor) *types.Var {
	parent := c.Parent()
	for {
		if _, ok := parent.Node().(*ast.ParenExpr); !ok {
			break
		}
		parent = parent.Parent()
	}
	if kv, ok := parent.Node().(*ast.KeyValueExpr); ok {
		key, ok := kv.Key.(*ast.Ident)
		if !ok {
			return nil
		}
		f, _ := info.Uses[key].(*types.Var)
		if f == nil || !f.IsField() {
			return nil
		}
		return f
	}
	lit, ok := parent.Node().(*ast.CompositeLit)
	if !ok {
		return nil
	}
	st, ok := info.TypeOf(lit).Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	for i, e := range lit.Elts {
		if e.Pos() <= c.Node().Pos() && c.Node().End() <= e.End() && i < st.NumFields() {
			return st.Field(i)
		}
	}
	return nil
}

// isKey reports whether the identifier at c is the key of a keyed composite
// literal's element (runner: ...), a definition of the field's value rather
// than a use of it.
func isKey(c inspector.Cursor) bool {
	kv, ok := c.Parent().Node().(*ast.KeyValueExpr)
	return ok && kv.Key == c.Node()
}

// tableCall reports whether the field selected at id (tc.runner) is called
// there, outside any counted loop, with a table count at index: a small
// constant or a field of the same case (tc.acceptCalls) that the table fills
// only with small constants.
func tableCall(info *types.Info, id inspector.Cursor, index int) bool {
	sel, ok := id.Parent().Node().(*ast.SelectorExpr)
	if !ok || sel.Sel != id.Node() {
		return false
	}
	call, ok := id.Parent().Parent().Node().(*ast.CallExpr)
	if !ok || ast.Unparen(call.Fun) != sel || call.Ellipsis.IsValid() || index >= len(call.Args) {
		return false
	}
	if loops.Counted(info, id.Parent().Parent()) != nil {
		return false
	}
	arg := ast.Unparen(call.Args[index])
	if n, ok := smallConstant(info, arg); ok {
		return n
	}
	argSel, ok := arg.(*ast.SelectorExpr)
	if !ok || !sameCase(info, sel.X, argSel.X) {
		return false
	}
	count, _ := info.Uses[argSel.Sel].(*types.Var)
	return count != nil && count.IsField() && filledWithConstants(info, id.Inspector().Root(), count)
}

// smallConstant reports whether e is an integer constant, and whether it is
// at most tableCount.
func smallConstant(info *types.Info, e ast.Expr) (small, ok bool) {
	tv, found := info.Types[e]
	if !found || tv.Value == nil {
		return false, false
	}
	n, exact := constant.Int64Val(constant.ToInt(tv.Value))
	return exact && n >= 0 && n <= tableCount, true
}

// sameCase reports whether x and y name the same variable (tc in tc.runner and
// tc.acceptCalls), so that both fields come from one case of the table.
func sameCase(info *types.Info, x, y ast.Expr) bool {
	xi, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return false
	}
	yi, ok := ast.Unparen(y).(*ast.Ident)
	return ok && info.Uses[xi] != nil && info.Uses[xi] == info.Uses[yi]
}

// filledWithConstants reports whether every value that the package's code
// gives field is a small constant written in a composite literal: the field is
// never assigned, incremented or addressed elsewhere, so a table's case is the
// only source of the count (an omitted field is zero).
func filledWithConstants(info *types.Info, root inspector.Cursor, field *types.Var) bool {
	for c := range root.Preorder((*ast.Ident)(nil)) {
		id := c.Node().(*ast.Ident)
		if info.Uses[id] != field {
			continue
		}
		if isKey(c) {
			kv := c.Parent().Node().(*ast.KeyValueExpr)
			if small, ok := smallConstant(info, ast.Unparen(kv.Value)); !ok || !small {
				return false
			}
			continue
		}
		if sel, ok := c.Parent().Node().(*ast.SelectorExpr); !ok || sel.Sel != id || written(c.Parent()) {
			return false
		}
	}
	// Values given in order ({"close", 3}) do not name the field: a struct
	// with such a literal is not looked into.
	for c := range root.Preorder((*ast.CompositeLit)(nil)) {
		lit := c.Node().(*ast.CompositeLit)
		st, ok := info.TypeOf(lit).Underlying().(*types.Struct)
		if !ok || len(lit.Elts) == 0 {
			continue
		}
		if _, keyed := lit.Elts[0].(*ast.KeyValueExpr); keyed {
			continue
		}
		for i := range st.NumFields() {
			if st.Field(i) == field {
				return false
			}
		}
	}
	return true
}

// written reports whether the selector at c is assigned, incremented or has
// its address taken.
func written(c inspector.Cursor) bool {
	e := c.Node()
	switch p := c.Parent().Node().(type) {
	case *ast.AssignStmt:
		for _, l := range p.Lhs {
			if ast.Unparen(l) == e {
				return true
			}
		}
	case *ast.IncDecStmt:
		return true
	case *ast.UnaryExpr:
		return p.Op == token.AND
	case *ast.ParenExpr:
		return written(c.Parent())
	}
	return false
}

// enclosingNode returns the cursor of n, a loop around cur.
func enclosingNode(cur inspector.Cursor, n ast.Node) (inspector.Cursor, bool) {
	for c := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
		if c.Node() == n {
			return c, true
		}
	}
	return inspector.Cursor{}, false
}
