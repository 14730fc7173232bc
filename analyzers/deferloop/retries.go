package deferloop

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/loops"
	"golang.org/x/tools/go/cfg"
)

// boundedRetry reports whether the defer repeats through a retry loop that
// counts its attempts, with no loop around it:
//
//   - the loop comes round only after a failed attempt: every path from the
//     defer back to the loop's next iteration (for a loop built with goto, back
//     to the defer) enters a branch taken on failure (see failureBlock), so every
//     attempt that succeeds leaves the loop;
//   - it counts its attempts: an integer variable declared before the loop,
//     changed in it only by ++, --, += or -= (see attemptCounters), is read by
//     the loop's condition, or by a condition on every path from the defer back
//     round (retries++ with ShouldRetry(err, retries), attempt < max,
//     retryAttempts-- with err != nil && retryAttempts > 0).
//
// The deferred calls then pile up one per failed attempt that the policy allows,
// a number the retry policy bounds and that an outage does not grow: the only
// consequence is the delay, reported with -deferloop.delayed. A loop retrying
// until success, with no counter, piles up one call per failure for as long as
// the outage lasts, and a loop that comes round after a success is a processing
// loop: both stay reported, as do the deadlock and the loop that never exits,
// which message checks first.
func boundedRetry(info *types.Info, fn *function, d finding) bool {
	g := fn.graph
	if d.loop == nil && len(loops.Enclosing(d.cur)) > 0 || d.loop != nil && len(outerLoops(d)) > 0 {
		return false // an outer loop multiplies the attempts
	}
	comesRound := func(r *flow.Reach) bool {
		if d.loop == nil {
			return r.Pos(d.stmt.Pos())
		}
		return r.Iterates(d.loop)
	}
	failure := failureBlocks(info, g)
	if comesRound(g.ReachWithoutBlocks(d.stmt.Pos(), nil, func(b *cfg.Block) bool { return failure[b] })) {
		return false // some path comes round without a failure: not a retry
	}
	counters := attemptCounters(info, fn, d)
	if len(counters) == 0 {
		return false // retries until success: the pile grows with the outage
	}
	if l, ok := d.loop.(*ast.ForStmt); ok && l.Cond != nil && mentionsAny(info, l.Cond, counters) {
		return true
	}
	tests := func(n ast.Node) bool {
		e, isExpr := n.(ast.Expr) // a condition, as the graph records it
		return isExpr && mentionsAny(info, e, counters)
	}
	return !comesRound(g.ReachWithout(d.stmt.Pos(), tests))
}

// failureBlocks returns the live blocks of g entered only when an attempt failed
// (see failsWhen): the then branch of an if whose condition holds only on
// failure (if err != nil, if err != nil && n > 0, if shouldRetry(err, n)), its
// else branch when the condition fails only on failure (if err == nil), and, for
// an if without else whose then branch never falls through (if err == nil {
// return resp }), the statements after it.
func failureBlocks(info *types.Info, g *flow.Graph) map[*cfg.Block]bool {
	preds := make(map[*cfg.Block][]*cfg.Block)
	for _, b := range g.CFG.Blocks {
		if b.Live {
			for _, s := range b.Succs {
				preds[s] = append(preds[s], b)
			}
		}
	}
	failure := make(map[*cfg.Block]bool)
	for _, b := range g.CFG.Blocks {
		s, ok := b.Stmt.(*ast.IfStmt)
		if !ok || !b.Live {
			continue
		}
		switch b.Kind {
		case cfg.KindIfThen:
			failure[b] = failsWhen(info, s.Cond, true)
		case cfg.KindIfElse:
			failure[b] = failsWhen(info, s.Cond, false)
		case cfg.KindIfDone:
			failure[b] = s.Else == nil && failsWhen(info, s.Cond, false) && onlyFromCondition(preds[b], s.Cond)
		}
	}
	return failure
}

// onlyFromCondition reports whether every block in preds ends with the
// condition cond: the block after an if is entered only when its condition is
// false, its then branch never falling through.
func onlyFromCondition(preds []*cfg.Block, cond ast.Expr) bool {
	for _, p := range preds {
		if len(p.Nodes) == 0 || p.Nodes[len(p.Nodes)-1] != cond {
			return false
		}
	}
	return len(preds) > 0
}

