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

// cursorSrc holds functions with one for statement and one defer in it; the
// function's name says whether the loop walks a collection by a cursor up to
// the defer.
const cursorSrc = `package p

type trie struct {
	segments []int
	done     map[int]bool
	next     int
	other    int
}

func (t *trie) bump() {}
func bump(t *trie)   {}
func release()       {}

func (t *trie) walkField() {
	for {
		if !t.done[t.next] { break }
		s := t.segments[t.next]
		_ = s
		defer release()
		t.next++
	}
}
func walkLocal(names []string, i int) {
	for {
		n := names[i]
		defer release()
		_ = n
		i--
	}
}
func walkPost(names []string) {
	for i := 0; ; i++ {
		if names[i] == "" { continue }
		defer release()
	}
}
func walkString(s string, i int) {
	for i < 100 {
		c := s[i]
		defer release()
		_ = c
		i++
	}
}
func walkArrayPointer(a *[4]int, i int) {
	for {
		var x = a[i]
		defer release()
		_ = x
		i++
	}
}
func (t *trie) walkOtherFields() {
	for {
		s := t.segments[t.next]
		t.other = s
		t.done[s] = true
		defer release()
		t.next++
	}
}

func notMapOnly(m map[int]string, i int) {
	for {
		n := m[i]
		defer release()
		_ = n
		i++
	}
}
func notOtherIndex(names []string, i int) {
	for {
		n := names[i+1]
		defer release()
		_ = n
		i++
	}
}
func notTwice(names []string, i int) {
	for {
		n := names[i]
		defer release()
		_ = n
		i++
		i--
	}
}
func notAssigned(names []string, i int) {
	for {
		n := names[i]
		defer release()
		_ = n
		i = len(n)
	}
}
func notConditionalStep(names []string, i int) {
	for {
		n := names[i]
		defer release()
		if n == "" { i++ }
	}
}
func notContinue(names []string, i int) {
	for {
		n := names[i]
		defer release()
		if n == "" { continue }
		i++
	}
}
func notAfterDefer(names []string, i int) {
	for {
		defer release()
		n := names[i]
		_ = n
		i++
	}
}
func notConditionalIndex(names []string, i int, ok bool) {
	for {
		if ok && names[i] == "" { break }
		defer release()
		i++
	}
}
func notInClosure(names []string, i int) {
	for {
		f := func() string { return names[i] }
		defer release()
		_ = f
		i++
	}
}
func notGrowing(names []string, i int) {
	for {
		n := names[i]
		defer release()
		names = append(names, n)
		i++
	}
}
func notAddressTaken(names []string, i int) {
	p := &i
	for {
		n := names[i]
		defer release()
		_ = n
		*p = 0
		i++
	}
}
func notClosureSets(names []string, i int) {
	reset := func() { i = 0 }
	for {
		n := names[i]
		defer release()
		_ = n
		reset()
		i++
	}
}
func (t *trie) notMethod() {
	for {
		s := t.segments[t.next]
		_ = s
		defer release()
		t.bump()
		t.next++
	}
}
func (t *trie) notPassed() {
	for {
		s := t.segments[t.next]
		_ = s
		defer release()
		bump(t)
		t.next++
	}
}
func (t *trie) notRootAssigned(u *trie) {
	for {
		s := t.segments[t.next]
		_ = s
		defer release()
		t.next++
		t = u
	}
}
func notDeclaredInBody(names []string) {
	for {
		i := 0
		n := names[i]
		defer release()
		_ = n
		i++
	}
}
var global int
func notGlobal(names []string) {
	for {
		n := names[global]
		defer release()
		_ = n
		global++
	}
}
func notGoto(names []string, i int) {
	for {
		n := names[i]
	again:
		defer release()
		if n == "" { goto again }
		i++
	}
}
`

func TestCursorWalk(t *testing.T) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", cursorSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types:      make(map[ast.Expr]types.TypeAndValue),
		Defs:       make(map[*ast.Ident]types.Object),
		Uses:       make(map[*ast.Ident]types.Object),
		Selections: make(map[*ast.SelectorExpr]*types.Selection),
	}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{file}, info); err != nil {
		t.Fatal(err)
	}
	for _, decl := range file.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok {
			continue
		}
		name := fn.Name.Name
		want := strings.HasPrefix(name, "walk")
		if !want && !strings.HasPrefix(name, "not") {
			continue
		}
		var loop *ast.ForStmt
		var at *ast.DeferStmt
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ForStmt:
				if loop == nil {
					loop = n
				}
			case *ast.DeferStmt:
				at = n
			}
			return true
		})
		if loop == nil || at == nil {
			t.Fatalf("%s: no loop or no defer", name)
		}
		if got := loops.CursorWalk(info, fn, loop, at); got != want {
			t.Errorf("%s: CursorWalk = %v, want %v", name, got, want)
		}
	}
}
