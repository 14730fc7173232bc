package ctxcancel

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// useKind says what a mention of a cancel function does with it.
type useKind int

const (
	useNone         useKind = iota // not a use: an assignment to the variable, a nil comparison
	useCalls                       // calls it or hands it to code that may call it
	useInert                       // cannot call it: _ = cancel, a function known never to call it
	useStoredUnread                // stores it where nothing in the package reads it
)

// use is one mention of a cancel function variable.
type use struct {
	kind     useKind
	pos      token.Pos // the identifier
	what     string    // for inert and stored uses, what happens to it, for messages
	at       ast.Node  // for stored uses, the storing assignment or composite literal element
	deferred bool      // the mention is in a defer statement
	stored   bool      // the mention stores it in a field, a variable or a container
}

// usesOf classifies the mentions of v in the function fnCur, including those in
// nested function literals.
func (c *checker) usesOf(fnCur inspector.Cursor, v *types.Var) []use {
	var uses []use
	for cur := range fnCur.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if c.info.Uses[id] != v {
			continue
		}
		u := c.classify(cur, fnCur.Node())
		u.pos = id.Pos()
		for anc := range cur.Enclosing((*ast.DeferStmt)(nil), (*ast.FuncDecl)(nil)) {
			if _, ok := anc.Node().(*ast.DeferStmt); ok {
				u.deferred = true
			}
			break
		}
		uses = append(uses, u)
	}
	return uses
}

// classify says what the mention cur of a function-valued variable of fn does.
// Anything it does not recognize counts as a call: precision first.
func (c *checker) classify(cur inspector.Cursor, fn ast.Node) use {
	cur = c.climb(cur)
	kind, index := cur.ParentEdge()
	parent := cur.Parent().Node()
	switch kind {
	case edge.CallExpr_Fun:
		return use{kind: useCalls}
	case edge.CallExpr_Args:
		return c.argUse(cur.Parent(), index, fn)
	case edge.AssignStmt_Lhs:
		return use{kind: useNone}
	case edge.AssignStmt_Rhs:
		assign := parent.(*ast.AssignStmt)
		if len(assign.Lhs) != len(assign.Rhs) {
			return use{kind: useCalls}
		}
		return c.assignUse(assign.Lhs[index], assign.Rhs[index], assign, fn)
	case edge.ValueSpec_Values:
		spec := parent.(*ast.ValueSpec)
		if len(spec.Names) == len(spec.Values) && spec.Names[index].Name == "_" {
			return use{kind: useInert, what: "_ = " + render(cur.Node()) + " does not call it"}
		}
	case edge.KeyValueExpr_Value:
		if _, ok := cur.Parent().Parent().Node().(*ast.CompositeLit); ok {
			if key, ok := parent.(*ast.KeyValueExpr).Key.(*ast.Ident); ok {
				if field, ok := c.info.Uses[key].(*types.Var); ok && field.IsField() {
					return c.storeIn(field, "field "+field.Name(), parent)
				}
			}
		}
	case edge.CompositeLit_Elts:
		lit := parent.(*ast.CompositeLit)
		if st, ok := typeUnder(c.info.TypeOf(lit)).(*types.Struct); ok && index < st.NumFields() {
			return c.storeIn(st.Field(index), "field "+st.Field(index).Name(), cur.Node())
		}
	case edge.BinaryExpr_X, edge.BinaryExpr_Y:
		if isNilComparison(c.info, parent) {
			return use{kind: useNone}
		}
	}
	return use{kind: useCalls}
}

// climb moves from an identifier up through parentheses and conversions, which
// hand on the same function.
func (c *checker) climb(cur inspector.Cursor) inspector.Cursor {
	for {
		kind, _ := cur.ParentEdge()
		switch kind {
		case edge.ParenExpr_X:
			cur = cur.Parent()
		case edge.CallExpr_Args:
			call := cur.Parent().Node().(*ast.CallExpr)
			if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() {
				cur = cur.Parent()
				continue
			}
			return cur
		case edge.SelectorExpr_Sel:
			cur = cur.Parent() // a field or a qualified package variable
		default:
			return cur
		}
	}
}

// argUse classifies passing a function as argument index of call.
func (c *checker) argUse(callCur inspector.Cursor, index int, fn ast.Node) use {
	call := callCur.Node().(*ast.CallExpr)
	switch callee := typeutil.Callee(c.info, call).(type) {
	case *types.Builtin:
		if callee.Name() != "append" {
			return use{kind: useInert, what: callee.Name() + " does not call it"}
		}
		if index == 0 {
			return use{kind: useCalls}
		}
		// s = append(s, cancel): stored in s.
		if kind, i := callCur.ParentEdge(); kind == edge.AssignStmt_Rhs {
			assign := callCur.Parent().Node().(*ast.AssignStmt)
			if len(assign.Lhs) == len(assign.Rhs) {
				if root := c.rootVar(assign.Lhs[i]); root != nil {
					return c.storeIn(root, describe(root), assign)
				}
			}
		}
	case *types.Func:
		if callee.Pkg() == nil {
			return use{kind: useCalls} // a method of the universe's error
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if s := c.info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr {
				index-- // T.M(recv, args...)
			}
		}
		if index >= 0 && c.inertParam(callee, index) {
			return use{kind: useInert, what: funcName(c.pass.Pkg, callee.Origin()) + " never calls it"}
		}
	}
	return use{kind: useCalls}
}

