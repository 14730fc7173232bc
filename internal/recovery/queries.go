package recovery

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/deferlint/deferlint/internal/knowledge"
	"golang.org/x/tools/go/types/typeutil"
)

// Status is what is known about whether a function's panics are recovered.
type Status int

const (
	NotRecovered Status = iota // nothing recovers: a panic ends the process
	Recovered                  // a deferred call recovers (or tries to)
	Unknown                    // a deferred call's body is unknown and might recover
)

// Recovers reports whether calling obj directly by a deferred call stops a panic:
// obj calls recover() directly (or is a configured recoverer).
func (x *Index) Recovers(obj types.Object) Status {
	switch obj := obj.(type) {
	case *types.Builtin:
		if obj.Name() == "recover" {
			return Recovered // defer recover(): tries, and is reported as such
		}
		return NotRecovered
	case *types.Func:
		if x.cfg.Recoverers.Has(obj) {
			return Recovered
		}
		if isInterfaceMethod(obj) {
			if x.IsStd(obj.Pkg()) {
				return NotRecovered // io.Closer and friends do not recover
			}
			return Unknown
		}
		f, known := x.FactOf(obj)
		switch {
		case f.Recovers:
			return Recovered
		case known:
			return NotRecovered
		}
		return Unknown
	case *types.Var:
		if lit := x.varLits[obj]; lit != nil {
			return x.literalRecovers(lit)
		}
		if named, ok := types.Unalias(obj.Type()).(*types.Named); ok && x.IsStd(named.Obj().Pkg()) {
			return NotRecovered // context.CancelFunc and friends
		}
		return Unknown
	}
	return Unknown
}

// literalRecovers reports whether deferring lit tries to recover: it calls
// recover(), directly or not (a misplaced recover() is reported on its own), or
// calls a recovery helper.
func (x *Index) literalRecovers(lit *ast.FuncLit) Status {
	tries := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !tries {
			if IsRecover(x.info, call) {
				tries = true
			} else if obj := x.FuncOf(call.Fun); obj != nil {
				if _, isVar := obj.(*types.Var); !isVar && x.Recovers(obj) == Recovered {
					tries = true
				}
			}
		}
		return !tries
	})
	if tries {
		return Recovered
	}
	return NotRecovered
}

// Deferred reports whether the deferred call recovers.
func (x *Index) Deferred(call *ast.CallExpr) Status {
	if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
		return x.literalRecovers(lit)
	}
	if obj := x.FuncOf(call.Fun); obj != nil {
		return x.Recovers(obj)
	}
	return Unknown // defer f()(), defer fns[i]()
}

// Body reports whether a goroutine running body is recovered by its own defers:
// body defers a call that recovers (or tries to). Deferred calls and function
// literals nested in body run in other frames and do not count.
func (x *Index) Body(body *ast.BlockStmt) Status {
	status := NotRecovered
	for _, d := range x.shape(body).frameDefers {
		switch x.Deferred(d.Call) {
		case Recovered:
			return Recovered
		case Unknown:
			status = Unknown
		}
	}
	return status
}

// Delegates reports whether body hands work, in its own goroutine, to a function
// that recovers its own panics (go func() { defer close(ch); tx.check(ch) }()) or
// that runs a function argument recovered (safe.Run(ctx, work)). A goroutine that
// does so is taken as recovered, though what it does around the call is not: a
// known false negative, chosen over reporting goroutines whose work is guarded.
// Only direct calls count, so that the property does not spread up the call graph.
func (x *Index) Delegates(body *ast.BlockStmt) bool {
	for _, call := range x.shape(body).frameCalls {
		if len(x.RunsRecovered(call)) > 0 || x.selfRecovered(call) || x.recoveredLiteral(call) {
			return true
		}
	}
	return false
}

// recoveredLiteral reports whether call calls a function literal on the spot that
// defers a recovering call (func() { defer handlePanic(); process(batch) }()): the
// work it holds runs recovered, as when it is handed to a named function that
// recovers itself.
func (x *Index) recoveredLiteral(call *ast.CallExpr) bool {
	lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit)
	return ok && x.Body(lit.Body) == Recovered
}

// selfRecovered reports whether call calls a function that defers a recovering
// call itself.
func (x *Index) selfRecovered(call *ast.CallExpr) bool {
	fn, ok := x.FuncOf(call.Fun).(*types.Func)
	if !ok {
		return false
	}
	f, _ := x.FactOf(fn)
	return f.Recovered
}

// Started reports whether a goroutine running fun (the function of a go
// statement or a launcher's argument) is recovered, and names the function when
// it is not a literal.
func (x *Index) Started(fun ast.Expr) (Status, types.Object) {
	if lit, ok := ast.Unparen(fun).(*ast.FuncLit); ok {
		return x.started(lit.Body), nil
	}
	obj := x.FuncOf(fun)
	switch obj := obj.(type) {
	case *types.Func:
		if isInterfaceMethod(obj) {
			if x.cfg.Recoverers.Has(obj) {
				return Recovered, obj
			}
			return Unknown, obj
		}
		if x.cfg.Recoverers.Has(obj) {
			return Recovered, obj
		}
		f, known := x.FactOf(obj)
		switch {
		case f.Recovered || f.Delegates || f.Recovers || len(f.RunsRecovered) > 0:
			// go handlePanic() tries and is reported as a misplaced recover().
			return Recovered, obj
		case f.Unsure || !known:
			return Unknown, obj
		}
		return NotRecovered, obj
	case *types.Var:
		if lit := x.varLits[obj]; lit != nil {
			return x.started(lit.Body), obj
		}
	}
	return Unknown, obj
}

