package edit

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"testing"

	"golang.org/x/tools/go/analysis"
)

const src = `package p

func f() {
	go func() {
			deep()
	}()
	go func() { one() }()
	go func() {}()
}
`

func TestBodyIndentation(t *testing.T) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pass := &analysis.Pass{Fset: fset, ReadFile: func(string) ([]byte, error) { return []byte(src), nil }}
	var got []string
	ast.Inspect(file, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok {
			got = append(got, BodyIndentation(pass, lit.Body))
		}
		return true
	})
	// The first statement's own indentation, even when unusual; else one tab more
	// than the line of the brace.
	want := []string{"\t\t\t", "\t\t", "\t\t"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("literal %d: indentation %q, want %q", i, got[i], want[i])
		}
	}

	pass.ReadFile = func(string) ([]byte, error) { return nil, os.ErrNotExist }
	if got := Indentation(pass, file.Decls[0].Pos()); got != "" {
		t.Errorf("unreadable source: indentation %q, want \"\"", got)
	}
}