// assignUse classifies assigning a function to lhs.
func (c *checker) assignUse(lhs, rhs ast.Expr, assign *ast.AssignStmt, fn ast.Node) use {
	lhs = ast.Unparen(lhs)
	if id, ok := lhs.(*ast.Ident); ok {
		if id.Name == "_" {
			return use{kind: useInert, what: "_ = " + render(rhs) + " does not call it"}
		}
		if v := c.varOf(id); v != nil && declaredIn(v, fn) {
			return use{kind: useCalls} // an alias: followed no further
		}
	}
	return c.storeUse(lhs, fn, assign)
}

// storeUse classifies storing a function in target, a variable outside fn, a field
// or an element of a map or slice.
func (c *checker) storeUse(target ast.Expr, fn ast.Node, at ast.Node) use {
	switch target := ast.Unparen(target).(type) {
	case *ast.Ident:
		if v := c.varOf(target); v != nil && (fn == nil || !declaredIn(v, fn)) {
			return c.storeIn(v, describe(v), at)
		}
	case *ast.SelectorExpr:
		if v, ok := c.info.Uses[target.Sel].(*types.Var); ok {
			return c.storeIn(v, describe(v), at)
		}
	case *ast.IndexExpr:
		if root := c.rootVar(target.X); root != nil {
			return c.storeIn(root, describe(root), at)
		}
	}
	return use{kind: useCalls, stored: true}
}

// storeIn classifies storing a function in v (directly or in its elements): a use
// when some code in the package reads v, or when code elsewhere may.
func (c *checker) storeIn(v *types.Var, what string, at ast.Node) use {
	if v.Pkg() != c.pass.Pkg || v.Exported() && c.pass.Pkg.Name() != "main" || c.isRead(v) {
		return use{kind: useCalls, stored: true}
	}
	return use{kind: useStoredUnread, what: what, at: at, stored: true}
}

// describe names a variable or field for messages.
func describe(v *types.Var) string {
	switch {
	case v.IsField():
		return "field " + v.Name()
	case v.Pkg() != nil && v.Parent() == v.Pkg().Scope():
		return "package variable " + v.Name()
	}
	return "variable " + v.Name()
}

// rootVar returns the variable or field at the root of an lvalue: s in s[i], s.f
// in s.f[k].
func (c *checker) rootVar(e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return c.varOf(x)
		case *ast.SelectorExpr:
			v, _ := c.info.Uses[x.Sel].(*types.Var)
			return v
		case *ast.IndexExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// isRead reports whether some code in the package reads v in a way that may call
// the functions stored in it: anything but assigning to it or its elements,
// comparing it with nil, appending to it, or taking its length.
func (c *checker) isRead(v *types.Var) bool {
	if c.reads == nil {
		c.reads = make(map[*types.Var]bool)
		for cur := range c.in.Root().Preorder((*ast.Ident)(nil)) {
			if u, ok := c.info.Uses[cur.Node().(*ast.Ident)].(*types.Var); ok && !c.reads[u] && c.reads1(cur, u) {
				c.reads[u] = true
			}
		}
	}
	return c.reads[v]
}

// reads1 reports whether the mention cur of v reads it.
func (c *checker) reads1(cur inspector.Cursor, v *types.Var) bool {
	if kind, _ := cur.ParentEdge(); kind == edge.KeyValueExpr_Key {
		return false
	}
	cur = c.climb(cur)
	for {
		kind, _ := cur.ParentEdge()
		if kind != edge.IndexExpr_X {
			break
		}
		if k, _ := cur.Parent().ParentEdge(); k != edge.AssignStmt_Lhs {
			return true // an element is read
		}
		cur = cur.Parent()
	}
	kind, index := cur.ParentEdge()
	parent := cur.Parent().Node()
	switch kind {
	case edge.AssignStmt_Lhs:
		return false
	case edge.AssignStmt_Rhs:
		assign := parent.(*ast.AssignStmt)
		if len(assign.Lhs) == len(assign.Rhs) {
			if id, ok := assign.Lhs[index].(*ast.Ident); ok && id.Name == "_" {
				return false
			}
		}
	case edge.BinaryExpr_X, edge.BinaryExpr_Y:
		return !isNilComparison(c.info, parent)
	case edge.CallExpr_Args:
		call := parent.(*ast.CallExpr)
		if b, ok := typeutil.Callee(c.info, call).(*types.Builtin); ok {
			switch b.Name() {
			case "len", "cap", "delete", "clear":
				return false
			case "append":
				if k, i := cur.Parent().ParentEdge(); index == 0 && k == edge.AssignStmt_Rhs {
					assign := cur.Parent().Parent().Node().(*ast.AssignStmt)
					return len(assign.Lhs) != len(assign.Rhs) || c.rootVar(assign.Lhs[i]) != v
				}
			}
		}
	}
	return true
}

// isNilComparison reports whether n is x == nil or x != nil.
func isNilComparison(info *types.Info, n ast.Node) bool {
	bin, ok := n.(*ast.BinaryExpr)
	if !ok || bin.Op != token.EQL && bin.Op != token.NEQ {
		return false
	}
	return isNil(info, bin.X) || isNil(info, bin.Y)
}

func isNil(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := info.Uses[id].(*types.Nil)
	return isNil
}

func typeUnder(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem().Underlying()
	}
	return t.Underlying()
}

// render returns a short source form of a simple expression.
func render(e ast.Node) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return render(e.X) + "." + e.Sel.Name
	case *ast.ParenExpr:
		return render(e.X)
	}
	return "it"
}
