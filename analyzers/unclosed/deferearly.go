package unclosed

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/deferlint/deferlint/internal/edit"
	"github.com/deferlint/deferlint/internal/report"
	"github.com/deferlint/deferlint/internal/resources"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// checkEarlyDefers reports a Close deferred on the line right after the call that
// returned the value with an error, where the error is not looked at first: x, err
// := open(); defer x.Close(). When the call fails, x is nil, and the deferred call
// runs on it. It covers what the tracked resources do not: any function whose
// results are a pointer or interface with a Close method and an error (the
// catalogue's and the Fresh facts' acquisitions are checked with their paths, in
// checkDeferBeforeCheck), and a discarded error (res, _ := c.Get(u); defer
// res.Body.Close()), reported only where the nil value certainly panics: a
// response's Body field, or a method of a nil interface.
func checkEarlyDefers(pass *analysis.Pass, t *resources.Tracker, in *inspector.Inspector) {
	for cur := range in.Root().Preorder((*ast.DeferStmt)(nil)) {
		d := cur.Node().(*ast.DeferStmt)
		x, viaBody := closedVar(pass.TypesInfo, d.Call)
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
		if !ok || !assignsVar(pass.TypesInfo, as, x) {
			continue
		}
		errID, ok := as.Lhs[len(as.Lhs)-1].(*ast.Ident)
		if !ok || !isErrorResult(pass.TypesInfo, call) {
			continue
		}
		name := callName(pass, call)
		rendered := edit.Render(pass.Fset, d.Call, "the release")
		switch {
		case errID.Name == "_":
			if !viaBody && !types.IsInterface(x.Type()) {
				continue // a nil *os.File's Close returns an error and does no harm
			}
			report.Node(pass, d, fmt.Sprintf("%s is deferred, but the error from %s is discarded: when %s fails, %s is nil and the deferred call panics: check the error, then defer the release",
				rendered, name, name, x.Name()))
		case t.Acquires(call) == nil && nilable(x.Type()):
			report.Node(pass, d, fmt.Sprintf("%s is deferred before the error from %s is checked, so when %s fails it runs on a nil %s: defer it after the error check",
				rendered, name, name, x.Name()))
		}
	}
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

// assignsVar reports whether the assignment as assigns v other than in its last
// position (the error's).
func assignsVar(info *types.Info, as *ast.AssignStmt, v *types.Var) bool {
	for _, l := range as.Lhs[:len(as.Lhs)-1] {
		if id, ok := ast.Unparen(l).(*ast.Ident); ok && info.ObjectOf(id) == v {
			return true
		}
	}
	return false
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
