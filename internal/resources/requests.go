package resources

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/deferlint/deferlint/internal/knowledge"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"
)

// sendsHead reports whether call, of Client.Do or Transport.RoundTrip, sends a
// HEAD request: its argument is http.NewRequest or NewRequestWithContext with
// the method "HEAD" (or http.MethodHead), held in a local variable that only
// such calls assign and whose Method field nothing sets. The
// response to a HEAD request has no body (net/http gives it http.NoBody) and
// the transport hands its connection back to the pool before returning it, as
// for http.Head: nothing is left to release.
func (t *Tracker) sendsHead(fn *types.Func, call *ast.CallExpr) bool {
	if !knowledge.IsMethod(fn, "net/http", "Client", "Do") && !knowledge.IsMethod(fn, "net/http", "Transport", "RoundTrip") || len(call.Args) != 1 {
		return false
	}
	info := t.Pass.TypesInfo
	arg, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[arg].(*types.Var)
	body := t.enclosingBody(call.Pos())
	return ok && body != nil && v.Pos() >= body.Pos() && v.Pos() < body.End() && onlyHeadRequests(info, body, v)
}

// isHeadRequest reports whether call is http.NewRequest(method, ...) or
// http.NewRequestWithContext(ctx, method, ...) with the constant method HEAD.
func isHeadRequest(info *types.Info, call *ast.CallExpr) bool {
	fn := typeutil.Callee(info, call)
	method := -1
	switch {
	case knowledge.IsFunc(fn, "net/http", "NewRequest"):
		method = 0
	case knowledge.IsFunc(fn, "net/http", "NewRequestWithContext"):
		method = 1
	}
	if method < 0 || method >= len(call.Args) {
		return false
	}
	tv, ok := info.Types[call.Args[method]]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.String && constant.StringVal(tv.Value) == "HEAD"
}

// onlyHeadRequests reports whether every assignment to v in body gives it a
// HEAD request (see isHeadRequest), there is one, nothing sets its Method
// field, and its address is not taken.
func onlyHeadRequests(info *types.Info, body *ast.BlockStmt, v *types.Var) bool {
	ok, assigned := true, false
	isV := func(e ast.Expr) bool {
		id, isID := ast.Unparen(e).(*ast.Ident)
		return isID && info.ObjectOf(id) == v
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if sel, isSel := ast.Unparen(l).(*ast.SelectorExpr); isSel && isV(sel.X) && sel.Sel.Name == "Method" {
					ok = false // req.Method = "GET"
				}
				if !isV(l) {
					continue
				}
				var rhs ast.Expr
				switch {
				case len(n.Rhs) == len(n.Lhs):
					rhs = n.Rhs[i]
				case len(n.Rhs) == 1 && i == 0:
					rhs = n.Rhs[0]
				}
				call, isCall := ast.Unparen(rhs).(*ast.CallExpr)
				if rhs == nil || !isCall || !isHeadRequest(info, call) {
					ok = false
				}
				assigned = true
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && isV(n.X) {
				ok = false
			}
		case *ast.ValueSpec:
			for _, name := range n.Names {
				if info.Defs[name] == v && len(n.Values) > 0 {
					ok = false // var req, err = ...: not followed
				}
			}
		}
		return ok
	})
	return ok && assigned
}

// enclosingBody returns the body of the innermost function around pos in the
// package's files, or nil.
func (t *Tracker) enclosingBody(pos token.Pos) *ast.BlockStmt {
	for _, f := range t.Pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			path, _ := astutil.PathEnclosingInterval(f, pos, pos)
			for _, n := range path {
				switch n := n.(type) {
				case *ast.FuncLit:
					return n.Body
				case *ast.FuncDecl:
					return n.Body
				}
			}
		}
	}
	return nil
}
