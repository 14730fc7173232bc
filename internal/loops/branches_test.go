package loops_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/deferlint/deferlint/internal/loops"
)

// branchesSrc has one loop, labelled outer, whose branch statements each carry the
// destination BodyBranches must give them.
const branchesSrc = `package p

func f(xs []int, ch chan int) {
top:
	for {
	outer:
		for _, x := range xs {
			if x == 0 {
				continue // continues
			}
			if x == 1 {
				continue outer // continues
			}
			if x == 2 {
				break // leaves
			}
			if x == 3 {
				break outer // leaves
			}
			if x == 4 {
				continue top // leaves
			}
			if x == 5 {
				goto done // leaves
			}
			if x == 6 {
				goto near // stays
			}
		near:
			switch x {
			case 7:
				break // stays
			case 8:
				fallthrough // stays
			case 9:
				continue // continues
			}
			select {
			case <-ch:
				break // stays
			}
		inner:
			for range xs {
				if x == 10 {
					break // stays
				}
				if x == 11 {
					continue inner // stays
				}
				continue // stays
			}
			func() {
				for {
					break // a function literal's own: not yielded
				}
			}()
		}
	}
done:
}
`

func TestBodyBranches(t *testing.T) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", branchesSrc, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	want := make(map[int]loops.Destination) // by line
	names := map[string]loops.Destination{"stays": loops.StaysInBody, "continues": loops.ContinuesLoop, "leaves": loops.LeavesLoop}
	for _, group := range file.Comments {
		if d, ok := names[strings.TrimSpace(strings.TrimPrefix(group.Text(), "//"))]; ok {
			want[fset.Position(group.Pos()).Line] = d
		}
	}
	var outer *ast.LabeledStmt
	ast.Inspect(file, func(n ast.Node) bool {
		if l, ok := n.(*ast.LabeledStmt); ok && l.Label.Name == "outer" {
			outer = l
		}
		return outer == nil
	})
	seen := 0
	for b, dest := range loops.BodyBranches(outer.Stmt, outer.Label) {
		line := fset.Position(b.Pos()).Line
		if w, ok := want[line]; !ok || dest != w {
			t.Errorf("line %d: %s gives %d, want %d (listed %v)", line, b.Tok, dest, w, ok)
		}
		seen++
	}
	if seen != len(want) {
		t.Errorf("BodyBranches yielded %d statements, want %d", seen, len(want))
	}
	for range loops.BodyBranches(outer.Stmt, outer.Label) {
		break // stopping early must not panic
	}
	for range loops.BodyBranches(outer, outer.Label) {
		t.Error("BodyBranches of a labelled statement, not a loop, yields")
	}
}
