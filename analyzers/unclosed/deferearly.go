package unclosed

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/deferlint/deferlint/internal/edit"
	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/loops"
	"github.com/deferlint/deferlint/internal/report"
	"github.com/deferlint/deferlint/internal/resources"
	"github.com/deferlint/deferlint/internal/testcode"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// checkEarlyDefers reports a Close deferred on the line right after the call that
// returned the value with an error, where the error is not looked at first: x, err
// := open(); defer x.Close(). When the call fails and x is nil, the deferred call
// runs on it. The catalogue's and the Fresh facts' acquisitions are checked with
// their paths, in checkDeferBeforeCheck; this covers the rest, where the code shows
// that the value can be nil on failure:
//   - a function of this package whose results are a pointer or an interface with
//     a Close method and an error, and which returns nil for that value somewhere
//     (some constructors return what they opened so far with the error, for the
//     caller to close: a deferred Close is right for them), when the error check
//     that follows the defer returns (a branch that panics or exits anyway gains
//     nothing from the order);
//   - a discarded error (res, _ := c.Get(u); defer res.Body.Close()) from a
//     catalogued acquirer, whose value is nil on failure, where the nil value
//     certainly panics: a response's Body field, or a method of a nil interface (a
//     nil *os.File's Close only returns an error).
//
// A deferred function literal whose only statement is the release, its result
// discarded, is the deferred release itself (see deferredRelease).
//
// In test code a failed call is a failed test, which a panic reports too.
func checkEarlyDefers(pass *analysis.Pass, t *resources.Tracker, in *inspector.Inspector) {
	var decls map[*types.Func]*ast.FuncDecl // built on first need: most packages have no candidate
	for cur := range in.Root().Preorder((*ast.DeferStmt)(nil)) {
		d := cur.Node().(*ast.DeferStmt)
		x, viaBody := closedVar(pass.TypesInfo, deferredRelease(d.Call))
		if x == nil {
			continue
		}
		list, index := stmtList(cur, d)
		if index == 0 {
			continue
		}
		as, ok := list[index-1].(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 || len(as.Lhs) < 2 {
			continue
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok || !isErrorResult(pass.TypesInfo, call) {
			continue
		}
		result := assignedIndex(pass.TypesInfo, as, x)
		errID, ok := as.Lhs[len(as.Lhs)-1].(*ast.Ident)
		if result < 0 || !ok {
			continue
		}
		if fnCur, ok := loops.EnclosingFunc(cur); !ok || testcode.Encloses(pass, fnCur) {
			continue
		}
		name := callName(pass, call)
		rendered := edit.Render(pass.Fset, d.Call, "the release")
		callee, _ := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
		switch {
		case errID.Name == "_":
			if callee == nil || t.Cat.Acquirer(callee) == nil || !viaBody && !types.IsInterface(x.Type()) {
				continue
			}
			report.Node(pass, d, fmt.Sprintf("%s is deferred, but the error from %s is discarded: when %s fails, %s is nil and the deferred call panics: check the error, then defer the release",
				rendered, name, name, x.Name()))
		case t.Acquires(call) == nil && nilable(x.Type()) && returnsNil(lookupDecl(pass, &decls, callee), result) &&
			index+1 < len(list) && checkReturns(pass.TypesInfo, list[index+1], errID):
			report.Node(pass, d, fmt.Sprintf("%s is deferred before the error from %s is checked, so when %s fails it runs on a nil %s: defer it after the error check",
				rendered, name, name, x.Name()))
		}
	}
}

// lookupDecl returns the declaration of fn in the package, building the map of
// them (see localDecls) on first use.
func lookupDecl(pass *analysis.Pass, decls *map[*types.Func]*ast.FuncDecl, fn *types.Func) *ast.FuncDecl {
	if fn == nil || fn.Pkg() != pass.Pkg {
		return nil
	}
	if *decls == nil {
		*decls = localDecls(pass)
	}
	return (*decls)[fn]
}

// localDecls maps the functions declared in the package to their declarations.
func localDecls(pass *analysis.Pass) map[*types.Func]*ast.FuncDecl {
	decls := make(map[*types.Func]*ast.FuncDecl)
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					decls[fn] = fd
				}
			}
		}
	}
	return decls
}

