package flow_test

import (
	"go/ast"
	"go/types"
	"testing"

	"github.com/deferlint/deferlint/internal/flow"
)

func TestComparedWithNil(t *testing.T) {
	_, file, info := typeCheck(t, `package p

var (
	p      *int
	nilVar *int
	n      int
)

var conds = []bool{
	p == nil,
	p != nil,
	nil == p,
	(nil) != (p),
	p == nilVar,
	n == 0,
	p == nil && n > 0,
}
`)
	want := []struct {
		other string
		equal bool
		ok    bool
	}{
		{"p", true, true},
		{"p", false, true},
		{"p", true, true},
		{"(p)", false, true},
		{"", false, false}, // a variable holding nil is not the predeclared nil
		{"", false, false},
		{"", false, false}, // a && of comparisons is not one
	}
	var lit *ast.CompositeLit
	ast.Inspect(file, func(n ast.Node) bool {
		if c, ok := n.(*ast.CompositeLit); ok {
			lit = c
		}
		return lit == nil
	})
	for i, e := range lit.Elts {
		x, equal, ok := flow.ComparedWithNil(info, e)
		other := ""
		if x != nil {
			other = types.ExprString(x)
		}
		if other != want[i].other || equal != want[i].equal || ok != want[i].ok {
			t.Errorf("ComparedWithNil(%s) = %q, %v, %v; want %q, %v, %v", types.ExprString(e), other, equal, ok, want[i].other, want[i].equal, want[i].ok)
		}
	}
}