// failsWhen reports whether the condition e has the value outcome only when an
// attempt failed: an error compared with nil (err != nil true, err == nil
// false), a call judging an error (a call with an argument of type error, true:
// shouldRetry(err, n), errors.Is(err, ErrBusy)), through !, && and ||. By the
// convention that a nil error is success, a predicate on an error holds for a
// failure, never for a nil error (errors.Is, errors.As, os.IsNotExist are false
// for nil).
func failsWhen(info *types.Info, e ast.Expr, outcome bool) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		return e.Op == token.NOT && failsWhen(info, e.X, !outcome)
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND: // true: both hold; false: either fails
			if outcome {
				return failsWhen(info, e.X, true) || failsWhen(info, e.Y, true)
			}
			return failsWhen(info, e.X, false) && failsWhen(info, e.Y, false)
		case token.LOR: // true: either holds; false: both fail
			if outcome {
				return failsWhen(info, e.X, true) && failsWhen(info, e.Y, true)
			}
			return failsWhen(info, e.X, false) || failsWhen(info, e.Y, false)
		case token.NEQ:
			return outcome && comparesErrorWithNil(info, e)
		case token.EQL:
			return !outcome && comparesErrorWithNil(info, e)
		}
	case *ast.CallExpr:
		if !outcome {
			return false
		}
		if tv, ok := info.Types[e.Fun]; !ok || !tv.IsValue() {
			return false // a conversion or a builtin
		}
		for _, arg := range e.Args {
			if isError(info, arg) && !flow.IsNil(info, arg) {
				return true
			}
		}
	}
	return false
}

// comparesErrorWithNil reports whether e compares a value of an error type with nil.
func comparesErrorWithNil(info *types.Info, e *ast.BinaryExpr) bool {
	return flow.IsNil(info, e.Y) && isError(info, e.X) || flow.IsNil(info, e.X) && isError(info, e.Y)
}

var errorType = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// isError reports whether e has a type that implements error (not untyped nil).
func isError(info *types.Info, e ast.Expr) bool {
	t := info.TypeOf(e)
	if t == nil {
		return false
	}
	if b, ok := t.(*types.Basic); ok && b.Kind() == types.UntypedNil {
		return false
	}
	return types.Implements(t, errorType)
}

// attemptCounters returns the integer variables that count the rounds of the
// loop the defer repeats through (for a loop built with goto, of the function):
// each is changed, in the part of the loop that runs again after the defer, by
// ++, --, += or -= and by nothing else, and is declared where it does not run
// again (before the loop, in its init statement, or a parameter).
func attemptCounters(info *types.Info, fn *function, d finding) []*types.Var {
	again := fn.graph.ReachWithout(d.stmt.Pos(), nil)
	var region ast.Node = d.loop
	if d.loop == nil {
		region = fn.body
	}
	counted := make(map[*types.Var]bool)
	reset := make(map[*types.Var]bool)
	mark := func(lhs ast.Expr, counts bool) {
		id, ok := ast.Unparen(lhs).(*ast.Ident)
		if !ok {
			return
		}
		v, ok := info.ObjectOf(id).(*types.Var)
		if !ok {
			return
		}
		if counts {
			counted[v] = true
		} else {
			reset[v] = true
		}
	}
	ast.Inspect(region, func(n ast.Node) bool {
		if _, isLit := n.(*ast.FuncLit); isLit {
			return false // its own function, with a graph of its own
		}
		if n == nil || !again.Pos(n.Pos()) {
			return true
		}
		switch n := n.(type) {
		case *ast.IncDecStmt:
			mark(n.X, true)
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				mark(lhs, n.Tok == token.ADD_ASSIGN || n.Tok == token.SUB_ASSIGN)
			}
		case *ast.ValueSpec:
			for _, id := range n.Names {
				mark(id, false)
			}
		}
		return true
	})
	var counters []*types.Var
	for v := range counted {
		b, isBasic := v.Type().Underlying().(*types.Basic)
		if isBasic && b.Info()&types.IsInteger != 0 && !reset[v] && !again.Pos(v.Pos()) {
			counters = append(counters, v)
		}
	}
	return counters
}
