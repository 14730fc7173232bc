package resources

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/knowledge"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"
)

// sendsHead reports whether call, of Client.Do or Transport.RoundTrip, sends a
// HEAD request: its argument is http.NewRequest or NewRequestWithContext with
// the method "HEAD" (or http.MethodHead), held in a local variable that only
// such calls assign and whose Method field nothing sets, or whose value that
// reaches the call is such a request (see headReaches: a variable given a HEAD
// request, then a GET one). The
// response to a HEAD request has no body (net/http gives it http.NoBody) and
// the transport hands its connection back to the pool before returning it, as
// for http.Head: nothing is left to release.
func (t *Tracker) sendsHead(fn *types.Func, call *ast.CallExpr) bool {
	return sendsHeadIn(t.Pass.TypesInfo, t.enclosingBody(call.Pos()), fn, call)
}

// sendsHeadIn is sendsHead for a call of fn in the function body body.
func sendsHeadIn(info *types.Info, body *ast.BlockStmt, fn *types.Func, call *ast.CallExpr) bool {
	if !knowledge.IsMethod(fn, "net/http", "Client", "Do") && !knowledge.IsMethod(fn, "net/http", "Transport", "RoundTrip") || len(call.Args) != 1 {
		return false
	}
	arg, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[arg].(*types.Var)
	return ok && body != nil && v.Pos() >= body.Pos() && v.Pos() < body.End() &&
		requestReaches(info, body, call, v, func(c *ast.CallExpr) bool { return isHeadRequest(info, c) })
}

// requestReaches reports whether the request v that reaches call is made by a
// call that is (see onlyRequests), or is so on every path: going back from call
// through the statements before it in each block around it, the first statement
// that changes v (see changesRequest) assigns it such a request, and no
// statement around call (a loop that assigns v after the call, an if whose
// other branch does) changes v. A variable whose
// address is taken, or that a function literal changes, may change anywhere,
// and is not followed, nor is a function with a goto. A request built for HEAD and later replaced by a GET
// one (go-pmtiles' sync) is told apart by its position, not by its variable.
func requestReaches(info *types.Info, body *ast.BlockStmt, call *ast.CallExpr, v *types.Var, is func(*ast.CallExpr) bool) bool {
	if onlyRequests(info, body, v, is) {
		return true
	}
	if changedInLiteral(info, body, v) || flow.HasGoto(body) {
		return false // it may change anywhere; a goto may reach call past the statements before it
	}
	path := pathTo(body, call)
	for i := len(path) - 2; i >= 0; i-- {
		if _, lit := path[i].(*ast.FuncLit); lit {
			return false
		}
		list, isList := flow.StmtList(path[i])
		if !isList {
			if changesRequest(info, path[i], v) {
				return false
			}
			continue
		}
		at := slices.IndexFunc(list, func(s ast.Stmt) bool { return s == path[i+1] })
		for j := at - 1; j >= 0; j-- {
			if assignsRequest(info, list[j], v, is) {
				return true
			}
			if changesRequest(info, list[j], v) {
				return false
			}
		}
	}
	return false
}

// pathTo returns the nodes from root down to n, both included, or nil.
func pathTo(root, n ast.Node) []ast.Node {
	var stack, found []ast.Node
	ast.Inspect(root, func(m ast.Node) bool {
		if found != nil {
			return false
		}
		if m == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, m)
		if m == n {
			found = slices.Clone(stack)
		}
		return true
	})
	return found
}

// assignsRequest reports whether s is an assignment that gives v a request made
// by a call that is (req, err := http.NewRequest("HEAD", url, nil)) and changes
// it in no other way.
func assignsRequest(info *types.Info, s ast.Stmt, v *types.Var, is func(*ast.CallExpr) bool) bool {
	as, ok := s.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 {
		return false
	}
	id, ok := ast.Unparen(as.Lhs[0]).(*ast.Ident)
	call, isCall := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok || info.ObjectOf(id) != v || !isCall || !is(call) {
		return false
	}
	for _, l := range as.Lhs[1:] {
		if changesRequest(info, l, v) {
			return false
		}
	}
	return !changesRequest(info, call, v)
}

// changesRequest reports whether n may change the request v holds or the
// method it has: it assigns v (also in a var declaration or a range clause) or
// *v, sets v.Method, or takes v's address.
func changesRequest(info *types.Info, n ast.Node, v *types.Var) bool {
	isV := func(e ast.Expr) bool {
		id, isID := ast.Unparen(e).(*ast.Ident)
		return isID && info.ObjectOf(id) == v
	}
	changes := func(l ast.Expr) bool {
		switch l := ast.Unparen(l).(type) {
		case *ast.SelectorExpr:
			return isV(l.X) && l.Sel.Name == "Method"
		case *ast.StarExpr:
			return isV(l.X)
		}
		return isV(l)
	}
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			found = found || slices.ContainsFunc(n.Lhs, changes)
		case *ast.RangeStmt:
			found = found || n.Key != nil && changes(n.Key) || n.Value != nil && changes(n.Value)
		case *ast.UnaryExpr:
			found = found || n.Op == token.AND && isV(n.X)
		case *ast.ValueSpec:
			for _, name := range n.Names {
				found = found || info.Defs[name] == v
			}
		}
		return !found
	})
	return found
}