// returnsNil reports whether a return statement of decl (outside function
// literals) gives the literal nil as its result at index.
func returnsNil(decl *ast.FuncDecl, index int) bool {
	if decl == nil {
		return false
	}
	for _, ret := range flow.Returns(decl.Body) {
		if index < len(ret.Results) {
			if id, ok := ast.Unparen(ret.Results[index]).(*ast.Ident); ok && id.Name == "nil" {
				return true
			}
		}
	}
	return false
}

// checkReturns reports whether s is if err != nil { ...; return ... }.
func checkReturns(info *types.Info, s ast.Stmt, errID *ast.Ident) bool {
	ifs, ok := s.(*ast.IfStmt)
	if !ok || ifs.Init != nil || len(ifs.Body.List) == 0 {
		return false
	}
	v, ok := info.ObjectOf(errID).(*types.Var)
	if !ok || !isNonNil(info, ifs.Cond, v) {
		return false
	}
	_, ok = ifs.Body.List[len(ifs.Body.List)-1].(*ast.ReturnStmt)
	return ok
}

// deferredRelease returns the call a deferred call makes: the call itself, or,
// for a function literal called with no arguments whose only statement is a
// call whose result is discarded (x.Close(), _ = x.Close(), or return x.Close(),
// whose result the language discards with the deferred function's), that call:
// deferring the literal is deferring the call, on the same value at the same time.
func deferredRelease(call *ast.CallExpr) *ast.CallExpr {
	lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit)
	if !ok || len(call.Args) != 0 || len(lit.Body.List) != 1 {
		return call
	}
	var inner ast.Expr
	switch s := lit.Body.List[0].(type) {
	case *ast.ExprStmt:
		inner = s.X
	case *ast.AssignStmt:
		if len(s.Lhs) == 1 && len(s.Rhs) == 1 && isBlank(s.Lhs[0]) {
			inner = s.Rhs[0]
		}
	case *ast.ReturnStmt:
		if len(s.Results) == 1 {
			inner = s.Results[0]
		}
	}
	if c, ok := ast.Unparen(inner).(*ast.CallExpr); ok {
		return c
	}
	return call
}

// isBlank reports whether e is the blank identifier.
func isBlank(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && id.Name == "_"
}

// closedVar returns the local variable of a deferred x.Close() or x.Body.Close(),
// with whether the call goes through the Body field; nil for anything else.
func closedVar(info *types.Info, call *ast.CallExpr) (*types.Var, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Close" || len(call.Args) != 0 {
		return nil, false
	}
	recv, viaBody := ast.Unparen(sel.X), false
	if body, ok := recv.(*ast.SelectorExpr); ok && body.Sel.Name == "Body" {
		recv, viaBody = ast.Unparen(body.X), true
	}
	id, ok := recv.(*ast.Ident)
	if !ok {
		return nil, false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.IsField() {
		return nil, false
	}
	return v, viaBody
}

// assignedIndex returns the index, among the assignment's left-hand sides other
// than the last (the error's), at which it assigns v, or -1.
func assignedIndex(info *types.Info, as *ast.AssignStmt, v *types.Var) int {
	for i, l := range as.Lhs[:len(as.Lhs)-1] {
		if id, ok := ast.Unparen(l).(*ast.Ident); ok && info.ObjectOf(id) == v {
			return i
		}
	}
	return -1
}

// isErrorResult reports whether call's last result has type error.
func isErrorResult(info *types.Info, call *ast.CallExpr) bool {
	tuple, ok := info.TypeOf(call).(*types.Tuple)
	return ok && tuple.Len() >= 2 && types.Identical(tuple.At(tuple.Len()-1).Type().Underlying(), errorType)
}

// nilable reports whether a value of type t can be nil: a pointer or an interface.
func nilable(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Interface:
		return true
	}
	return false
}
