package loops_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/loops"
	"golang.org/x/tools/go/ast/inspector"
)

const repeatSrc = `package p

func f(xs []int, rows [][]int) {
	for _, x := range xs {
		mark(1)
		if x > 0 {
			mark(2)
			break
		}
	}
	for _, row := range rows {
		for range row {
			mark(3)
			break
		}
	}
	n := 0
again:
	mark(4)
	n++
	if n < 3 {
		goto again
	}
outer:
	for _, row := range rows {
		for _, x := range row {
			if x < 0 {
				continue outer
			}
			switch x {
			case 1:
				break
			}
			mark(5)
		}
		mark(6)
	}
	for _, x := range xs {
		if x > 0 {
			mark(7)
		} else {
			mark(8)
		}
	}
	for _, x := range xs {
		if x > 0 {
			return
		}
		mark(9)
	}
}

func mark(int) {}
`

// marks parses repeatSrc and returns the graph of f and the cursor of each mark(N)
// statement by N.
func marks(t *testing.T) (*flow.Graph, *types.Info, map[string]inspector.Cursor) {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", repeatSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Defs: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{file}, info); err != nil {
		t.Fatal(err)
	}
	fn := file.Decls[0].(*ast.FuncDecl)
	found := make(map[string]inspector.Cursor)
	for cur := range inspector.New([]*ast.File{file}).Root().Preorder((*ast.ExprStmt)(nil)) {
		if call, ok := cur.Node().(*ast.ExprStmt).X.(*ast.CallExpr); ok && len(call.Args) == 1 {
			found[call.Args[0].(*ast.BasicLit).Value] = cur
		}
	}
	return flow.New(info, fn.Body), info, found
}

func TestRepeating(t *testing.T) {
	g, _, at := marks(t)
	for _, tc := range []struct {
		mark    string
		repeats bool
		loopPos int // depth in Enclosing of the loop it repeats through; -1 for goto
	}{
		{"1", true, 0},
		{"2", false, 0}, // break after it
		{"3", true, 1},  // leaves the inner loop, repeats through the outer
		{"4", true, -1}, // goto loop
		{"5", true, 0},  // continue outer skips it, but the inner loop repeats it
		{"6", true, 0},
		{"9", true, 0},
	} {
		cur := at[tc.mark]
		enclosing := loops.Enclosing(cur)
		loop, repeats := loops.Repeating(g, cur.Node(), enclosing)
		if repeats != tc.repeats {
			t.Errorf("mark(%s): repeats = %v, want %v", tc.mark, repeats, tc.repeats)
			continue
		}
		if !repeats {
			continue
		}
		var want ast.Stmt
		if tc.loopPos >= 0 {
			want = enclosing[tc.loopPos]
		}
		if loop != want {
			t.Errorf("mark(%s): loop = %v, want enclosing[%d]", tc.mark, loop, tc.loopPos)
		}
	}
}

func TestLastInIteration(t *testing.T) {
	_, _, at := marks(t)
	for mark, want := range map[string]bool{
		"1": false, "2": false, "5": true, "6": true, "7": true, "8": true, "9": true, "4": false,
	} {
		cur := at[mark]
		var loop ast.Stmt
		if enclosing := loops.Enclosing(cur); len(enclosing) > 0 {
			loop = enclosing[0]
		}
		if got := loops.LastInIteration(cur, loop); got != want {
			t.Errorf("LastInIteration(mark(%s)) = %v, want %v", mark, got, want)
		}
	}
}

func TestMovableBody(t *testing.T) {
	_, info, at := marks(t)
	for mark, want := range map[string]bool{
		"1": false, // break of the loop
		"6": true,  // continue outer becomes return; the switch's break stays
		"9": false, // return
	} {
		cur := at[mark]
		enclosing := loops.Enclosing(cur)
		loop := enclosing[len(enclosing)-1]
		var label *ast.Ident
		if l, ok := cur.Parent().Parent().Parent().Node().(*ast.LabeledStmt); ok && mark == "6" {
			label = l.Label
		}
		continues, ok := loops.MovableBody(info, loop, label)
		if ok != want {
			t.Errorf("MovableBody(loop of mark(%s)) = %v, want %v", mark, ok, want)
		}
		if mark == "6" && len(continues) != 1 {
			t.Errorf("MovableBody(loop of mark(6)) continues = %d, want 1", len(continues))
		}
	}
}