// changedInLiteral reports whether a function literal in body changes v (see
// changesRequest): a call of it may change v between any two statements.
func changedInLiteral(info *types.Info, body *ast.BlockStmt, v *types.Var) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok && changesRequest(info, lit.Body, v) {
			found = true
		}
		if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.AND && changesRequest(info, u, v) {
			found = true // p := &req: *p = ... may change it anywhere
		}
		return !found
	})
	return found
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

// onlyRequests reports whether every assignment to v in body gives it a
// request made by a call that is, there is one, nothing sets its Method field,
// and its address is not taken.
func onlyRequests(info *types.Info, body *ast.BlockStmt, v *types.Var, is func(*ast.CallExpr) bool) bool {
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
				if rhs == nil || !isCall || !is(call) {
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

// CancelledAtReturn reports whether call, of Client.Do or Transport.RoundTrip
// in body, sends a request whose context is cancelled when body's function
// returns: the request that reaches the call (see requestReaches) is made by
// http.NewRequestWithContext(ctx, ...) with a local ctx that only ctx, cancel
// := context.WithCancel (WithTimeout, WithDeadline, their Cause forms) assigns,
// a cancel assigned nowhere else, and a defer cancel() among body's own
// statements, after that assignment and before call (so every path to call has
// run it). Cancelling a request's context after the response came makes the
// transport close its connection (the readLoop's ctx.Done case, and HTTP/2's
// stream reset): the connection is freed at the return, whether or not the body
// was closed. It says nothing of responses the function drops before it
// returns (a loop that gets again), which hold their connections until then.
func (t *Tracker) CancelledAtReturn(call *ast.CallExpr, body *ast.BlockStmt) bool {
	info := t.Pass.TypesInfo
	fn := typeutil.Callee(info, call)
	if !knowledge.IsMethod(fn, "net/http", "Client", "Do") && !knowledge.IsMethod(fn, "net/http", "Transport", "RoundTrip") || len(call.Args) != 1 || flow.HasGoto(body) {
		return false
	}
	req, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	v, isVar := info.Uses[req].(*types.Var)
	if !ok || !isVar || v.Pos() < body.Pos() || v.Pos() >= body.End() {
		return false
	}
	return requestReaches(info, body, call, v, func(c *ast.CallExpr) bool {
		return knowledge.IsFunc(typeutil.Callee(info, c), "net/http", "NewRequestWithContext") &&
			len(c.Args) > 0 && cancelDeferred(info, body, c.Args[0], call.Pos())
	})
}

// cancelDeferred reports whether ctx is a local variable of body assigned once,
// by ctx, cancel := context.WithCancel(...) (or another of contextFuncs) among
// body's statements, with cancel assigned nowhere else and defer cancel()
// among body's statements after that assignment and before the position before.
func cancelDeferred(info *types.Info, body *ast.BlockStmt, ctx ast.Expr, before token.Pos) bool {
	id, ok := ast.Unparen(ctx).(*ast.Ident)
	c, isVar := info.Uses[id].(*types.Var)
	if !ok || !isVar {
		return false
	}
	var cancel *types.Var
	for i, s := range body.List {
		as, ok := s.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 2 || len(as.Rhs) != 1 || info.Defs[identOf(as.Lhs[0])] != c {
			continue
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok || !knowledge.IsFunc(typeutil.Callee(info, call), "context", contextFuncs...) {
			return false
		}
		cancel, _ = info.Defs[identOf(as.Lhs[1])].(*types.Var)
		if cancel == nil || assignedAgain(info, body, c, as) || assignedAgain(info, body, cancel, as) {
			return false
		}
		for _, d := range body.List[i+1:] {
			if d.Pos() >= before {
				break
			}
			if ds, ok := d.(*ast.DeferStmt); ok && len(ds.Call.Args) == 0 && info.Uses[identOf(ds.Call.Fun)] == cancel {
				return true
			}
		}
		return false
	}
	return false
}

// identOf returns e as an identifier, or nil.
func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// assignedAgain reports whether v is assigned, or its address taken, in body
// anywhere but in the assignment def.
func assignedAgain(info *types.Info, body *ast.BlockStmt, v *types.Var, def *ast.AssignStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n != def && slices.ContainsFunc(n.Lhs, func(l ast.Expr) bool { return info.ObjectOf(identOf(l)) == v }) {
				found = true
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && info.ObjectOf(identOf(n.X)) == v {
				found = true
			}
		case *ast.ValueSpec:
			for _, name := range n.Names {
				found = found || info.Defs[name] == v
			}
		}
		return !found
	})
	return found
}
