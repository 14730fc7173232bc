package deferargs

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/deferlint/deferlint/internal/flow"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// An assignment after the defer statement is not by itself a mistake: the deferred
// call often wants the value it was given (it closes, releases or restores it, and a
// later defer or an explicit call takes care of the new value). The rule below
// reports a variable only when the code shows that the later value is the one
// wanted, and stays quiet when it shows that the old one is.

// verdict is what the rule concludes about one variable of a deferred call.
type verdict int

const (
	quiet   verdict = iota // no evidence that the later value is wanted
	likely                 // reported without a fix: the value at the defer was a real one
	certain                // reported with a fix: the value at the defer was a placeholder
)

// lateRead is a variable that the deferred call reads too early.
type lateRead struct {
	id      *ast.Ident // the variable in the deferred call's arguments
	assign  token.Pos  // the first assignment that can run after the defer
	verdict verdict
}

// findLateRead returns the first variable in the deferred call's arguments whose
// later value the code shows to be wanted, or nil.
func findLateRead(pass *analysis.Pass, fn *funcInfo, stmt *ast.DeferStmt) *lateRead {
	judged := make(map[*types.Var]bool)
	for i, arg := range stmt.Call.Args {
		var found *lateRead
		ast.Inspect(arg, func(n ast.Node) bool {
			if found != nil {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncLit:
				return false // its body runs later
			case *ast.UnaryExpr:
				return n.Op != token.AND // &err: the call reads the variable when it runs
			case *ast.Ident:
				v, ok := pass.TypesInfo.Uses[n].(*types.Var)
				if !ok || v.IsField() || judged[v] || !fn.declares(v) {
					return false
				}
				judged[v] = true
				if verdict, assign := judge(pass, fn, stmt, i, v); verdict != quiet {
					found = &lateRead{id: n, assign: assign, verdict: verdict}
				}
			}
			return true
		})
		if found != nil {
			return found
		}
	}
	return nil
}

// judge decides whether the deferred call, which reads v in its argument number
// arg, wants the value v has when the function returns rather than the one it has
// at the defer. It returns the verdict and the first later assignment.
func judge(pass *analysis.Pass, fn *funcInfo, stmt *ast.DeferStmt, arg int, v *types.Var) (verdict, token.Pos) {
	writes := writesOf(pass.TypesInfo, fn, v)
	later := laterWrites(pass, fn, stmt, v, writes)
	if len(later) == 0 {
		return quiet, token.NoPos
	}
	if redeferred(pass, fn, v, later) || restored(pass, fn, stmt, v, later) {
		return quiet, token.NoPos
	}
	if placeholder(pass.TypesInfo, writes, stmt, later) {
		return certain, later[0].pos
	}
	// v held a real value at the defer.
	if isObject(v.Type()) || transformsOnly(later) {
		return quiet, token.NoPos
	}
	if reportsOutcome(pass, fn, stmt, arg, v, later) {
		return likely, later[0].pos
	}
	return quiet, token.NoPos
}

// reportsOutcome reports whether the deferred call, given a real value of v at the
// defer, is a report of the outcome that v holds at return: v is the function's
// outcome (a named result, an error) or a running count, and the call takes it as
// an empty interface, to format or record it (log.Printf, fmt.Println).
//
// The empty interface is what shows intent. A call that takes the value through a
// typed parameter (an error, an int) computes with it or acts on it, and the value
// it was given may be the one it means: a deferred endRPC(err) after the RPC began
// without error tells the RPC tracker that its part went well, while the error the
// function computes later is returned to the caller, who owns it; passing that one
// would record it as the program's failure even when the caller handles it.
func reportsOutcome(pass *analysis.Pass, fn *funcInfo, stmt *ast.DeferStmt, arg int, v *types.Var, later []write) bool {
	if !takesAny(pass.TypesInfo, stmt.Call, arg) {
		return false
	}
	return fn.isNamedResult(pass.TypesInfo, v) || isError(v.Type()) || accumulates(later)
}

// laterWrites returns the assignments to v (and, for a named result, the return
// statements) that can run after the defer statement, to the same variable: a
// variable declared in a loop body is a new one on the next iteration. Writes in function
// literals are left out, since when they run is unknown, and so are assignments of
// nil (see write.disables).
func laterWrites(pass *analysis.Pass, fn *funcInfo, stmt *ast.DeferStmt, v *types.Var, writes []write) []write {
	var candidates []write
	for _, w := range writes {
		if (w.kind == assigned || w.kind == returned) && !w.inLiteral && !w.disables {
			candidates = append(candidates, w)
		}
	}
	if len(candidates) == 0 {
		return nil // most variables: no control-flow graph needed
	}
	after := fn.reach(pass, stmt.Pos(), v)
	var later []write
	for _, w := range candidates {
		if after.Pos(w.pos) {
			later = append(later, w)
		}
	}
	return later
}

// redeferred reports whether a defer statement that mentions v can run after one of
// the later assignments: a later defer (or the same one, in a loop) takes care of
// the new value, and each deferred call owns the value it was given.
//
//	c := open(a)
//	defer closeIt(c)
//	c = open(b)
//	defer closeIt(c)
func redeferred(pass *analysis.Pass, fn *funcInfo, v *types.Var, later []write) bool {
	for _, d := range fn.deferStmts() {
		if !flow.Mentions(pass.TypesInfo, d.Call, v) {
			continue
		}
		for _, w := range later {
			if fn.reach(pass, w.pos, v).Pos(d.Pos()) {
				return true
			}
		}
	}
	return false
}

