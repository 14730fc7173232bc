package resources

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/deferlint/deferlint/internal/flow"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// FuncUses classifies the mentions of a variable holding a function that must
// be called (a cancel function): what can call it, what cannot, and where it is
// stored. The facts pass asks it which function parameters a function calls or
// keeps and which cancel functions it returns fresh; ctxcancel asks it what
// becomes of each cancel function it follows.
type FuncUses struct {
	Info *types.Info
	Pkg  *types.Package
	// Inert reports whether fn never calls nor keeps its function parameter i
	// (Facts.Inert, or what the facts pass has found so far).
	Inert func(fn *types.Func, i int) bool
	// Read reports whether code in the package reads v in a way that may call
	// the functions stored in it; nil when that does not matter (every store
	// then counts as a call).
	Read func(v *types.Var) bool
	// Name names a function in messages.
	Name func(fn *types.Func) string
}

// FuncUseKind says what a mention of a cancel function does with it.
type FuncUseKind int

const (
	FuncNone         FuncUseKind = iota // not a use: an assignment to the variable, a nil comparison
	FuncCalls                           // calls it or hands it to code that may call it
	FuncInert                           // cannot call it: _ = cancel, a function known never to call it
	FuncStoredUnread                    // stores it where nothing in the package reads it
)

// FuncUse is one mention of a variable holding a function.
type FuncUse struct {
	Kind     FuncUseKind
	Pos      token.Pos // the identifier
	What     string    // for inert and stored uses, what happens to it, for messages
	At       ast.Node  // for stored uses, the storing assignment or composite literal element
	Deferred bool      // the mention is in a defer statement
	Stored   bool      // the mention stores it in a field, a variable or a container
	// Blank says that the mention assigns it to _ (_ = cancel): the author's
	// explicit decision not to call it.
	Blank bool
}

// Of classifies the mentions of v in the function fnCur, including those in
// nested function literals.
func (c *FuncUses) Of(fnCur inspector.Cursor, v *types.Var) []FuncUse {
	var uses []FuncUse
	for cur := range fnCur.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if c.Info.Uses[id] != v {
			continue
		}
		u := c.classify(cur, fnCur.Node())
		u.Pos = id.Pos()
		for anc := range cur.Enclosing((*ast.DeferStmt)(nil), (*ast.FuncDecl)(nil)) {
			if _, ok := anc.Node().(*ast.DeferStmt); ok {
				u.Deferred = true
			}
			break
		}
		uses = append(uses, u)
	}
	return uses
}

// classify says what the mention cur of a function-valued variable of fn does.
// Anything it does not recognize counts as a call: precision first.
func (c *FuncUses) classify(cur inspector.Cursor, fn ast.Node) FuncUse {
	cur = c.Climb(cur)
	kind, index := cur.ParentEdge()
	parent := cur.Parent().Node()
	switch kind {
	case edge.CallExpr_Fun:
		return FuncUse{Kind: FuncCalls}
	case edge.CallExpr_Args:
		return c.argUse(cur.Parent(), index, fn)
	case edge.AssignStmt_Lhs:
		return FuncUse{Kind: FuncNone}
	case edge.AssignStmt_Rhs:
		assign := parent.(*ast.AssignStmt)
		if len(assign.Lhs) != len(assign.Rhs) {
			return FuncUse{Kind: FuncCalls}
		}
		return c.assignUse(assign.Lhs[index], assign.Rhs[index], assign, fn)
	case edge.ValueSpec_Values:
		spec := parent.(*ast.ValueSpec)
		if len(spec.Names) == len(spec.Values) && spec.Names[index].Name == "_" {
			return FuncUse{Kind: FuncInert, What: "_ = " + render(cur.Node()) + " does not call it", Blank: true}
		}
	case edge.KeyValueExpr_Value:
		if _, ok := cur.Parent().Parent().Node().(*ast.CompositeLit); ok {
			if key, ok := parent.(*ast.KeyValueExpr).Key.(*ast.Ident); ok {
				if field, ok := c.Info.Uses[key].(*types.Var); ok && field.IsField() {
					return c.storeIn(field, "field "+field.Name(), parent)
				}
			}
		}
	case edge.CompositeLit_Elts:
		lit := parent.(*ast.CompositeLit)
		if st, ok := typeUnder(c.Info.TypeOf(lit)).(*types.Struct); ok && index < st.NumFields() {
			return c.storeIn(st.Field(index), "field "+st.Field(index).Name(), cur.Node())
		}
	case edge.BinaryExpr_X, edge.BinaryExpr_Y:
		if IsNilComparison(c.Info, parent) {
			return FuncUse{Kind: FuncNone}
		}
	}
	return FuncUse{Kind: FuncCalls}
}

