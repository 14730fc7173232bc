package deferloop

import (
	"go/ast"
	"go/types"

	"github.com/deferlint/deferlint/internal/knowledge"
	"golang.org/x/tools/go/types/typeutil"
)

// This file recognises a deferred removal of a file whose name the iteration
// reopens, holding the reopened file until return.

// removesHeldFile reports whether the deferred call removes a path (os.Remove or
// os.RemoveAll of a variable p) that the loop body, outside function literals,
// opens again (f, err := os.Open(p), os.OpenFile(p, ...)) and whose opened file's
// Close the body defers as well (defer f.Close(), in a loop nested in the body
// too). The open file keeps its data until it is closed (POSIX removes a name at
// once and the file when its last descriptor closes; Windows refuses to remove an
// open file), and its Close waits for the function to return: removing the name at
// the end of the iteration would free nothing, and on Windows fail. The file held
// open is what the iteration keeps, and the deferred Close answers for it under
// its own rules; the removal adds no consequence of its own (gqlgen's multipart
// upload hands each part on as a reopened temporary file, closed and then removed
// when the request is done). A file the iteration closes itself leaves the removal
// as what keeps the disk space: reported.
func removesHeldFile(info *types.Info, body *ast.BlockStmt, stmt *ast.DeferStmt, call *ast.CallExpr) bool {
	if !knowledge.IsFunc(typeutil.Callee(info, call), "os", "Remove", "RemoveAll") || len(call.Args) != 1 {
		return false
	}
	path, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	if !ok {
		return false
	}
	p, ok := info.Uses[path].(*types.Var)
	if !ok {
		return false
	}
	opened := make(map[*types.Var]bool) // files the body opens by the name p
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			if len(n.Rhs) != 1 || len(n.Lhs) == 0 || !opens(info, n.Rhs[0], p) {
				break
			}
			if id, ok := ast.Unparen(n.Lhs[0]).(*ast.Ident); ok {
				if f, ok := info.ObjectOf(id).(*types.Var); ok {
					opened[f] = true
				}
			}
		}
		return true
	})
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			if n == stmt {
				return false
			}
			sel, ok := ast.Unparen(deferredCall(n.Call).Fun).(*ast.SelectorExpr)
			if ok && sel.Sel.Name == "Close" {
				if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
					f, _ := info.Uses[id].(*types.Var)
					found = found || f != nil && opened[f]
				}
			}
		}
		return !found
	})
	return found
}

// opens reports whether e calls os.Open or os.OpenFile with the path p.
func opens(info *types.Info, e ast.Expr, p *types.Var) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 || !knowledge.IsFunc(typeutil.Callee(info, call), "os", "Open", "OpenFile") {
		return false
	}
	id, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	return ok && info.Uses[id] == p
}
