package gorecover

import (
	"go/ast"
	"go/types"
)

// eachCall calls f for each call that a goroutine running body makes itself:
// in body, including the function literals it calls, defers or passes on (they
// may run here: once.Do, sort.Slice), but not the function of a nested go
// statement, which runs in a goroutine of its own (its arguments are evaluated
// here). It stops as soon as f returns false, and reports whether f never did.
func eachCall(body ast.Node, f func(*ast.CallExpr) bool) bool {
	ok := true
	ast.Inspect(body, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.GoStmt:
			for _, arg := range n.Call.Args {
				ok = ok && eachCall(arg, f)
			}
			return false
		case *ast.CallExpr:
			ok = f(n)
		}
		return ok
	})
	return ok
}

// syncPackages are the standard library packages whose functions only wait,
// signal and keep time: a goroutine that calls nothing else runs no code of its
// own that could panic.
var syncPackages = map[string]bool{
	"context": true, "os/signal": true, "runtime": true, "sync": true, "sync/atomic": true, "time": true,
}

// runsNoCode reports whether a goroutine running body has nothing to recover: it
// calls nothing but built-in functions (other than panic), conversions, the
// standard library's synchronisation and time functions, the Close, Stop, Done,
// Err and Context methods of standard library types and interfaces, and
// functions of this package that run no code either, looked into however deep
// (func (w *worker) stop() { close(w.quit) }). A deferred or called function
// literal is looked into the same way, so defer func() { done <- x }() is no code
// of its own. go func() { <-ctx.Done(); conn.Close() }() and go w.wait() where
// wait only waits and closes are such goroutines.
func (c *checker) runsNoCode(body *ast.BlockStmt) bool {
	return eachCall(body, c.callRunsNoCode)
}

func (c *checker) callRunsNoCode(call *ast.CallExpr) bool {
	if tv, found := c.pass.TypesInfo.Types[call.Fun]; found && tv.IsType() {
		return true // a conversion
	}
	if _, isLit := ast.Unparen(call.Fun).(*ast.FuncLit); isLit {
		return true // its body is looked into next
	}
	switch obj := c.x.FuncOf(call.Fun).(type) {
	case *types.Builtin:
		return obj.Name() != "panic"
	case *types.Func:
		if c.localRunsNoCode(obj) {
			return true
		}
		switch obj.Name() {
		case "Close", "Stop", "Done", "Err", "Context":
			return c.x.IsStd(obj.Pkg())
		}
		return obj.Pkg() != nil && syncPackages[obj.Pkg().Path()]
	case *types.Var:
		if c.localRunsNoCode(obj) {
			return true
		}
		named, isNamed := types.Unalias(obj.Type()).(*types.Named)
		return isNamed && named.Obj().Pkg() != nil && syncPackages[named.Obj().Pkg().Path()]
	}
	return false
}

// localRunsNoCode reports whether obj is a function of this package (or a
// variable bound to a literal) whose body runs no code. A function met again
// while its body is being looked into (recursion) counts as running code.
func (c *checker) localRunsNoCode(obj types.Object) bool {
	body, _ := c.x.Local(obj)
	if body == nil {
		return false
	}
	if quiet, seen := c.quiet[obj]; seen {
		return quiet
	}
	c.quiet[obj] = false
	quiet := c.runsNoCode(body)
	c.quiet[obj] = quiet
	return quiet
}

// crashes reports whether a goroutine running body crashes on purpose somewhere
// (os.Exit, a logger's Fatal or Panic, a function of this package or another
// whose last statement does one of these: see recovery.IsCrash): such a
// goroutine, typically a signal handler or a loop that gives up on an error, is
// where the author chose to end the process.
func (c *checker) crashes(body *ast.BlockStmt) bool {
	return !eachCall(body, func(call *ast.CallExpr) bool { return !c.x.IsCrash(call) })
}
