package recovery

import (
	"go/ast"
	"go/types"
)

// crashNames are the names Go's loggers give to the functions and methods that
// log and then end the process (Fatal) or panic (Panic): the standard library's
// log, logrus, zap, klog, glog and most in-house loggers follow them. Calling one
// is the author choosing to crash at that point.
var crashNames = map[string]bool{
	"Fatal": true, "Fatalf": true, "Fatalln": true,
	"Panic": true, "Panicf": true, "Panicln": true,
}

// exitFuncs end the process at once, without running deferred calls.
var exitFuncs = map[string]bool{"os.Exit": true, "syscall.Exit": true}

// IsCrash reports whether call crashes on purpose: it ends the process (os.Exit),
// calls a logger's Fatal or Panic function or method (a project's own included),
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
	if crashNames[fn.Name()] {
		return true
	}
	if fn.Pkg() != nil && exitFuncs[fn.Pkg().Path()+"."+fn.Name()] {
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