// Climb moves from an identifier up through parentheses and conversions, which
// hand on the same function.
func (c *FuncUses) Climb(cur inspector.Cursor) inspector.Cursor {
	for {
		kind, _ := cur.ParentEdge()
		switch kind {
		case edge.ParenExpr_X:
			cur = cur.Parent()
		case edge.CallExpr_Args:
			call := cur.Parent().Node().(*ast.CallExpr)
			if tv, ok := c.Info.Types[call.Fun]; ok && tv.IsType() {
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
func (c *FuncUses) argUse(callCur inspector.Cursor, index int, fn ast.Node) FuncUse {
	call := callCur.Node().(*ast.CallExpr)
	switch callee := typeutil.Callee(c.Info, call).(type) {
	case *types.Builtin:
		if callee.Name() != "append" {
			return FuncUse{Kind: FuncInert, What: callee.Name() + " does not call it"}
		}
		if index == 0 {
			return FuncUse{Kind: FuncCalls}
		}
		// s = append(s, cancel): stored in s.
		if kind, i := callCur.ParentEdge(); kind == edge.AssignStmt_Rhs {
			assign := callCur.Parent().Node().(*ast.AssignStmt)
			if len(assign.Lhs) == len(assign.Rhs) {
				if root := c.RootVar(assign.Lhs[i]); root != nil {
					return c.storeIn(root, describe(root), assign)
				}
			}
		}
	case *types.Func:
		if callee.Pkg() == nil {
			return FuncUse{Kind: FuncCalls} // a method of the universe's error
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if s := c.Info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr {
				index-- // T.M(recv, args...)
			}
		}
		if index >= 0 && c.Inert(callee, index) {
			return FuncUse{Kind: FuncInert, What: c.name(callee.Origin()) + " never calls it"}
		}
	}
	return FuncUse{Kind: FuncCalls}
}

// assignUse classifies assigning a function to lhs.
func (c *FuncUses) assignUse(lhs, rhs ast.Expr, assign *ast.AssignStmt, fn ast.Node) FuncUse {
	lhs = ast.Unparen(lhs)
	if id, ok := lhs.(*ast.Ident); ok {
		if id.Name == "_" {
			return FuncUse{Kind: FuncInert, What: "_ = " + render(rhs) + " does not call it", Blank: true}
		}
		if v := VarOf(c.Info, id); v != nil && DeclaredIn(v, fn) {
			return FuncUse{Kind: FuncCalls} // an alias: followed no further
		}
	}
	return c.Store(lhs, fn, assign)
}

// Store classifies storing a function in target, a variable outside fn, a field
// or an element of a map or slice.
func (c *FuncUses) Store(target ast.Expr, fn ast.Node, at ast.Node) FuncUse {
	switch target := ast.Unparen(target).(type) {
	case *ast.Ident:
		if v := VarOf(c.Info, target); v != nil && (fn == nil || !DeclaredIn(v, fn)) {
			return c.storeIn(v, describe(v), at)
		}
	case *ast.SelectorExpr:
		if v, ok := c.Info.Uses[target.Sel].(*types.Var); ok {
			return c.storeIn(v, describe(v), at)
		}
	case *ast.IndexExpr:
		if root := c.RootVar(target.X); root != nil {
			return c.storeIn(root, describe(root), at)
		}
	}
	return FuncUse{Kind: FuncCalls, Stored: true}
}

// storeIn classifies storing a function in v (directly or in its elements): a use
// when some code in the package reads v, or when code elsewhere may.
func (c *FuncUses) storeIn(v *types.Var, what string, at ast.Node) FuncUse {
	if v.Pkg() != c.Pkg || v.Exported() && c.Pkg.Name() != "main" || c.Read == nil || c.Read(v) {
		return FuncUse{Kind: FuncCalls, Stored: true}
	}
	return FuncUse{Kind: FuncStoredUnread, What: what, At: at, Stored: true}
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

// RootVar returns the variable or field at the root of an lvalue: s in s[i], s.f
// in s.f[k].
func (c *FuncUses) RootVar(e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return VarOf(c.Info, x)
		case *ast.SelectorExpr:
			v, _ := c.Info.Uses[x.Sel].(*types.Var)
			return v
		case *ast.IndexExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// IsNilComparison reports whether n is x == nil or x != nil.
func IsNilComparison(info *types.Info, n ast.Node) bool {
	bin, ok := n.(*ast.BinaryExpr)
	if !ok {
		return false
	}
	_, _, ok = flow.ComparedWithNil(info, bin)
	return ok
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

// VarOf returns the variable an identifier defines or refers to.
func VarOf(info *types.Info, id *ast.Ident) *types.Var {
	if v, ok := info.Defs[id].(*types.Var); ok {
		return v
	}
	v, _ := info.Uses[id].(*types.Var)
	return v
}

// DeclaredIn reports whether v is declared in fn (a parameter, a result or a
// local variable).
func DeclaredIn(v *types.Var, fn ast.Node) bool {
	return fn.Pos() <= v.Pos() && v.Pos() < fn.End()
}

func (c *FuncUses) name(fn *types.Func) string {
	if c.Name == nil {
		return fn.Name()
	}
	return c.Name(fn)
}
