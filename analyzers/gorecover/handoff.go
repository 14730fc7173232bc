package gorecover

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
)

// This file decides whether a function literal inside a goroutine's function
// runs in that goroutine. A literal handed to something else is often kept
// for later or for another goroutine (posted to an event loop's queue, stored
// as a callback, appended to a list): the user's code it calls panics there,
// not here, and is not this goroutine's to recover.

// runsHere reports whether the function literal lit runs in the goroutine of
// the code around it: it is called, deferred, bound to a variable that is only
// called or deferred, or passed to a function known to call it before
// returning (see callsArgHere). Started by a go statement, returned, stored,
// or handed to a function that may keep it, it is not taken to run here.
func (c *checker) runsHere(lit *ast.FuncLit) bool {
	cur, ok := c.in.Root().FindNode(lit)
	if !ok {
		return false
	}
	for cur.ParentEdgeKind() == edge.ParenExpr_X {
		cur = cur.Parent()
	}
	switch kind, index := cur.ParentEdge(); kind {
	case edge.CallExpr_Fun:
		return cur.Parent().ParentEdgeKind() != edge.GoStmt_Call
	case edge.CallExpr_Args:
		return c.callsArgHere(cur.Parent().Node().(*ast.CallExpr), index)
	case edge.AssignStmt_Rhs, edge.ValueSpec_Values:
		v := c.boundVar(lit)
		return v != nil && (c.uses[v] == nil || c.uses[v].escaped == 0 && c.uses[v].started == 0)
	}
	return false
}

// syncCallers are the standard library packages whose functions call their
// function arguments before returning (sort.Slice, slices.SortFunc,
// strings.Map).
var syncCallers = map[string]bool{"bytes": true, "maps": true, "slices": true, "sort": true, "strings": true}

// callsArgHere reports whether call calls its argument i before returning, in
// the caller's goroutine: a function of this package that calls the
// corresponding parameter itself (not in a go statement, nor in a literal of
// its own), (*sync.Once).Do, or a function of the standard library's sort,
// slices, maps, strings and bytes packages. A function of another package,
// whose body is not seen, may keep it (an event loop's postCallback, a
// time.AfterFunc): not known to run here.
func (c *checker) callsArgHere(call *ast.CallExpr, i int) bool {
	switch fn := c.x.FuncOf(call.Fun).(type) {
	case *types.Func:
		if body, _ := c.x.Local(fn); body != nil {
			return callsParam(c.pass.TypesInfo, body, paramAt(fn.Signature(), i))
		}
		if fn.Pkg() == nil || !c.x.IsStd(fn.Pkg()) {
			return false
		}
		return syncCallers[fn.Pkg().Path()] || fn.Pkg().Path() == "sync" && fn.Name() == "Do"
	case *types.Var:
		if lit := c.x.VarLit(fn); lit != nil {
			sig, _ := c.pass.TypesInfo.TypeOf(lit).(*types.Signature)
			return callsParam(c.pass.TypesInfo, lit.Body, paramAt(sig, i))
		}
	}
	return false
}

// paramAt returns the parameter of sig that receives argument i, or nil.
func paramAt(sig *types.Signature, i int) *types.Var {
	if sig == nil {
		return nil
	}
	n := sig.Params().Len()
	if sig.Variadic() && i >= n-1 {
		i = n - 1
	}
	if i < 0 || i >= n {
		return nil
	}
	return sig.Params().At(i)
}

// callsParam reports whether the code at root calls param itself, or defers
// it: not from a go statement (whose arguments are evaluated here) nor from a
// function literal, which may run elsewhere.
func callsParam(info *types.Info, root ast.Node, param *types.Var) bool {
	if param == nil || root == nil {
		return false
	}
	found := false
	ast.Inspect(root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.GoStmt:
			for _, arg := range n.Call.Args {
				found = found || callsParam(info, arg, param)
			}
			return false
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && info.Uses[id] == param {
				found = true
			}
		}
		return !found
	})
	return found
}
