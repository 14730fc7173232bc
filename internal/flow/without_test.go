package flow_test

import (
	"go/ast"
	"go/token"
	"strings"
	"testing"

	"github.com/deferlint/deferlint/internal/flow"
)

const loopSrc = `package p

func f(xs []int, done chan int) {
	v := 0
	for range xs {
		v = 1
		start()
		if v > 0 {
			wait()
			continue
		}
		after()
	}
	for i := 0; i < 3; i++ {
		start()
		wait()
	}
	for range xs {
		start()
		break
	}
}

func start() {}
func wait()  {}
func after() {}
`

func TestReachWithout(t *testing.T) {
	fset, file, info := typeCheck(t, loopSrc)
	fn := file.Decls[0].(*ast.FuncDecl)
	var loops []ast.Stmt
	var starts []token.Pos
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			loops = append(loops, n.(ast.Stmt))
		case *ast.ExprStmt:
			if id, ok := n.X.(*ast.CallExpr).Fun.(*ast.Ident); ok && id.Name == "start" {
				starts = append(starts, n.Pos())
			}
		}
		return true
	})
	at := func(prefix string) token.Pos {
		off := strings.Index(loopSrc, prefix)
		return fset.File(file.Pos()).Pos(off)
	}
	g := flow.New(info, fn.Body)
	isWait := isCallTo("wait")

	// First loop: after start(), the path through after() comes round to v = 1;
	// the path through wait() stops there.
	r := g.ReachWithout(starts[0], isWait)
	if !r.Pos(at("after()")) || !r.Pos(at("v = 1")) || !r.Iterates(loops[0]) {
		t.Errorf("first loop: after() %v, v = 1 %v, iterates %v; want all true", r.Pos(at("after()")), r.Pos(at("v = 1")), r.Iterates(loops[0]))
	}
	if r.Pos(at("wait()\n\t\t\tcontinue")) {
		t.Error("first loop: the stopping node itself is reached")
	}
	// Without stops, everything after is reached.
	if r := g.ReachWithout(starts[1], nil); !r.Iterates(loops[1]) {
		t.Error("second loop without stops: does not iterate")
	}
	// Second loop: every path to the next iteration passes wait().
	if r := g.ReachWithout(starts[1], isWait); r.Iterates(loops[1]) || r.Pos(starts[1]) {
		t.Error("second loop: iterates past wait()")
	}
	// Third loop: break leaves the loop at once.
	if r := g.ReachWithout(starts[2], nil); r.Iterates(loops[2]) {
		t.Error("third loop: iterates after break")
	}
}
