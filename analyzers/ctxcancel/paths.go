package ctxcancel

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/loops"
	"github.com/deferlint/deferlint/internal/obligation"
	"golang.org/x/tools/go/cfg"
)

// paths is what the paths leaving the statement that assigns a cancel function
// to a variable reach before a node that calls it.
type paths struct {
	ret       *ast.ReturnStmt   // the first return statement, in source order
	returns   []*ast.ReturnStmt // every return statement reached (see splitReturns)
	overwrite ast.Node          // the first assignment of a new value to the variable
	again     bool              // the statement itself, declaring a fresh variable (a loop)
	// leaves says that paths reach returns outside the variable's scope, having
	// left it still holding the cancel function (see scope.go); ret is then the
	// first return in the scope, if any.
	leaves bool
}

// lost sorts the drops of an obligation search from the statement from: running
// from again is a loop when it declares a fresh variable each time (fresh), and
// an overwrite of the cancel function it stored before when it assigns an
// existing one.
func lost(p obligation.Paths, from ast.Node, fresh bool) paths {
	l := paths{ret: p.First}
	for _, n := range p.Drops {
		if n == from && fresh {
			l.again = true
			continue
		}
		if l.overwrite == nil || n.Pos() < l.overwrite.Pos() {
			l.overwrite = n
		}
	}
	return l
}

// definesFresh reports whether the statement n declares v (rather than assigning
// to an existing v): running it again creates a new variable.
func definesFresh(info *types.Info, n ast.Node, v *types.Var) bool {
	switch n := n.(type) {
	case *ast.AssignStmt:
		for _, lhs := range n.Lhs {
			if id, ok := lhs.(*ast.Ident); ok && info.Defs[id] == v {
				return true
			}
		}
	case *ast.ValueSpec:
		return true
	}
	return false
}

// waitsDoneCase reports whether b is the body of a select case that receives
// from the Done channel of one of ctxs: a path that enters it finds the derived
// context released.
func waitsDoneCase(info *types.Info, b *cfg.Block, ctxs []*types.Var) bool {
	clause, ok := b.Stmt.(*ast.CommClause)
	return ok && b.Kind == cfg.KindSelectCaseBody && clause.Comm != nil && waitsDone(info, clause.Comm, ctxs)
}

// waitsDone reports whether n receives from the Done channel of one of ctxs:
// after it, the context is canceled or past its deadline, and released.
func waitsDone(info *types.Info, n ast.Node, ctxs []*types.Var) bool {
	if len(ctxs) == 0 {
		return false
	}
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if _, ok := m.(*ast.FuncLit); ok {
			return false
		}
		recv, ok := m.(*ast.UnaryExpr)
		if !ok || recv.Op != token.ARROW {
			return !found
		}
		call, ok := ast.Unparen(recv.X).(*ast.CallExpr)
		if !ok || len(call.Args) != 0 {
			return !found
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Done" {
			return !found
		}
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
			for _, ctx := range ctxs {
				if info.Uses[id] == ctx {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// releasedLater reports whether some path from the statement stmt, which stores
// a cancel function in a variable that outlives an iteration of loop (the loop
// through which stmt runs again), goes round loop and, in a later iteration,
// calls the cancel function (one of the nodes for which calls reports true)
// inside loop before it comes back to stmt. Then the variable is state the loop
// carries from one iteration to the next, and the code releases what an earlier
// iteration stored when something happens: a leader lost after one elected, a
// stop after a start. Whether the events alternate is a protocol the path
// search cannot see, so an overwrite on another path is not taken to leak. A
// call only in the iteration that stored it (on an error branch, then continue)
// shows that each iteration was meant to release its own, and does not count,
// nor does a call after the loop.
func releasedLater(g *flow.Graph, stmt ast.Node, loop ast.Stmt, calls func(ast.Node) bool) bool {
	body := loops.Body(loop)
	start, index := g.Find(stmt)
	if start == nil || body == nil {
		return false
	}
	type state struct {
		b       *cfg.Block
		crossed bool
	}
	seen := make(map[state]bool)
	var walk func(b *cfg.Block, nodes []ast.Node, crossed bool) bool
	walk = func(b *cfg.Block, nodes []ast.Node, crossed bool) bool {
		for _, n := range nodes {
			if n == stmt {
				return false // back at the store: overwritten on this path
			}
			if calls(n) {
				return crossed && body.Pos() <= n.Pos() && n.End() <= body.End()
			}
		}
		for _, next := range b.Succs {
			st := state{next, crossed || startsIteration(next, loop)}
			if seen[st] {
				continue
			}
			seen[st] = true
			if walk(next, next.Nodes, st.crossed) {
				return true
			}
		}
		return false
	}
	return walk(start, start.Nodes[index+1:], false)
}

// startsIteration reports whether entering block b starts another iteration of
// loop: b is its condition, its post statement, the step of a range loop, or
// the first block of its body.
func startsIteration(b *cfg.Block, loop ast.Stmt) bool {
	if b.Stmt != loop {
		return false
	}
	switch b.Kind {
	case cfg.KindForLoop, cfg.KindForPost, cfg.KindForBody, cfg.KindRangeLoop, cfg.KindRangeBody:
		return true
	}
	return false
}

// zeroIterationExits returns the exit blocks of the loops after the acquisition
// acquire (and outside it) whose every iteration hands the derived context on:
// each holds one of handOffs, and every path through an iteration of it meets
// a node that ends the obligation (see everyIterationEnds). Such a loop exists
// to hand the context to what it starts (a subtest, a goroutine per element),
// so a path that leaves it still holding the context is one that ran no
// iteration at all: the collection was empty, or the condition false at once.
// Whether that can happen depends on a length the path search cannot read,
// and authors commonly rule it out before the loop (a t.Fatal when there are no
// files); the search does not follow those exits. Known false negative: a
// collection that really can be empty leaks the context on that path.
func zeroIterationExits(g *flow.Graph, body *ast.BlockStmt, acquire ast.Node, handOffs []token.Pos, ends func(ast.Node) bool, skips func(*cfg.Block) bool) map[*cfg.Block]bool {
	exits := make(map[*cfg.Block]bool)
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt, *ast.RangeStmt:
		default:
			return true
		}
		loop := n.(ast.Stmt)
		if loop.Pos() < acquire.End() || !contains(loop, handOffs) || !everyIterationEnds(g, loop, ends, skips) {
			return true
		}
		for _, b := range g.CFG.Blocks {
			if b.Stmt == loop && (b.Kind == cfg.KindForDone || b.Kind == cfg.KindRangeDone) {
				exits[b] = true
			}
		}
		return true
	})
	return exits
}

