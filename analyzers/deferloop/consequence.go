package deferloop

import (
	"go/ast"
	"go/types"

	"github.com/deferlint/deferlint/internal/edit"
	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/knowledge"
	"github.com/deferlint/deferlint/internal/loops"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// This file judges whether a repeated defer has a concrete cost the default rule
// reports: what the iteration makes and the deferred call keeps until return, and
// loops whose count no collection bounds.

// walksCollection reports whether loop ranges over a collection the program already
// holds: a slice, an array (or a pointer to one), a map, a string, or a function
// iterator (which usually walks one). Such a loop runs once per element, so a handle
// taken per element costs in proportion to what is already in memory (the handful
// of views of a session, the arguments of a command). Other loops (a count, a
// condition, no condition, a channel, goto) make their values as they go, with no
// collection to bound them.
func walksCollection(info *types.Info, loop ast.Stmt) bool {
	t := rangedType(info, loop)
	if t == nil {
		return false
	}
	u := t.Underlying()
	if p, ok := u.(*types.Pointer); ok {
		u = p.Elem().Underlying()
	}
	switch u := u.(type) {
	case *types.Slice, *types.Array, *types.Map, *types.Signature:
		return true
	case *types.Basic:
		return u.Info()&types.IsString != 0
	}
	return false
}

// countFixedAtStart reports whether the loop the defer repeats through, and every
// loop of the function around it, has a count fixed when it starts
// (loops.FixedCount: a range over a slice, an array, a map, a string or an
// integer, or a counted for i := 0; i < n; i++ over a stable limit), or walks a
// collection by a cursor up to the defer (walksByCursor). What each
// iteration holds until return then piles up to the size of data the program
// already holds, and goes when the function returns: whether holding all of it
// together matters depends on the collection's size and on what follows the
// loop, which the code does not show, and measured on unseen code such reports
// were rarely acted on (docs/precision.md). It is reported with
// -deferloop.collections. A loop fed by input (a channel, a condition, no
// condition, a function iterator, goto) has no such bound; a lock deadlocks
// whatever the count, and a loop that never exits never releases: message checks
// those first.
func countFixedAtStart(info *types.Info, d finding) bool {
	if d.loop == nil || !loops.FixedCount(info, d.loop) && !walksByCursor(info, d, d.loop) {
		return false
	}
	for _, l := range outerLoops(d) {
		if !loops.FixedCount(info, l) && !walksByCursor(info, d, l) {
			return false
		}
	}
	return true
}

// walksByCursor reports whether loop, the defer's or one around it, walks a
// slice, an array or a string by a cursor before it reaches the defer
// (loops.CursorWalk: segment := t.segments[t.segmentToHashNext] ...
// t.segmentToHashNext++, in a for without a condition): each iteration that
// reaches the defer indexes the collection at a value the cursor never takes
// again, and an index out of range panics, so the defer runs no more times
// than the collection has elements, as in a range over it, whatever the loop's
// condition (subnet-evm's trieToSync.segmentFinished, a leaf iterator per
// finished segment).
func walksByCursor(info *types.Info, d finding, loop ast.Stmt) bool {
	fn, ok := loops.EnclosingFunc(d.cur)
	return ok && loops.CursorWalk(info, fn.Node(), loop, d.stmt)
}

// rangedType returns the type of what a range statement ranges over, or nil for
// any other loop.
func rangedType(info *types.Info, loop ast.Stmt) types.Type {
	r, ok := loop.(*ast.RangeStmt)
	if !ok {
		return nil
	}
	return info.TypeOf(r.X)
}

// keptFresh describes what the iteration makes and the deferred call keeps until the
// function returns, in a loop that walks no collection (see walksCollection), or
// returns "": a release function returned beside a value (ch, cleanup :=
// newChannel(); defer cleanup(): the value stays held), or a method deferred on a
// value a call of the iteration returned (b, err := t.block(i); defer b.decrRef()).
// Either way the deferred call is what keeps the value alive, one per iteration.
// Over a collection the same pile is bounded by the collection, and the defers are
// the author's way to hold one handle per element until the function is done.
func keptFresh(pass *analysis.Pass, loop ast.Stmt, region *ast.BlockStmt, call *ast.CallExpr) string {
	info := pass.TypesInfo
	if loop == nil || walksCollection(info, loop) {
		return ""
	}
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		v, ok := info.Uses[fun].(*types.Var)
		if !ok || !assignedFromCall(info, region, v) {
			return ""
		}
		if kept := siblings(info, region, call); len(kept) > 0 {
			return "every iteration's " + kept[0].Name() + " stays held"
		}
	case *ast.SelectorExpr:
		if selection, ok := info.Selections[fun]; !ok || selection.Kind() != types.MethodVal {
			return ""
		}
		if v := flow.RootVar(info, fun.X); v != nil && assignedFromCall(info, region, v) {
			return "every iteration's " + edit.Render(pass.Fset, fun.X, "value") + " stays held"
		}
	}
	return ""
}

