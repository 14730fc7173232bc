package process_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/deferlint/deferlint/internal/process"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

const src = `package main

func main() {
	mark(1) // main runs once
	if len(args()) > 1 {
		mark(2) // in any block
	}
	for range 3 {
		mark(3) // a loop repeats it
	}
	once()
	go func() {
		mark(4) // a goroutine runs beside the program
	}()
	twice()
	twice()
	inLoop()
	handler := used
	handler()
}

func once() {
	mark(5) // one call site, from code that runs once
}

func twice() {
	mark(6) // two call sites
}

func inLoop() {
	mark(7) // called once, outside a loop, but it loops itself below
	for range 2 {
		helper()
	}
}

func helper() {
	mark(8) // called in a loop
}

func used() {
	mark(9) // used as a value
}

func init() {
	mark(10) // init runs once
}

func args() []string { return nil }

func mark(int) {}
`

func TestRuns(t *testing.T) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "main.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Uses:       map[*ast.Ident]types.Object{},
		Defs:       map[*ast.Ident]types.Object{},
		Types:      map[ast.Expr]types.TypeAndValue{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("main", fset, []*ast.File{file}, info)
	if err != nil {
		t.Fatal(err)
	}
	pass := &analysis.Pass{Fset: fset, Files: []*ast.File{file}, Pkg: pkg, TypesInfo: info}
	in := inspector.New([]*ast.File{file})
	once := process.NewOnce(pass, in)
	want := map[string]bool{"1": true, "2": true, "3": false, "4": false, "5": true, "6": false, "7": true, "8": false, "9": false, "10": true}
	seen := 0
	for cur := range in.Root().Preorder((*ast.ExprStmt)(nil)) {
		call, ok := cur.Node().(*ast.ExprStmt).X.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			continue
		}
		lit, ok := call.Args[0].(*ast.BasicLit)
		if !ok {
			continue
		}
		seen++
		if got := once.Runs(cur); got != want[lit.Value] {
			t.Errorf("mark(%s): Runs = %v, want %v", lit.Value, got, want[lit.Value])
		}
	}
	if seen != len(want) {
		t.Errorf("saw %d marks, want %d", seen, len(want))
	}
}
