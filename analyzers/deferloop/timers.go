package deferloop

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"
)

// This file recognises a deferred Stop of a timer that has fired: a timer fires
// once, and one whose channel was received from holds nothing that Stop releases.

// timerFired returns, for a deferred t.Stop() of a timer (see isTimer), the tests
// of a path that has received from the timer's channel (t.C, or t.C() for the
// clock packages' Timer interfaces): fired, a statement of region that receives
// from it (<-t.C, v := <-t.C), and firedCase, the body of a select case that does
// (case <-t.C:). A value has come on a timer's channel only once the timer has
// fired, and a fired timer has nothing left to stop: Stop returns false and does
// nothing. A select's communications are all evaluated in the block before the
// select (x/tools' cfg), so a case is known by its body's block, which may hold no
// statement. It returns nil tests for any other deferred call. A Ticker, which
// goes on ticking after each receive, is not a Timer.
func timerFired(info *types.Info, region *ast.BlockStmt, call *ast.CallExpr) (fired func(ast.Node) bool, firedCase func(*cfg.Block) bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Stop" || len(call.Args) > 0 || !isTimer(info.TypeOf(sel.X)) {
		return nil, nil
	}
	if s, ok := info.Selections[sel]; !ok || s.Kind() != types.MethodVal {
		return nil, nil
	}
	recv := types.ExprString(ast.Unparen(sel.X))
	comms := make(map[ast.Node]bool) // a select's communications: evaluated before a case is chosen
	ast.Inspect(region, func(n ast.Node) bool {
		if c, ok := n.(*ast.CommClause); ok && c.Comm != nil {
			comms[c.Comm] = true
		}
		return true
	})
	fired = func(n ast.Node) bool {
		s, ok := n.(ast.Stmt)
		return ok && !comms[n] && receivesFrom(s, recv)
	}
	firedCase = func(b *cfg.Block) bool {
		c, ok := b.Stmt.(*ast.CommClause)
		return ok && b.Kind == cfg.KindSelectCaseBody && c.Comm != nil && receivesFrom(c.Comm, recv)
	}
	return fired, firedCase
}

// isTimer reports whether t, or what it points to, is a named type called Timer
// with a method Stop: time.Timer, or the Timer of a clock package that fakes time
// (k8s.io/utils/clock, benbjohnson/clock, jonboulle/clockwork), which fire once as
// time.Timer does.
func isTimer(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	return ok && named.Obj().Name() == "Timer" && hasMethod(named, "Stop")
}

// receivesFrom reports whether s is a receive from the channel of the timer written
// recv, alone or assigned: <-t.C, v := <-t.C, v, ok = <-t.C(), or the same of
// t.C().
func receivesFrom(s ast.Stmt, recv string) bool {
	u, ok := ast.Unparen(statementValue(s)).(*ast.UnaryExpr)
	if !ok || u.Op != token.ARROW {
		return false
	}
	ch := ast.Unparen(u.X)
	if c, ok := ch.(*ast.CallExpr); ok && len(c.Args) == 0 {
		ch = ast.Unparen(c.Fun)
	}
	sel, ok := ch.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "C" && types.ExprString(ast.Unparen(sel.X)) == recv
}
