package process

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/deferlint/deferlint/internal/flow"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// callbackSite returns the call that hands the function literal at lit to a
// function of the package which calls it at most a fixed number of times per
// call of its own (see callsParamOnce): the literal written in place as the
// argument (ensurePackage(target, func() error {...})), or bound once to a local
// variable whose one use is that argument (build := func() error {...};
// ensurePackage(target, build)), as fyne's installAndroid hands its packaging
// step to ensurePackage (measurement 30).
//
// Each execution of the call builds or passes one literal value and the callee
// calls it a fixed number of times, and nothing else holds the value: so the
// literal's body runs as often as the call does, times a fixed number, and it
// runs once where the call runs once. One level only: a callee that hands the
// parameter on, stores it, calls it in a loop, a goroutine or a function literal
// of its own, or may repeat its code with a goto, may run the literal any number
// of times; so may anyone holding a variable that is reassigned, whose address is
// taken or that has another use. A callee outside the package, through an
// interface or a function value, is not read: not such a call.
func (o *Once) callbackSite(lit inspector.Cursor) (inspector.Cursor, bool) {
	arg, ok := o.soleArgument(lit)
	if !ok {
		return lit, false
	}
	call := arg.Parent().Node().(*ast.CallExpr)
	_, index := arg.ParentEdge()
	if !o.callsParamOnce(call, index) {
		return lit, false
	}
	return arg.Parent(), true
}

// soleArgument returns the argument of a call through which the function
// literal at lit is handed on: lit itself, or the one use of the local variable
// that lit initialises when that variable has no other use (no reassignment, no
// address taken, no other call or value).
func (o *Once) soleArgument(lit inspector.Cursor) (inspector.Cursor, bool) {
	if kind, _ := lit.ParentEdge(); kind == edge.CallExpr_Args {
		return lit, true
	}
	v, scope, ok := o.boundVar(lit)
	if !ok {
		return lit, false
	}
	var uses []inspector.Cursor
	for cur := range scope.Preorder((*ast.Ident)(nil)) {
		if o.pass.TypesInfo.Uses[cur.Node().(*ast.Ident)] == v {
			uses = append(uses, cur)
		}
	}
	if len(uses) != 1 {
		return lit, false
	}
	if kind, _ := uses[0].ParentEdge(); kind != edge.CallExpr_Args {
		return lit, false
	}
	return uses[0], true
}

// boundVar returns the local variable that the function literal at lit
// initialises, alone on its side (f := func() {...}, var f = func() {...}), and
// the statement list around the declaration, which holds the variable's scope.
func (o *Once) boundVar(lit inspector.Cursor) (*types.Var, inspector.Cursor, bool) {
	var name *ast.Ident
	var stmt inspector.Cursor
	switch kind, _ := lit.ParentEdge(); kind {
	case edge.AssignStmt_Rhs:
		assign := lit.Parent().Node().(*ast.AssignStmt)
		if assign.Tok != token.DEFINE || len(assign.Lhs) != 1 || len(assign.Rhs) != 1 {
			return nil, lit, false
		}
		name, _ = assign.Lhs[0].(*ast.Ident)
		stmt = lit.Parent()
	case edge.ValueSpec_Values:
		spec := lit.Parent().Node().(*ast.ValueSpec)
		if len(spec.Names) != 1 || len(spec.Values) != 1 {
			return nil, lit, false
		}
		name = spec.Names[0]
		stmt = lit.Parent().Parent().Parent() // ValueSpec, GenDecl, DeclStmt
		if _, ok := stmt.Node().(*ast.DeclStmt); !ok {
			return nil, lit, false // a package-level variable: anyone may call it
		}
	default:
		return nil, lit, false
	}
	if name == nil {
		return nil, lit, false
	}
	v, ok := o.pass.TypesInfo.Defs[name].(*types.Var)
	if !ok || v.IsField() {
		return nil, lit, false
	}
	return v, stmt.Parent(), true
}

// callsParamOnce reports whether call's callee is a function or method declared
// in the package (a static callee) whose parameter for the argument at index is
// used only as the callee of plain calls, none of them in a loop, a go
// statement or a function literal of the callee that is not called on the spot
// (see repeatsInFunc), and whose body has no goto: a
// call of it calls that argument a fixed number of times. A variadic parameter
// gets a slice, which the callee may range over: not such a parameter.
func (o *Once) callsParamOnce(call *ast.CallExpr, index int) bool {
	info := o.pass.TypesInfo
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s, ok := info.Selections[sel]; ok && s.Kind() == types.MethodExpr {
			return false // T.m(recv, f): the arguments are shifted by the receiver
		}
	}
	fn := typeutil.StaticCallee(info, call)
	if fn == nil || fn.Pkg() != o.pass.Pkg {
		return false
	}
	fn = fn.Origin()
	sig := fn.Signature()
	if index >= sig.Params().Len() || sig.Variadic() && index >= sig.Params().Len()-1 {
		return false
	}
	decl, ok := o.declOf(fn)
	if !ok {
		return false
	}
	body := decl.Node().(*ast.FuncDecl).Body
	if body == nil || flow.HasGoto(body) {
		return false
	}
	param := sig.Params().At(index)
	for cur := range decl.Preorder((*ast.Ident)(nil)) {
		if info.Uses[cur.Node().(*ast.Ident)] != param {
			continue
		}
		if kind, _ := cur.ParentEdge(); kind != edge.CallExpr_Fun || repeatsInFunc(cur) {
			return false
		}
	}
	return true
}

// repeatsInFunc reports whether the code at cur, in a declared function, may
// run more than once per call of that function: it lies in a loop, a go
// statement or a function literal of it that is not called on the spot (a
// deferred func() { build() }() runs once).
func repeatsInFunc(cur inspector.Cursor) bool {
	for c := range cur.Enclosing() {
		switch c.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt, *ast.GoStmt:
			return true
		case *ast.FuncLit:
			if kind, _ := c.ParentEdge(); kind != edge.CallExpr_Fun {
				return true
			}
		case *ast.FuncDecl:
			return false
		}
	}
	return false
}

// declOf returns the declaration of fn in the package's syntax, if it has one.
func (o *Once) declOf(fn *types.Func) (inspector.Cursor, bool) {
	if o.decls == nil {
		o.decls = make(map[*types.Func]inspector.Cursor)
		for cur := range o.in.Root().Preorder((*ast.FuncDecl)(nil)) {
			if f, ok := o.pass.TypesInfo.Defs[cur.Node().(*ast.FuncDecl).Name].(*types.Func); ok {
				o.decls[f] = cur
			}
		}
	}
	cur, ok := o.decls[fn]
	return cur, ok
}
