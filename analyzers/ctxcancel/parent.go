package ctxcancel

import (
	"go/ast"
	"go/types"

	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/knowledge"
	"github.com/deferlint/deferlint/internal/obligation"
	"github.com/deferlint/deferlint/internal/resources"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// maxChain bounds how many derivations parentReleases follows back.
const maxChain = 8

// parentReleases reports whether the context that stmt derives with one of
// package context's functions is released, on every path from stmt to a
// return, by the cancellation of its parent. Cancelling a context cancels every
// context derived from it (context.WithCancel and the others register the child
// with its parent, and the parent's cancel cancels its children, stopping their
// timers), and a child derived from a parent already cancelled is cancelled at
// once. So a child whose own cancel function is discarded, not called on some
// path, or overwritten lives no longer than its parent, and is no leak when:
//
//   - its parent is the very value that one statement of this function, a
//     derivation by package context, gave the variable stmt derives from (the
//     only definition that reaches stmt: in ctx, cancel := context.WithCancel(ctx);
//     ctx, _ = context.WithTimeout(ctx, d) the parent is the value ctx held
//     before the second statement);
//   - and the function calls that derivation's cancel function on every path
//     from stmt to a return, as ctxcancel checks any cancel function (a deferred
//     call registered before stmt on every path to it counts, and so does a
//     loop's later iteration releasing what an earlier one stored, as in
//     releasedLater), or the parent is itself released so by its own parent
//     (a chain of derivations, context.WithValue included, which adds no
//     cancellation of its own).
//
// A parent that is a parameter, context.Background(), or a derivation whose
// cancel function some path from stmt does not call (or a loop that derives a
// child per iteration from a parent made before the loop) releases nothing in
// time: the child is still checked.
func (c *checker) parentReleases(stmt ast.Node, fnCur inspector.Cursor) bool {
	return c.releasedByParent(stmt, fnCur, 0)
}

func (c *checker) releasedByParent(stmt ast.Node, fnCur inspector.Cursor, depth int) bool {
	if depth > maxChain {
		return false
	}
	call := c.derivation(stmt)
	if call == nil || len(call.Args) == 0 {
		return false
	}
	id, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	if !ok {
		return false
	}
	parentVar, ok := c.info.Uses[id].(*types.Var)
	body := flow.FuncBody(fnCur.Node())
	g := c.graph(fnCur.Node())
	if !ok || body == nil || g == nil || !resources.DeclaredIn(parentVar, fnCur.Node()) {
		return false
	}
	parent := c.onlyDefinition(g, body, parentVar, stmt)
	if parent == nil || c.derivation(parent) == nil {
		return false
	}
	if cancel := c.cancelVar(parent, fnCur); cancel != nil && c.calledAfter(g, body, fnCur, parent, stmt, cancel) {
		return true
	}
	return c.releasedByParent(parent, fnCur, depth+1)
}

// derivation returns the call of stmt, an assignment or var specification with
// a single call on its right, when that call derives a context from its first
// argument in package context: WithCancel, WithTimeout, WithDeadline, their
// Cause forms, or WithValue (whose context is done when its parent is).
func (c *checker) derivation(stmt ast.Node) *ast.CallExpr {
	var rhs []ast.Expr
	switch n := stmt.(type) {
	case *ast.AssignStmt:
		rhs = n.Rhs
	case *ast.ValueSpec:
		rhs = n.Values
	}
	if len(rhs) != 1 {
		return nil
	}
	call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
	if !ok {
		return nil
	}
	fn, ok := typeutil.Callee(c.info, call).(*types.Func)
	if !ok || !knowledge.IsFunc(fn, "context", "WithCancel", "WithCancelCause", "WithTimeout", "WithTimeoutCause", "WithDeadline", "WithDeadlineCause", "WithValue") {
		return nil
	}
	return call
}

// onlyDefinition returns the statement whose value v always holds when stmt
// runs (see flow.Graph.OnlyDefinition), or nil.
func (c *checker) onlyDefinition(g *flow.Graph, body *ast.BlockStmt, v *types.Var, stmt ast.Node) ast.Node {
	for _, b := range g.CFG.Blocks {
		for _, n := range b.Nodes {
			if b.Live && n != stmt && flow.Defines(c.info, n, v) && g.OnlyDefinition(c.info, body, v, n, stmt) {
				return n
			}
		}
	}
	return nil
}

// cancelVar returns the local variable to which the derivation stmt assigns its
// cancel function, or nil (discarded, or not a variable of the function).
func (c *checker) cancelVar(stmt ast.Node, fnCur inspector.Cursor) *types.Var {
	lhs, _ := lhsOf(stmt)
	if len(lhs) != 2 {
		return nil
	}
	id, ok := ast.Unparen(lhs[1]).(*ast.Ident)
	if !ok {
		return nil
	}
	v := resources.VarOf(c.info, id)
	if v == nil || !resources.DeclaredIn(v, fnCur.Node()) {
		return nil
	}
	return v
}

// calledAfter reports whether the function calls cancel, the cancel function
// that the derivation parent stored, on every path from stmt to a return before
// cancel takes another value, and before stmt runs again.
func (c *checker) calledAfter(g *flow.Graph, body *ast.BlockStmt, fnCur inspector.Cursor, parent, stmt ast.Node, cancel *types.Var) bool {
	var calls []resources.FuncUse
	for _, u := range c.usesOf(fnCur, cancel) {
		if u.Kind == resources.FuncCalls {
			calls = append(calls, u)
		}
	}
	if len(calls) == 0 {
		return false
	}
	search := &obligation.Search{
		Info:    c.info,
		Acquire: stmt,
		Var:     cancel,
		Ends:    func(n ast.Node, _ bool) bool { return callsIn(n, calls) },
	}
	p := search.Run(g, body)
	if p.Again {
		return false // a loop derives one child per iteration from a parent made before it
	}
	for _, n := range p.Drops {
		parentCur, ok := fnCur.FindNode(parent)
		if n != parent || !ok || !c.releasedLater(g, parentCur, func(n ast.Node) bool { return callsIn(n, calls) }) {
			return false
		}
	}
	if p.First == nil {
		return true
	}
	return c.deferredBetween(g, parent, stmt, cancel, calls) || obligation.DeferredBefore(g, body, stmt, cancel, positions(calls))
}

// deferredBetween reports whether every path from the derivation parent to stmt
// passes a defer statement that calls cancel before anything gives cancel
// another value: the deferred call then holds the parent's cancel function and
// runs at every return.
func (c *checker) deferredBetween(g *flow.Graph, parent, stmt ast.Node, cancel *types.Var, calls []resources.FuncUse) bool {
	fails := func(n ast.Node) bool { return n == stmt || flow.Changes(c.info, n, cancel) }
	defers := func(n ast.Node) bool {
		_, ok := n.(*ast.DeferStmt)
		return ok && callsIn(n, calls)
	}
	return !g.ReachesFirst(parent, fails, defers)
}