// started is Body, where delegating work to a recovered function counts too.
func (x *Index) started(body *ast.BlockStmt) Status {
	status := x.Body(body)
	if status == NotRecovered && x.Delegates(body) {
		return Recovered
	}
	return status
}

// RunsRecovered returns the indices of call's arguments that the callee runs
// under a recovering defer.
func (x *Index) RunsRecovered(call *ast.CallExpr) []int {
	fn, _ := x.FuncOf(call.Fun).(*types.Func)
	if fn == nil {
		return nil
	}
	if x.cfg.Recoverers.Has(fn) {
		return argIndices(call, fn, nil)
	}
	if knowledge.IsLauncher(fn) || x.cfg.Launchers.Has(fn) {
		return nil
	}
	f, _ := x.FactOf(fn)
	if len(f.RunsRecovered) == 0 {
		return nil
	}
	return argIndices(call, fn, f.RunsRecovered)
}

// StartsRecovered returns the indices of call's arguments that the callee runs
// recovered in a new goroutine of its own (safe.Go(f)), rather than in the
// caller's goroutine (safe.Run(f)). A configured recoverer is taken to do
// neither: whether it starts a goroutine is not known.
func (x *Index) StartsRecovered(call *ast.CallExpr) []int {
	fn, _ := x.FuncOf(call.Fun).(*types.Func)
	if fn == nil || x.cfg.Recoverers.Has(fn) || knowledge.IsLauncher(fn) || x.cfg.Launchers.Has(fn) {
		return nil
	}
	f, _ := x.FactOf(fn)
	if len(f.StartsRecovered) == 0 {
		return nil
	}
	return argIndices(call, fn, f.StartsRecovered)
}

// Propagates reports whether a function with this body recovers only to pass
// the panic on: a function it defers, anywhere in it, calls panic() (defer
// func() { if r := recover(); r != nil { cleanup(); panic(r) } }(), or a filter
// that keeps a sentinel and re-panics the rest), or is a helper known, through
// facts, to recover and re-panic. A panic() in a deferred function has no other
// use than passing a panic on.
func (x *Index) Propagates(body *ast.BlockStmt) bool {
	for _, d := range x.shape(body).allDefers {
		if lit, ok := ast.Unparen(d.Call.Fun).(*ast.FuncLit); ok {
			if callsPanic(x.info, lit.Body, true) {
				return true
			}
		} else if fn, ok := x.FuncOf(d.Call.Fun).(*types.Func); ok {
			if f, _ := x.FactOf(fn); f.Recovers && f.Propagates {
				return true
			}
		}
	}
	return false
}

// Launches returns the indices of call's arguments that the callee starts in a
// new goroutine without recovering: itself (direct), or by calling them from a
// goroutine of its own that nothing recovers (wrapped), and the callee.
func (x *Index) Launches(call *ast.CallExpr) (direct, wrapped []int, fn *types.Func) {
	fn, _ = typeutil.Callee(x.info, call).(*types.Func)
	if fn == nil {
		return nil, nil, nil
	}
	fn = fn.Origin()
	if knowledge.IsLauncher(fn) || x.cfg.Launchers.Has(fn) {
		return argIndices(call, fn, nil), nil, fn
	}
	if x.cfg.Recoverers.Has(fn) {
		return nil, nil, fn
	}
	f, _ := x.FactOf(fn)
	if len(f.Launches) > 0 {
		direct = argIndices(call, fn, f.Launches)
	}
	if len(f.LaunchesWrapped) > 0 {
		wrapped = argIndices(call, fn, f.LaunchesWrapped)
	}
	return direct, wrapped, fn
}

// argIndices maps parameter indices (nil: every function-typed parameter) to the
// indices of call's arguments, spreading a variadic parameter over its arguments.
func argIndices(call *ast.CallExpr, fn *types.Func, params []int) []int {
	sig := fn.Signature()
	n := sig.Params().Len()
	var args []int
	for i := range call.Args {
		p := i
		if sig.Variadic() && p >= n-1 {
			p = n - 1
		}
		if p < 0 || p >= n {
			continue
		}
		t := sig.Params().At(p).Type()
		if sig.Variadic() && p == n-1 {
			if s, ok := t.(*types.Slice); ok && !call.Ellipsis.IsValid() {
				t = s.Elem()
			}
		}
		if _, isFunc := underlying(t).(*types.Signature); !isFunc {
			continue
		}
		if params == nil || slices.Contains(params, p) {
			args = append(args, i)
		}
	}
	return args
}

// Narrow reports whether a function with this body recovers only narrowly:
// every function it defers that recovers (a literal, or a helper known through
// facts) calls recover() only under a condition that does not test the panic,
// or discards the recovered value (see narrowRecover). Such a recover guards one
// operation (a send on a channel the user may close) or is an opt-in (a handler
// the user may set), not a policy of recovering goroutines.
func (x *Index) Narrow(body *ast.BlockStmt) bool {
	narrow := false
	for _, d := range x.shape(body).allDefers {
		if lit, ok := ast.Unparen(d.Call.Fun).(*ast.FuncLit); ok {
			if CallsRecover(x.info, lit.Body) {
				if !narrowRecover(x.info, lit.Body) {
					return false
				}
				narrow = true
			}
		} else if fn, ok := x.FuncOf(d.Call.Fun).(*types.Func); ok {
			if f, _ := x.FactOf(fn); f.Recovers && !f.Narrow {
				return false
			} else if f.Recovers {
				narrow = true
			}
		}
	}
	return narrow
}