// assignedFromCall reports whether region assigns v, outside function literals, the
// result of a call of a function (not a conversion or a builtin such as append).
func assignedFromCall(info *types.Info, region *ast.BlockStmt, v *types.Var) bool {
	found := false
	ast.Inspect(region, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if !isVar(info, lhs, v) {
					continue
				}
				rhs := n.Rhs[0]
				if len(n.Rhs) == len(n.Lhs) {
					rhs = n.Rhs[i]
				}
				found = found || isFunctionCall(info, rhs)
			}
		}
		return !found
	})
	return found
}

// isFunctionCall reports whether e is a call of a function or method, not a
// conversion or a builtin.
func isFunctionCall(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	if tv, ok := info.Types[call.Fun]; ok && (tv.IsType() || tv.IsBuiltin()) {
		return false
	}
	return true
}

// inputBound describes, for a loop whose count comes from its input rather than from
// a collection or a count, how long it runs ("the channel delivers", "the loop runs",
// "sc.Scan() is true"), or returns "". Such a loop is a range over a channel, a for
// statement without a condition, or one whose condition is a call (for sc.Scan(),
// for rows.Next()): its deferred calls, and all they keep, pile up for as long as
// input comes, which no bound in the code limits.
func inputBound(pass *analysis.Pass, loop ast.Stmt) string {
	switch l := loop.(type) {
	case *ast.RangeStmt:
		if rangesOverChannel(pass.TypesInfo, l) {
			return "the channel delivers"
		}
	case *ast.ForStmt:
		if l.Cond == nil {
			return "the loop runs"
		}
		if isFunctionCall(pass.TypesInfo, l.Cond) {
			if cond := edit.Render(pass.Fset, l.Cond, ""); cond != "" && len(cond) <= 40 {
				return cond + " is true"
			}
			return "its condition holds"
		}
	}
	return ""
}

// contextPerElement reports whether the deferred call is a context's cancel func
// (cancel, or a literal calling only it) in a loop whose pile of contexts the data
// bounds: the loop walks a collection (see walksCollection), and either every loop
// around it in the function walks one too, or every context the iteration makes
// with that cancel func has a timeout or a deadline (see deadlineOnly). A context
// is memory, not a descriptor: a child registered with its parent until cancelled.
// One per element of a collection the program holds (a peer of its configuration,
// a wait strategy) costs in proportion to what it already holds, like any handle per
// element (see keptFresh), and is released when the function returns. An outer loop
// that retries the walk (a health check over the configured URLs until a timeout)
// would pile up a collection's worth per round, unless each context frees itself
// at its deadline, which bounds the pile by the time as well.
func contextPerElement(info *types.Info, loop ast.Stmt, outer []ast.Stmt, region *ast.BlockStmt, call *ast.CallExpr) bool {
	v := cancelFunc(info, call)
	if v == nil || loop == nil || !walksCollection(info, loop) {
		return false
	}
	for _, l := range outer {
		if !walksCollection(info, l) {
			return deadlineOnly(info, region, v)
		}
	}
	return true
}

// timeoutsInSmallLoop reports whether the deferred call is a context's cancel func
// in a loop that repeats a small constant number of times (see loops.SmallConstant)
// and is the only loop around it, every context it makes having a timeout or a
// deadline (see deadlineOnly): the pile is bounded by the count, and each context
// frees itself at its deadline (for range 5 { ctx, cancel := context.WithTimeout(...);
// defer cancel() } in a hand-run interop program).
func timeoutsInSmallLoop(info *types.Info, d finding, region *ast.BlockStmt, call *ast.CallExpr) bool {
	v := cancelFunc(info, call)
	if v == nil || d.loop == nil || len(outerLoops(d)) > 0 {
		return false
	}
	for c := range d.cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
		if c.Node() == d.loop {
			return loops.SmallConstant(info, c) && deadlineOnly(info, region, v)
		}
	}
	return false
}

