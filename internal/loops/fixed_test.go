package loops_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"github.com/deferlint/deferlint/internal/loops"
)

// fixedSrc holds one loop per function; the function's name says whether its
// count is fixed when it starts.
const fixedSrc = `package p

type queue struct{ items []int; n int }

func (q *queue) Len() int { return len(q.items) }

func fixedSlice(xs []int) { for range xs {} }
func fixedMap(m map[string]int) { for range m {} }
func fixedString(s string) { for range s {} }
func fixedArrayPointer(a *[4]int) { for range a {} }
func fixedInteger(n int) { for range n {} }
func fixedCounted(n int) { for i := 0; i < n; i++ {} }
func fixedLen(xs []int) { for i := 0; i <= len(xs)-1; i++ {} }
func fixedDown(xs []int) { for i := len(xs) - 1; i >= 0; i-- {} }
func fixedField(q *queue) { for i := 0; i < q.n; i++ {} }
func fixedConversion(n int32) { for i := 0; i < int(n); i++ {} }

func notChannel(ch chan int) { for range ch {} }
func notIterator(seq func(func(int) bool)) { for range seq {} }
func notEndless() { for {} }
func notCondition(p *queue) { for p != nil { p = nil } }
func notCall(q *queue) { for i := 0; i < q.Len(); i++ {} }
func notGrowing(xs []int) { for i := 0; i < len(xs); i++ { xs = append(xs, i) } }
func notFieldSet(q *queue) { for i := 0; i < q.n; i++ { q.n = 9 } }
func notCounterSet(n int) { for i := 0; i < n; i++ { i = 0 } }
func notLimitSet(n int) { for i := 0; i < n; i++ { n++ } }
func notWrongWay(n int) { for i := 0; i < n; i-- {} }
func notReceive(ch chan int) { for i := 0; i < <-ch; i++ {} }
`

func TestFixedCount(t *testing.T) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", fixedSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types: make(map[ast.Expr]types.TypeAndValue),
		Defs:  make(map[*ast.Ident]types.Object),
		Uses:  make(map[*ast.Ident]types.Object),
	}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{file}, info); err != nil {
		t.Fatal(err)
	}
	for _, decl := range file.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok || fn.Recv != nil {
			continue
		}
		loop := fn.Body.List[0]
		want := fn.Name.Name[:5] == "fixed"
		if got := loops.FixedCount(info, loop); got != want {
			t.Errorf("%s: FixedCount = %v, want %v", fn.Name.Name, got, want)
		}
	}
}

// sameCountSrc holds two for loops per function, the second after the first in
// one statement list; the function's name says whether they run the same count.
const sameCountSrc = `package p

type job struct{ n int }

func sameLimit(n int) { for i := 0; i < n; i++ {}; x := 1; _ = x; for j := 0; j < n; j++ {} }
func sameField(t job) { for i := 0; i < t.n; i++ {}; for j := 0; j < t.n; j++ {} }
func sameInclusive(n int) { for i := 1; i <= n; i++ {}; for j := 1; j <= n; j++ {} }

func notOtherLimit(n, m int) { for i := 0; i < n; i++ {}; for j := 0; j < m; j++ {} }
func notHalf(n int) { for i := 0; i < n; i++ {}; for j := 0; j < n/2; j++ {} }
func notChangedBetween(n int) { for i := 0; i < n; i++ {}; n--; for j := 0; j < n; j++ {} }
func notOtherStart(n int) { for i := 0; i < n; i++ {}; for j := 1; j < n; j++ {} }
func notInclusive(n int) { for i := 0; i < n; i++ {}; for j := 0; j <= n; j++ {} }
func notShadowed(n int) { for i := 0; i < n; i++ {}; { n := 3; for j := 0; j < n; j++ {} } }
func notCounterSet(n int) { for i := 0; i < n; i++ {}; for j := 0; j < n; j++ { j++ } }
`

func TestSameCount(t *testing.T) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", sameCountSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types: make(map[ast.Expr]types.TypeAndValue),
		Defs:  make(map[*ast.Ident]types.Object),
		Uses:  make(map[*ast.Ident]types.Object),
	}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{file}, info); err != nil {
		t.Fatal(err)
	}
	for _, decl := range file.Decls {
		fd, ok := decl.(*ast.FuncDecl)
		if !ok {
			continue
		}
		var loopsIn []*ast.ForStmt
		var between []ast.Stmt
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if l, ok := n.(*ast.ForStmt); ok {
				loopsIn = append(loopsIn, l)
				return false
			}
			return true
		})
		list := fd.Body.List
		for i, s := range list {
			if s == loopsIn[0] {
				for _, t := range list[i+1:] {
					if t == loopsIn[1] {
						break
					}
					between = append(between, t)
				}
			}
		}
		want := strings.HasPrefix(fd.Name.Name, "same")
		if got := loops.SameCount(info, loopsIn[0], loopsIn[1], between); got != want {
			t.Errorf("%s: SameCount = %v, want %v", fd.Name.Name, got, want)
		}
	}
}