// everyIterationEnds reports whether every path from the start of loop's body
// meets a node for which ends reports true before it comes back to the loop's
// head, leaves the loop (break, goto, return) or falls off the body. Blocks for
// which skips reports true are not entered.
func everyIterationEnds(g *flow.Graph, loop ast.Stmt, ends func(ast.Node) bool, skips func(*cfg.Block) bool) bool {
	var start *cfg.Block
	for _, b := range g.CFG.Blocks {
		if b.Live && b.Stmt == loop && (b.Kind == cfg.KindForBody || b.Kind == cfg.KindRangeBody) {
			start = b
		}
	}
	if start == nil {
		return false
	}
	seen := map[*cfg.Block]bool{start: true}
	stack := []*cfg.Block{start}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if leavesIteration(b, loop) {
			return false
		}
		if slices.ContainsFunc(b.Nodes, ends) {
			continue
		}
		if b.Return() != nil {
			return false // a return in the loop, reached still holding the context
		}
		for _, next := range b.Succs {
			if !seen[next] && !skips(next) {
				seen[next] = true
				stack = append(stack, next)
			}
		}
	}
	return true
}

// leavesIteration reports whether entering block b ends an iteration of loop
// without its body having finished: b is the loop's head, post statement or
// exit, or lies outside the loop (a labelled break or a goto).
func leavesIteration(b *cfg.Block, loop ast.Stmt) bool {
	if b.Stmt == loop {
		return b.Kind != cfg.KindForBody && b.Kind != cfg.KindRangeBody
	}
	if b.Stmt != nil && (b.Stmt.Pos() < loop.Pos() || loop.End() < b.Stmt.End()) {
		return true
	}
	for _, n := range b.Nodes {
		if n.Pos() < loop.Pos() || loop.End() < n.End() {
			return true
		}
	}
	return false
}

// reachedAfterHandOff reports whether some path that has handed the derived
// context on (at one of handOffs) goes on to ret without passing the
// acquisition again (which would hold a new context): calling cancel just
// before ret would then cancel the context under its holder on that path.
func reachedAfterHandOff(g *flow.Graph, acquire ast.Node, handOffs []token.Pos, ret *ast.ReturnStmt) bool {
	for _, pos := range handOffs {
		r := g.ReachWithout(pos, func(n ast.Node) bool { return n == acquire })
		if r.Pos(ret.Pos()) {
			return true
		}
	}
	return false
}
