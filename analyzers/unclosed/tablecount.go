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
// the test wrote in its table. Its count (for range n, for i := 0; i < n; i++
// or <=, the limit perhaps converted, int(n)) is one of two things:
//
//   - a field of a table case (for i := 0; i < tc.tokens; i++ inside the case's
//     t.Run, with tokens: 5 and tokens: 3 in the table) whose every value in the
//     package is a small constant written in a composite literal (see
//     filledWithConstants);
//   - an integer parameter of a function literal that is itself a field value of
//     a table case (runner: func(l net.Listener, n int) error { for range n {
//     ... } }), where every use of that field calls it, for that parameter, with
//     a small constant or another field of the same case filled only with small
//     constants (tc.runner(l, tc.acceptCalls) with acceptCalls: 3), from outside
//     any counted loop.
//
// The table is the test's own data: the loop then runs a fixed, small number of
// times per case, like for range 3 written in place. b.N never qualifies: it is
// neither a constant nor a field a table literal fills, so a table whose
// function is called with b.N (tc.fn(b, b.N)), or whose count field is set from
// it, still repeats; so does a table loop inside a b.N loop, which testLoop
// finds as the next counted loop out.
func tableCounted(info *types.Info, loop inspector.Cursor) bool {
	if !countsUpFromZero(info, loop.Node()) {
		return false
	}
	if field := countField(info, loop); field != nil {
		return filledWithConstants(info, loop.Inspector().Root(), field)
	}
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

// countsUpFromZero reports whether loop runs no more often than its limit says
// (plus one for <=): a range, or a three-clause loop whose counter starts at a
// constant of zero or more and is changed only by its post statement. A counter
// that starts below zero, or that the body steps back, runs longer.
func countsUpFromZero(info *types.Info, loop ast.Node) bool {
	f, ok := loop.(*ast.ForStmt)
	if !ok {
		return true
	}
	init, ok := f.Init.(*ast.AssignStmt)
	if !ok || len(init.Lhs) != 1 || len(init.Rhs) != 1 {
		return false
	}
	start := info.Types[init.Rhs[0]].Value
	if start == nil || constant.Sign(constant.ToInt(start)) < 0 {
		return false
	}
	counter, ok := info.ObjectOf(init.Lhs[0].(*ast.Ident)).(*types.Var)
	return ok && !flow.Changes(info, f.Body, counter)
}

// countLimit returns the limit of the counted loop (see loops.Limit), without
// parentheses or a conversion to an integer type (int(tc.n)), or nil. A small
// count, from zero to tableCount, keeps its value in any integer type.
func countLimit(info *types.Info, loop ast.Node) ast.Expr {
	limit := ast.Unparen(loops.Limit(info, loop))
	if call, ok := limit.(*ast.CallExpr); ok && len(call.Args) == 1 && info.Types[call.Fun].IsType() && isInteger(info.TypeOf(call)) {
		limit = ast.Unparen(call.Args[0])
	}
	return limit
}

// isInteger reports whether t is an integer type.
func isInteger(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// countField returns the integer struct field that loop's limit selects
// (tc.tokens), or nil.
func countField(info *types.Info, loop inspector.Cursor) *types.Var {
	sel, ok := countLimit(info, loop.Node()).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	s := info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal {
		return nil
	}
	field, ok := s.Obj().(*types.Var)
	if !ok || !field.IsField() || !isInteger(field.Type()) {
		return nil
	}
	return field
}

// countParam returns the integer parameter of the function literal around loop
// that counts it (for range n, for i := 0; i < n; i++), when the literal never
// assigns it, or nil.
func countParam(info *types.Info, loop inspector.Cursor) *types.Var {
	limit, ok := countLimit(info, loop.Node()).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Uses[limit].(*types.Var)
	if !ok || !isInteger(v.Type()) {
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
// gives field is a small constant written in a composite literal, keyed
// (tokens: 5) or in order ({"second", 3}): the field is declared in the
// package, never assigned, incremented or addressed, so a table's case is the
// only source of the count (an omitted field is zero). Code elsewhere may set
// an exported field, through reflection, as a decoder does (json.Unmarshal(b,
// &cases) fills a table from a file): one counts only while the package never
// takes the address of a value that holds it, nor gives the struct methods.
func filledWithConstants(info *types.Info, root inspector.Cursor, field *types.Var) bool {
	if !declaredIn(root, field) || field.Exported() && reachable(info, root, field) {
		return false
	}
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
	for c := range root.Preorder((*ast.CompositeLit)(nil)) {
		lit := c.Node().(*ast.CompositeLit)
		st, ok := typeOf(info, lit).Underlying().(*types.Struct)
		if !ok || len(lit.Elts) == 0 {
			continue
		}
		if _, keyed := lit.Elts[0].(*ast.KeyValueExpr); keyed {
			continue
		}
		for i := range min(st.NumFields(), len(lit.Elts)) {
			if st.Field(i) != field {
				continue
			}
			if small, ok := smallConstant(info, ast.Unparen(lit.Elts[i])); !ok || !small {
				return false
			}
		}
	}
	return true
}

// typeOf returns the type of e, or the invalid type: never nil.
func typeOf(info *types.Info, e ast.Expr) types.Type {
	if t := info.TypeOf(e); t != nil {
		return t
	}
	return types.Typ[types.Invalid]
}

// declaredIn reports whether field is declared in one of the files under root,
// whose code is all that the analysis sees writing it.
func declaredIn(root inspector.Cursor, field *types.Var) bool {
	for c := range root.Preorder((*ast.File)(nil)) {
		f := c.Node().(*ast.File)
		if f.FileStart <= field.Pos() && field.Pos() < f.FileEnd {
			return true
		}
	}
	return false
}

// reachable reports whether code the package does not show may set field: the
// package takes the address of a value holding the field (&cases, &tc, new(T),
// &T{...}), through which reflection writes it, or calls a method of a type
// holding it.
func reachable(info *types.Info, root inspector.Cursor, field *types.Var) bool {
	for c := range root.Preorder((*ast.UnaryExpr)(nil), (*ast.CallExpr)(nil)) {
		switch n := c.Node().(type) {
		case *ast.UnaryExpr:
			if n.Op == token.AND && holds(typeOf(info, n.X), field, 0) {
				return true
			}
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && len(n.Args) == 1 {
				if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "new" && holds(typeOf(info, n.Args[0]), field, 0) {
					return true
				}
			}
		}
	}
	for _, s := range info.Selections {
		if s.Kind() != types.FieldVal && holds(s.Recv(), field, 0) {
			return true
		}
	}
	return false
}

// holds reports whether a value of type t contains field: a struct with it,
// or a pointer, slice, array, map or channel of one, or a struct with such a
// field, up to a few levels deep.
func holds(t types.Type, field *types.Var, depth int) bool {
	if depth > 4 {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		for i := range u.NumFields() {
			if f := u.Field(i); f == field || holds(f.Type(), field, depth+1) {
				return true
			}
		}
	case *types.Pointer:
		return holds(u.Elem(), field, depth+1)
	case *types.Slice:
		return holds(u.Elem(), field, depth+1)
	case *types.Array:
		return holds(u.Elem(), field, depth+1)
	case *types.Map:
		return holds(u.Elem(), field, depth+1)
	case *types.Chan:
		return holds(u.Elem(), field, depth+1)
	}
	return false
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
