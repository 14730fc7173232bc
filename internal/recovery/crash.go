package recovery

import (
	"go/ast"
	"go/types"

	"github.com/deferlint/deferlint/internal/knowledge"
)

// IsCrash reports whether call crashes on purpose: it ends the process (os.Exit),
// calls a logger's Fatal or Panic function or method (a project's own included:
// knowledge.CrashNames are the names Go's loggers give them),
// or calls a function whose last statement does one of these (a fatalf helper
// that ends in os.Exit, in this package or, through facts, in another). A panic()
// is not a deliberate crash by this test: code that panics may mean to be
// recovered (a parser that unwinds with panic), so only the names above and
// os.Exit say that the crash is the point.
func (x *Index) IsCrash(call *ast.CallExpr) bool {
	fn, ok := x.FuncOf(call.Fun).(*types.Func)
	if !ok {
		return false
	}
	if knowledge.IsCrashName(fn.Name()) || knowledge.Exits(fn) {
		return true
	}
	f, _ := x.FactOf(fn)
	return f.Crashes
}

// endsInCrash reports whether the last statement of body is a deliberate crash:
// a function with such a body exists to end the process (func fatalf(...) {
// fmt.Fprintf(os.Stderr, ...); os.Exit(1) }).
func (x *Index) endsInCrash(body *ast.BlockStmt) bool {
	if len(body.List) == 0 {
		return false
	}
	stmt, ok := body.List[len(body.List)-1].(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := ast.Unparen(stmt.X).(*ast.CallExpr)
	return ok && x.IsCrash(call)
}

// findCrashes marks the functions of order whose body ends in a deliberate
// crash. A function may end by calling another of the package's: the marks only
// grow, so repeating until nothing changes terminates.
func (x *Index) findCrashes(order []*local) {
	for changed := true; changed; {
		changed = false
		for _, l := range order {
			if !l.fact.Crashes && x.endsInCrash(l.body) {
				l.fact.Crashes = true
				changed = true
			}
		}
	}
}
