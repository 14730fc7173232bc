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

func TestChanges(t *testing.T) {
	_, file, info := typeCheck(t, `package p

type pair struct{ a, b int }

func read(n int) int { return n }

func f() {
	{ n := 1; _ = n }
	{ var n int; n = 2; _ = n }
	{ var n int; (n) = 3; _ = n }
	{ var n int; n++; _ = n }
	{ var n int; p := &n; _ = p }
	{ var n pair; p := &n.a; _ = p }
	{ var n int; _ = read(n) }
	{ var n int; m := n; _ = m }
}
`)
	want := []bool{true, true, true, true, true, true, false, false}
	fn := file.Decls[len(file.Decls)-1].(*ast.FuncDecl)
	for i, s := range fn.Body.List {
		block := s.(*ast.BlockStmt)
		var n *types.Var
		ast.Inspect(block, func(node ast.Node) bool {
			if id, ok := node.(*ast.Ident); ok && id.Name == "n" && n == nil {
				n, _ = info.Defs[id].(*types.Var)
			}
			return n == nil
		})
		// the block's first statement declares n; the rest is what is asked about
		rest := &ast.BlockStmt{List: block.List}
		if _, isDecl := block.List[0].(*ast.DeclStmt); isDecl {
			rest.List = block.List[1:]
		}
		if got := flow.Changes(info, rest, n); got != want[i] {
			t.Errorf("block %d: Changes = %v, want %v", i, got, want[i])
		}
	}
}

func TestRootVar(t *testing.T) {
	_, file, info := typeCheck(t, `package p

import "os"

type conn struct{ raw *os.File }

var pool []conn

func get() *conn { return nil }

func f(c *conn, cs []*conn) {
	_ = c
	_ = c.raw
	_ = (*c).raw
	_ = cs[0].raw
	_ = pool[1]
	_ = get().raw
	_ = os.Stdin
}
`)
	want := []string{"c", "c", "c", "cs", "pool", "", "Stdin"}
	fn := file.Decls[len(file.Decls)-1].(*ast.FuncDecl)
	for i, s := range fn.Body.List {
		e := s.(*ast.AssignStmt).Rhs[0]
		got := ""
		if v := flow.RootVar(info, e); v != nil {
			got = v.Name()
		}
		if got != want[i] {
			t.Errorf("statement %d: RootVar = %q, want %q", i, got, want[i])
		}
		gotID := ""
		if id := flow.RootIdent(info, e); id != nil {
			gotID = id.Name
		}
		if gotID != want[i] {
			t.Errorf("statement %d: RootIdent = %q, want %q", i, gotID, want[i])
		}
	}
}
