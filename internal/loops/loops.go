// Package loops answers questions about loops: which loops enclose a node within its
// function, whether a file gives each iteration its own loop variables, and where
// each branch statement of a loop's body goes (BodyBranches).
package loops

import (
	"go/ast"
	"go/types"
	"go/version"

	"golang.org/x/tools/go/ast/inspector"
)

// PerIterationVars reports whether the loops in file declare fresh iteration
// variables on each iteration, as they do from Go 1.22 on. The file's version comes
// from the go directive of its module and any //go:build go1.N line; an empty version
// (a file outside any module) means the toolchain's own semantics, which are
// per-iteration.
func PerIterationVars(info *types.Info, file *ast.File) bool {
	v := info.FileVersions[file]
	return v == "" || version.Compare(version.Lang(v), "go1.22") >= 0
}

// Enclosing returns the for and range statements that enclose cur, innermost first,
// up to the nearest enclosing function (a function literal's loops are its own).
func Enclosing(cur inspector.Cursor) []ast.Stmt {
	var loops []ast.Stmt
	for c := range cur.Enclosing() {
		switch n := c.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return loops
		case *ast.ForStmt:
			if c != cur {
				loops = append(loops, n)
			}
		case *ast.RangeStmt:
			if c != cur {
				loops = append(loops, n)
			}
		}
	}
	return loops
}

// EnclosingFunc returns the function declaration or literal whose body holds cur.
func EnclosingFunc(cur inspector.Cursor) (inspector.Cursor, bool) {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if c != cur {
			return c, true
		}
	}
	return inspector.Cursor{}, false
}
