package flow_test

import (
	"go/ast"
	"testing"

	"github.com/deferlint/deferlint/internal/flow"
)

const cycleSrc = `package p

import "os"

func f(ch chan int, xs []int) {
	for {
		mark(1)
		select {
		case <-ch:
			break
		}
	}
}

func g(ch chan int) {
	for {
		mark(2)
		if len(ch) > 0 {
			os.Exit(1)
		}
	}
}

func h(xs []int) {
	for range xs {
		mark(3)
		panic(0)
	}
	mark(4)
}

func mark(int) {}
`

func TestRepeatsEnds(t *testing.T) {
	_, file, info := typeCheck(t, cycleSrc)
	for _, tc := range []struct {
		fn            int
		mark          string
		repeats, ends bool
	}{
		{1, "1", true, false}, // the break leaves the select only
		{2, "2", true, true},  // os.Exit ends the call
		{3, "3", false, true}, // panic ends the iteration
		{3, "4", false, true},
	} {
		fn := file.Decls[tc.fn].(*ast.FuncDecl)
		g := flow.New(info, fn.Body)
		var stmt ast.Node
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			if s, ok := n.(*ast.ExprStmt); ok {
				if call, ok := s.X.(*ast.CallExpr); ok && len(call.Args) == 1 {
					if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Value == tc.mark {
						stmt = s
					}
				}
			}
			return true
		})
		if got := g.Repeats(stmt, nil); got != tc.repeats {
			t.Errorf("Repeats(mark(%s)) = %v, want %v", tc.mark, got, tc.repeats)
		}
		if got := g.Ends(stmt); got != tc.ends {
			t.Errorf("Ends(mark(%s)) = %v, want %v", tc.mark, got, tc.ends)
		}
	}
}