// restored reports whether the deferred function is also called explicitly with v
// after one of the later assignments: the defer saves the old value to put it back,
// as runtime/pprof.Do does with goroutine labels.
//
//	defer setLabels(ctx)
//	ctx = withLabels(ctx, labels)
//	setLabels(ctx)
func restored(pass *analysis.Pass, fn *funcInfo, stmt *ast.DeferStmt, v *types.Var, later []write) bool {
	callee := origin(typeutil.Callee(pass.TypesInfo, stmt.Call))
	if callee == nil {
		return false
	}
	for _, call := range fn.plainCalls() {
		if origin(typeutil.Callee(pass.TypesInfo, call)) != callee || !argsMention(pass.TypesInfo, call, v) {
			continue
		}
		for _, w := range later {
			if fn.reach(pass, w.pos, v).Pos(call.Pos()) {
				return true
			}
		}
	}
	return false
}

// placeholder reports whether the value v holds at the defer carries no meaning of
// its own, so that the deferred call cannot have meant it: v was declared without a
// value or with its zero value (var err error, n := 0, a named result), or with a
// constant default that the later assignments replace by other constants or count
// from (status := "ok" ... status = "failed"). Any other write before the defer (a
// call result, a parameter, &v, v.f = x) gives v a real value.
func placeholder(info *types.Info, writes []write, stmt *ast.DeferStmt, later []write) bool {
	hasDecl, nonZero := false, false
	for _, w := range writes {
		if w.pos >= stmt.Pos() || w.kind == returned {
			continue // after the defer in the source, or ends the function before it
		}
		switch {
		case w.kind == touched || w.kind == aliased || w.accumulates:
			return false
		case w.zero:
		case w.value == nil:
			return false // a parameter, a range variable, a result of a call
		default:
			value, ok := constantValue(info, w.value)
			if !ok {
				return false
			}
			nonZero = nonZero || !isZero(value)
		}
		hasDecl = hasDecl || w.kind == declared
	}
	if !hasDecl {
		return false
	}
	if nonZero {
		for _, w := range later {
			if _, ok := constantValue(info, w.value); !ok && !w.accumulates {
				return false // a default with meaning: name := "worker" ... name = fmt.Sprint(...)
			}
		}
	}
	return true
}

// isObject reports whether t is a type whose values a call acts on (a pointer, a
// slice, a map, a channel, a function, a struct, an interface other than error)
// rather than data it can only report (a number, a string, a boolean, an error).
// A deferred call given a real object closes, releases or restores it: the one it
// was given.
func isObject(t types.Type) bool {
	_, basic := t.Underlying().(*types.Basic)
	return !basic && !isError(t)
}

// isError reports whether t is an error type: its value is the outcome of work,
// not an object a deferred call acts on.
func isError(t types.Type) bool {
	return types.Implements(t, errorInterface)
}

var errorInterface = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// transformsOnly reports whether every later assignment computes the new value from
// the old one without counting (buf = buf[:0], r = r.WithContext(ctx), x = f(x)):
// the variable goes on holding the same thing, transformed, and the deferred call
// wanted the thing as it was.
func transformsOnly(later []write) bool {
	for _, w := range later {
		if !w.derived || w.accumulates {
			return false
		}
	}
	return true
}

// accumulates reports whether a later assignment counts or totals (n++, n += k,
// total = total + x).
func accumulates(later []write) bool {
	for _, w := range later {
		if w.accumulates {
			return true
		}
	}
	return false
}

// takesAny reports whether the deferred call's parameter for argument number arg
// has an empty interface type: the callee formats or records the value (log.Printf,
// fmt.Println, slog attributes) rather than computing with it.
func takesAny(info *types.Info, call *ast.CallExpr, arg int) bool {
	tv, ok := info.Types[call.Fun]
	if !ok || tv.Type == nil {
		return false
	}
	sig, ok := tv.Type.Underlying().(*types.Signature)
	if !ok {
		return false
	}
	params := sig.Params()
	var t types.Type
	switch {
	case sig.Variadic() && arg >= params.Len()-1:
		t = params.At(params.Len() - 1).Type()
		if slice, ok := t.(*types.Slice); ok && !call.Ellipsis.IsValid() {
			t = slice.Elem()
		}
	case arg < params.Len():
		t = params.At(arg).Type()
	default:
		return false
	}
	iface, ok := t.Underlying().(*types.Interface)
	return ok && iface.Empty()
}

func argsMention(info *types.Info, call *ast.CallExpr, v *types.Var) bool {
	for _, arg := range call.Args {
		if flow.Mentions(info, arg, v) {
			return true
		}
	}
	return false
}

// origin returns the generic origin of a function or method, so that two calls of
// one generic function compare equal; other objects are returned as they are.
func origin(obj types.Object) types.Object {
	if fn, ok := obj.(*types.Func); ok {
		return fn.Origin()
	}
	return obj
}
