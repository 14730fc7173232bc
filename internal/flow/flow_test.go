package flow_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"github.com/deferlint/deferlint/internal/flow"
)

const src = `package p

import "os"

func f(a bool, xs []int) int {
	mark()
	if a {
		return 1
	}
	for range xs {
		release()
	}
	if !a {
		os.Exit(2)
	}
	release()
	return 3
}

func mark()    {}
func release() {}
`

// typeCheck parses and type-checks the file src of package p.
func typeCheck(t *testing.T, src string) (*token.FileSet, *ast.File, *types.Info) {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Uses:       map[*ast.Ident]types.Object{},
		Defs:       map[*ast.Ident]types.Object{},
		Types:      map[ast.Expr]types.TypeAndValue{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	conf := types.Config{Importer: importer.Default()}
	if _, err := conf.Check("p", fset, []*ast.File{file}, info); err != nil {
		t.Fatal(err)
	}
	return fset, file, info
}

func parse(t *testing.T) (*token.FileSet, *ast.FuncDecl, *types.Info) {
	t.Helper()
	fset, file, info := typeCheck(t, src)
	return fset, file.Decls[1].(*ast.FuncDecl), info
}

// stmtAt returns the position of the first statement in fn whose source starts with prefix.
func stmtAt(fset *token.FileSet, fn *ast.FuncDecl, prefix string) token.Pos {
	var pos token.Pos
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		if s, ok := n.(ast.Stmt); ok && !pos.IsValid() {
			if off := fset.Position(s.Pos()).Offset; strings.HasPrefix(src[off:], prefix) {
				pos = s.Pos()
			}
		}
		return !pos.IsValid()
	})
	return pos
}

func isCallTo(name string) func(ast.Node) bool {
	return func(n ast.Node) bool {
		call, ok := n.(*ast.ExprStmt)
		if !ok {
			return false
		}
		id, ok := call.X.(*ast.CallExpr).Fun.(*ast.Ident)
		return ok && id.Name == name
	}
}

func TestAfter(t *testing.T) {
	fset, fn, info := parse(t)
	g := flow.New(info, fn.Body)
	after := g.After(stmtAt(fset, fn, "release()\n\t}"))
	for prefix, want := range map[string]bool{
		"mark()":         false,
		"return 1":       false,
		"release()\n\t}": true, // the loop body runs again
		"return 3":       true,
	} {
		if got := after(stmtAt(fset, fn, prefix)); got != want {
			t.Errorf("after(%q) = %v, want %v", prefix, got, want)
		}
	}
}