// fewRounds is the largest constant count of a loop whose defers pile up no
// more than straight-line code would: a function that opens a handful of files
// or readers one after another, deferring each Close, holds as many until it
// returns, which is ordinary Go that no reviewer trims, and a handful of
// descriptors or contexts is far below any limit. The bound is kept at the size
// of such a hand-written sequence (the levels of a directory tree walked to a
// leaf, the retries of a request); a larger constant is a batch whose size the
// author picked for throughput, and its pile grows with it.
const fewRounds = 8

// inFewRounds reports whether the defer repeats through a loop whose header fixes
// its count at no more than fewRounds (for range 4, for depth := 0; depth <= 3;
// depth++; see loops.ConstantCount; or a range over a composite literal of that
// many elements, see literalCount), or whose count is a parameter that every call
// of its unexported function fixes at no more than that (sntpDrift(ntpChecks)
// around for i := 0; i < measurements+2; i++; see loops.CallerFixedCount: the
// package writes the count out at each call instead of in the header), with no
// loop around it: whatever each
// round holds, the pile is bounded by the count, as in straight-line code (see
// fewRounds). Its only consequence is the delay, reported with
// -deferloop.delayed. A count the input sets, or a condition, is not bounded.
func inFewRounds(info *types.Info, d finding) bool {
	if d.loop == nil || len(outerLoops(d)) > 0 {
		return false
	}
	if n, ok := literalCount(info, d.loop); ok {
		return n <= fewRounds
	}
	for c := range d.cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
		if c.Node() == d.loop {
			n, ok := loops.ConstantCount(info, c)
			if !ok {
				n, ok = loops.CallerFixedCount(info, c)
			}
			return ok && n <= fewRounds
		}
	}
	return false
}

// literalCount returns how many elements a range over a composite literal
// visits, when the literal writes them out: an array literal's length (its type
// has it), a slice literal without keys, or a map literal's entries (an upper
// bound: keys that are not constants may coincide). The code fixes such a count
// as surely as for range 3 does (for name, write := range map[string]func(){a:
// ..., b: ..., c: ...}). ok is false for any other loop.
func literalCount(info *types.Info, loop ast.Stmt) (n int64, ok bool) {
	r, isRange := loop.(*ast.RangeStmt)
	if !isRange {
		return 0, false
	}
	lit, isLit := ast.Unparen(r.X).(*ast.CompositeLit)
	if !isLit {
		return 0, false
	}
	t := info.TypeOf(lit)
	if t == nil {
		return 0, false
	}
	switch u := t.Underlying().(type) {
	case *types.Array:
		return u.Len(), true
	case *types.Map:
		return int64(len(lit.Elts)), true
	case *types.Slice:
		for _, elt := range lit.Elts {
			if _, keyed := elt.(*ast.KeyValueExpr); keyed {
				return 0, false // []T{9: x}: ten elements, not one
			}
		}
		return int64(len(lit.Elts)), true
	}
	return 0, false
}

// cancelFunc returns the variable of a deferred call cancel() whose type is
// context.CancelFunc or CancelCauseFunc, or nil.
func cancelFunc(info *types.Info, call *ast.CallExpr) *types.Var {
	fun, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Uses[fun].(*types.Var)
	if !ok || !knowledge.IsType(v.Type(), "context", "CancelFunc", "CancelCauseFunc") {
		return nil
	}
	return v
}

// outerLoops returns the for and range statements of the function around the loop
// the defer repeats through, innermost first.
func outerLoops(d finding) []ast.Stmt {
	enclosing := loops.Enclosing(d.cur)
	for i, l := range enclosing {
		if l == d.loop {
			return enclosing[i+1:]
		}
	}
	return nil
}

// deadlineOnly reports whether region assigns the cancel func v, outside function
// literals, and only from context.WithTimeout, WithDeadline or their Cause forms: each
// of its contexts is cancelled by its own timer when the time is up, deferred
// cancel or not.
func deadlineOnly(info *types.Info, region *ast.BlockStmt, v *types.Var) bool {
	assigned, other := false, false
	ast.Inspect(region, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if !isVar(info, lhs, v) {
					continue
				}
				assigned = true
				other = other || !madeWithDeadline(info, n)
			}
		}
		return !other
	})
	return assigned && !other
}

// madeWithDeadline reports whether the assignment's one value is a call of
// context.WithTimeout, WithDeadline or their Cause forms.
func madeWithDeadline(info *types.Info, a *ast.AssignStmt) bool {
	if len(a.Rhs) != 1 {
		return false
	}
	call, ok := ast.Unparen(a.Rhs[0]).(*ast.CallExpr)
	return ok && knowledge.IsFunc(typeutil.Callee(info, call), "context",
		"WithTimeout", "WithDeadline", "WithTimeoutCause", "WithDeadlineCause")
}
