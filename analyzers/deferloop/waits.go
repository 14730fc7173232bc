package deferloop

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/deferlint/deferlint/internal/knowledge"
	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"
)

// This file recognises a context with its own timeout made per attempt in a loop
// that waits between attempts and is bounded: a retry or poll loop.

// pacedTimeouts reports whether the deferred call is the cancel func of contexts
// that each have a timeout or a deadline (see deadlineOnly), made in a loop, with
// no loop around it, that waits before every next iteration (see waitsBetween) and
// that is bounded: it watches the parent of those contexts (parent.Done(),
// parent.Err()), whose deadline or cancellation ends it, or it counts its attempts
// (see attemptCounters) in a condition. Each context frees its timer and leaves
// its parent at its deadline, deferred cancel or not, and the waits space the
// attempts, so only the contexts of the last timeout's worth of attempts are
// alive at once; the deferred calls pile up one per attempt, a number the parent's
// deadline or the count bounds (pubsub's retryAcks, a 60-second context per
// acknowledgement attempt with a backoff between them, under a ten-minute
// deadline; pkgsite's pollForPath, a context per tick until the request's context
// ends). Its only consequence is the delay, reported with -deferloop.delayed. A
// cancel of a context without a deadline (WithCancel) stays live until return,
// and a loop that does not wait (a tight loop over input) makes contexts as fast
// as it runs: both stay reported.
func pacedTimeouts(info *types.Info, fn *function, d finding, region *ast.BlockStmt, call *ast.CallExpr) bool {
	v := cancelFunc(info, call)
	if v == nil || d.loop == nil || len(outerLoops(d)) > 0 || !deadlineOnly(info, region, v) {
		return false
	}
	if !waitsBetween(info, fn, d, region) {
		return false
	}
	parents := timeoutParents(info, region, v)
	if len(parents) == 1 && watchesContext(info, d.loop, parents[0]) {
		return true
	}
	counters := attemptCounters(info, fn, d)
	return len(counters) > 0 && testsAny(info, d.loop, counters)
}

// waitsBetween reports whether every path from the defer that comes round to it
// again waits on its way (before or after the loop's head: a poll loop waits at
// the top of the iteration): it calls time.Sleep (or a Sleep of
// another package given a time.Duration, gax.Sleep(ctx, d)), receives from a
// timer's or ticker's channel (<-t.C) or from time.After or time.Tick, or takes a
// select case that does (case <-ticker.C:). A select's communications are
// evaluated before a case is chosen, so a case is known by its body's block, and
// the communications themselves are not waits (a select with a default waits for
// none).
func waitsBetween(info *types.Info, fn *function, d finding, region *ast.BlockStmt) bool {
	comms := make(map[ast.Node]bool)
	ast.Inspect(region, func(n ast.Node) bool {
		if c, ok := n.(*ast.CommClause); ok && c.Comm != nil {
			comms[c.Comm] = true
		}
		return true
	})
	waits := func(n ast.Node) bool {
		s, ok := n.(ast.Stmt)
		return ok && !comms[n] && isWait(info, statementValue(s))
	}
	waitCase := func(b *cfg.Block) bool {
		c, ok := b.Stmt.(*ast.CommClause)
		return ok && b.Kind == cfg.KindSelectCaseBody && c.Comm != nil && isWait(info, statementValue(c.Comm))
	}
	return !fn.graph.ReachWithoutBlocks(d.stmt.Pos(), waits, waitCase).Pos(d.stmt.Pos())
}

// isWait reports whether e waits for a time: a call of time.Sleep or of a function
// named Sleep given a time.Duration, or a receive from a timer's or ticker's
// channel (see isTimer, isTicker) or from time.After or time.Tick.
func isWait(info *types.Info, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(info, e).(*types.Func)
		if !ok || fn.Name() != "Sleep" {
			return false
		}
		return slices.ContainsFunc(e.Args, func(a ast.Expr) bool {
			return knowledge.IsType(info.TypeOf(a), "time", "Duration")
		})
	case *ast.UnaryExpr:
		if e.Op != token.ARROW {
			return false
		}
		switch ch := ast.Unparen(e.X).(type) {
		case *ast.CallExpr:
			return knowledge.IsFunc(typeutil.Callee(info, ch), "time", "After", "Tick")
		case *ast.SelectorExpr:
			t := info.TypeOf(ch.X)
			return ch.Sel.Name == "C" && (isTimer(t) || isTicker(t))
		}
	}
	return false
}

// isTicker reports whether t, or what it points to, is time.Ticker.
func isTicker(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	return knowledge.IsType(t, "time", "Ticker")
}

// timeoutParents returns the parents, as written, of the contexts that region
// assigns with the cancel func v (ctx in context.WithTimeout(ctx, d)), each once.
func timeoutParents(info *types.Info, region *ast.BlockStmt, v *types.Var) []string {
	var parents []string
	ast.Inspect(region, func(n ast.Node) bool {
		a, ok := n.(*ast.AssignStmt)
		if !ok || len(a.Rhs) != 1 || !slices.ContainsFunc(a.Lhs, func(e ast.Expr) bool { return isVar(info, e, v) }) {
			return true
		}
		if c, ok := ast.Unparen(a.Rhs[0]).(*ast.CallExpr); ok && len(c.Args) > 0 {
			if p := types.ExprString(ast.Unparen(c.Args[0])); !slices.Contains(parents, p) {
				parents = append(parents, p)
			}
		}
		return true
	})
	return parents
}

// watchesContext reports whether loop calls Done or Err on the context written
// parent, outside function literals: the loop ends with that context.
func watchesContext(info *types.Info, loop ast.Stmt, parent string) bool {
	found := false
	ast.Inspect(loop, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if ok && (sel.Sel.Name == "Done" || sel.Sel.Name == "Err") && types.ExprString(ast.Unparen(sel.X)) == parent {
				found = knowledge.IsType(info.TypeOf(sel.X), "context", "Context")
			}
		}
		return !found
	})
	return found
}

// testsAny reports whether a condition of loop (its own, or of an if statement in
// it, outside function literals) reads one of vars.
func testsAny(info *types.Info, loop ast.Stmt, vars []*types.Var) bool {
	found := false
	ast.Inspect(loop, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt:
			found = n.Cond != nil && mentionsAny(info, n.Cond, vars)
		case *ast.IfStmt:
			found = mentionsAny(info, n.Cond, vars)
		}
		return !found
	})
	return found
}
