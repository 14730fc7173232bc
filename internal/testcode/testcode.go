// Package testcode answers "does this code run only under a test?", a question
// several analyzers ask before reporting a cost that a test bounds: a test's function
// ends with the test, and what it leaks or holds once lives no longer than the test
// binary.
package testcode

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// Encloses reports whether the function at fn is test code: it lies in a _test.go
// file, or it or a function around it takes a *testing.T, *testing.B, *testing.F or
// testing.TB, or reaches one through a field (c.t.Fatal in a method of a test
// cluster).
func Encloses(pass *analysis.Pass, fn inspector.Cursor) bool {
	if tf := pass.Fset.File(fn.Node().Pos()); tf != nil && strings.HasSuffix(tf.Name(), "_test.go") {
		return true
	}
	for c := range fn.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		typ, body := signature(c.Node())
		if typ != nil && typ.Params != nil {
			for _, field := range typ.Params.List {
				if IsHandle(pass.TypesInfo.TypeOf(field.Type)) {
					return true
				}
			}
		}
		if body != nil && selectsHandleField(pass.TypesInfo, body) {
			return true
		}
	}
	return false
}

func signature(n ast.Node) (*ast.FuncType, *ast.BlockStmt) {
	switch n := n.(type) {
	case *ast.FuncDecl:
		return n.Type, n.Body
	case *ast.FuncLit:
		return n.Type, n.Body
	}
	return nil, nil
}

// selectsHandleField reports whether body selects a field of a testing handle's type
// (c.t, s.tb).
func selectsHandleField(info *types.Info, body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if s, ok := info.Selections[sel]; ok && s.Kind() == types.FieldVal && IsHandle(s.Type()) {
				found = true
			}
		}
		return !found
	})
	return found
}

// IsHandle reports whether t is one of the testing package's handles: T, B, F (by
// pointer or not) or the interface TB.
func IsHandle(t types.Type) bool {
	if t == nil {
		return false
	}
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != "testing" {
		return false
	}
	switch named.Obj().Name() {
	case "T", "B", "F", "TB":
		return true
	}
	return false
}
