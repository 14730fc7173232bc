package loops_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strconv"
	"testing"

	"github.com/deferlint/deferlint/internal/loops"
	"golang.org/x/tools/go/ast/inspector"
)

const countedSrc = `package p

func f(xs []int, ch chan int, n int, seq func(func(int) bool)) {
	for range xs {
		mark(1) // a table of cases
	}
	for range ch {
		mark(2)
	}
	for i := 0; i < n; i++ {
		mark(3)
	}
	for range 5 {
		mark(4) // a small constant count
	}
	for i := 0; i < 10; i++ {
		mark(5)
	}
	for i := 0; i < 1000; i++ {
		mark(6) // a stress loop
	}
	k := 8
	for i := 0; i < k; i++ {
		mark(7) // a local defined once with a small constant
	}
	m := 8
	m++
	for i := 0; i < m; i++ {
		mark(8) // assigned again: not a constant
	}
	for range seq {
		mark(9)
	}
	for {
		for range xs {
			mark(10) // the for around the table counts
		}
	}
}

func mark(int) {}
`

func TestCounted(t *testing.T) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", countedSrc, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Defs: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{file}, info); err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"1": false, "2": true, "3": true, "4": false, "5": false, "6": true, "7": false, "8": true, "9": true, "10": true}
	for cur := range inspector.New([]*ast.File{file}).Root().Preorder((*ast.ExprStmt)(nil)) {
		call, ok := cur.Node().(*ast.ExprStmt).X.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			continue
		}
		mark := call.Args[0].(*ast.BasicLit).Value
		if got := loops.Counted(info, cur) != nil; got != want[mark] {
			t.Errorf("mark(%s): counted loop found = %v, want %v", mark, got, want[mark])
		}
	}
}

const constantCountSrc = `package p

func f(xs []int, n int) {
	for range 5 {
		mark(5)
	}
	for depth := 0; depth <= 3; depth++ {
		mark(4) // inclusive: 0, 1, 2, 3
	}
	for i := 2; i < 10; i++ {
		mark(8)
	}
	k := 6
	for i := 0; i < k; i++ {
		mark(6)
	}
	for i := 0; i < 3; i++ {
		i-- // the body moves the counter: no count
		mark(-1)
	}
	for i := 0; i < n; i++ {
		mark(-1)
	}
	for range xs {
		mark(-1)
	}
}

func mark(int) {}
`

func TestConstantCount(t *testing.T) {
	checkCounts(t, constantCountSrc, loops.ConstantCount)
}

// checkCounts type-checks src and compares, for each mark(n) call, the count
// that count gives its innermost enclosing loop with n (-1: no count).
func checkCounts(t *testing.T, src string, count func(*types.Info, inspector.Cursor) (int64, bool)) {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Defs: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{file}, info); err != nil {
		t.Fatal(err)
	}
	for cur := range inspector.New([]*ast.File{file}).Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "mark" {
			continue
		}
		want := info.Types[call.Args[0]].Value.String()
		got := "-1"
		for c := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
			if n, ok := count(info, c); ok {
				got = strconv.FormatInt(n, 10)
			}
			break
		}
		if got != want {
			t.Errorf("%s: count %s, want %s", fset.Position(call.Pos()), got, want)
		}
	}
}
