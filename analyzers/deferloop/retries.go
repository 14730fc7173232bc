package deferloop

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

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
//     retryAttempts-- with err != nil && retryAttempts > 0), or by a condition
//     on every path from the defer to its next run (see reachesAgainUntested).
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
	if !comesRound(g.ReachWithout(d.stmt.Pos(), tests)) {
		return true
	}
	return !reachesAgainUntested(info, g, d.stmt, counters)
}

// reachesAgainUntested reports whether some path from the defer runs it again
// without reading one of counters in a condition, leaving out the paths that a
// variable still nil rules out. Only a run of the defer adds to the pile, so a
// test between two runs of it bounds the pile as well as one on the way back
// round, even when the loop comes round without one (a pick loop, for chal ==
// nil && next < len(types) { chal = pick(types[next]); next++ }, then if chal ==
// nil { return }: an iteration that comes round past the failure continue and
// reaches the defer again has passed next < len(types)).
//
// The paths left out are those on which a variable declared in the loop without
// a value (var chal *T), and not mentioned since, takes the branch of a test
// saying it is not nil (chal == nil false, chal != nil true): its zero value is
// nil, so the branch cannot run. Any other mention of the variable (an
// assignment, its address, a call it is passed to, a literal capturing it) ends
// that knowledge. The knowledge also tells which parts of a condition run: in
// chal == nil && next < len(kinds), next is read whenever chal is still nil.
func reachesAgainUntested(info *types.Info, g *flow.Graph, deferStmt ast.Stmt, counters []*types.Var) bool {
	start, index := g.Find(deferStmt)
	if start == nil {
		return true
	}
	seen := make(map[*cfg.Block][]map[*types.Var]bool)
	visited := func(b *cfg.Block, known map[*types.Var]bool) bool {
		for _, k := range seen[b] {
			if subsetOf(k, known) {
				return true // a path knowing less has already been followed
			}
		}
		seen[b] = append(seen[b], known)
		return false
	}
	// walk follows b from node i with the variables in known still nil; it
	// reports whether it runs the defer again untested.
	var walk func(b *cfg.Block, i int, known map[*types.Var]bool) bool
	walk = func(b *cfg.Block, i int, known map[*types.Var]bool) bool {
		for ; i < len(b.Nodes); i++ {
			n := b.Nodes[i]
			if n == ast.Node(deferStmt) {
				return true
			}
			if e, isExpr := n.(ast.Expr); isExpr && surelyReads(info, e, known, counters) {
				return false
			}
			known = updateNil(info, n, known)
		}
		for k, s := range b.Succs {
			if !feasible(info, b, k, known) || visited(s, known) {
				continue
			}
			if walk(s, 0, known) {
				return true
			}
		}
		return false
	}
	return walk(start, index+1, nil)
}

// subsetOf reports whether every variable in a is in b.
func subsetOf(a, b map[*types.Var]bool) bool {
	for v := range a {
		if !b[v] {
			return false
		}
	}
	return true
}

// updateNil returns the variables still known nil after the node n: n's
// declarations without values of variables of a type whose zero value is nil
// join them, and a variable n mentions otherwise than comparing it with nil
// leaves them. It copies known rather than change it.
func updateNil(info *types.Info, n ast.Node, known map[*types.Var]bool) map[*types.Var]bool {
	if _, _, ok := nilTest(info, n); ok {
		return known
	}
	out := make(map[*types.Var]bool, len(known))
	for v := range known {
		if !flow.Mentions(info, n, v) {
			out[v] = true
		}
	}
	if vs, ok := n.(*ast.ValueSpec); ok && len(vs.Values) == 0 { // the graph's node for var x T
		for _, id := range vs.Names {
			if v, ok := info.Defs[id].(*types.Var); ok && zeroIsNil(v.Type()) {
				out[v] = true
			}
		}
	}
	return out
}

// surelyReads reports whether evaluating the condition e reads one of counters
// whatever the values of what it does not know, the variables in known being
// nil: x reads it when it mentions one, and a && b or a || b reads it when a
// does, or when a's known value lets b run and b does.
func surelyReads(info *types.Info, e ast.Expr, known map[*types.Var]bool, counters []*types.Var) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			return surelyReads(info, e.X, known, counters)
		}
	case *ast.BinaryExpr:
		if e.Op == token.LAND || e.Op == token.LOR {
			if surelyReads(info, e.X, known, counters) {
				return true
			}
			value, isKnown := nilValue(info, e.X, known)
			return isKnown && value == (e.Op == token.LAND) && surelyReads(info, e.Y, known, counters)
		}
	}
	return mentionsAny(info, e, counters)
}

// nilValue returns the value of the condition e when it is known from the
// variables in known being nil: a comparison of one with nil, through !, && and ||.
func nilValue(info *types.Info, e ast.Expr, known map[*types.Var]bool) (value, isKnown bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			value, isKnown = nilValue(info, e.X, known)
			return !value, isKnown
		}
	case *ast.BinaryExpr:
		if e.Op == token.LAND || e.Op == token.LOR {
			x, xKnown := nilValue(info, e.X, known)
			y, yKnown := nilValue(info, e.Y, known)
			decides := e.Op == token.LOR // true decides ||, false decides &&
			switch {
			case xKnown && x == decides, yKnown && y == decides:
				return decides, true
			case xKnown && yKnown:
				return !decides, true
			}
			return false, false
		}
		if v, trueWhenNil, ok := nilTest(info, e); ok && known[v] {
			return trueWhenNil, true
		}
	}
	return false, false
}

// zeroIsNil reports whether the zero value of t is nil.
func zeroIsNil(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Interface, *types.Map, *types.Slice, *types.Signature, *types.Chan:
		return true
	}
	return false
}

// nilTest reports whether n is a comparison of a variable with nil (v == nil,
// v != nil, either way round), returning the variable and whether the
// comparison holds when it is nil.
func nilTest(info *types.Info, n ast.Node) (v *types.Var, trueWhenNil, ok bool) {
	e, isBinary := n.(*ast.BinaryExpr)
	if !isBinary {
		return nil, false, false
	}
	x, equal, compared := flow.ComparedWithNil(info, e)
	if !compared {
		return nil, false, false
	}
	id, isIdent := ast.Unparen(x).(*ast.Ident)
	if !isIdent {
		return nil, false, false
	}
	v, isVar := info.Uses[id].(*types.Var)
	return v, equal, isVar
}

// feasible reports whether the k-th successor of b can run when the variables
// in known are nil: not when b ends with a condition whose value that decides
// (chal == nil, chal != nil && ok) and the k-th successor is the other branch (a
// block ending in a condition has its true successor first, then its false one).
func feasible(info *types.Info, b *cfg.Block, k int, known map[*types.Var]bool) bool {
	if len(b.Succs) != 2 || len(b.Nodes) == 0 {
		return true
	}
	cond, isExpr := b.Nodes[len(b.Nodes)-1].(ast.Expr)
	if !isExpr {
		return true
	}
	value, isKnown := nilValue(info, cond, known)
	return !isKnown || value == (k == 0)
}

// failureBlocks returns the live blocks of g entered only when an attempt failed
// (see failsWhen): the then branch of an if whose condition holds only on
// failure (if err != nil, if err != nil && n > 0, if shouldRetry(err, n)), its
// else branch when the condition fails only on failure (if err == nil), and, for
// an if without else whose then branch never falls through (if err == nil {
// return resp }), the statements after it. A switch with no tag is a chain of
// such ifs (see switchFailures).
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
			failure[b] = s.Else == nil && failsWhen(info, s.Cond, false) && onlyFromConditions(preds[b], []ast.Expr{s.Cond})
		}
	}
	switchFailures(info, g, preds, failure)
	return failure
}

// switchFailures adds to failure the blocks of g's switch statements entered
// only when an attempt failed. A switch tests its cases' expressions in turn, as
// a chain of ifs: a case's body is entered on failure when every expression of
// the case holds only on failure and nothing falls through into it (switch {
// case err != nil: continue }), and the test of the next case, the default or
// the statements after the switch are reached past an expression that fails
// only on failure (switch { case err == nil: return nil; case !retryable(err):
// return err }: the loop comes round past err == nil, false). A switch on an
// error compares it with each case (see caseFailsWhen); one on another tag is not
// read.
func switchFailures(info *types.Info, g *flow.Graph, preds map[*cfg.Block][]*cfg.Block, failure map[*cfg.Block]bool) {
	tags := make(map[*ast.CaseClause]ast.Expr) // the tag of each case's switch, nil for none
	for _, b := range g.CFG.Blocks {
		if s, ok := b.Stmt.(*ast.SwitchStmt); ok && b.Kind == cfg.KindSwitchDone && (s.Tag == nil || isError(info, s.Tag)) {
			for _, clause := range s.Body.List {
				tags[clause.(*ast.CaseClause)] = s.Tag
			}
		}
	}
	for _, b := range g.CFG.Blocks {
		cc, ok := b.Stmt.(*ast.CaseClause)
		if !ok || !b.Live {
			continue
		}
		tag, read := tags[cc]
		if !read {
			continue
		}
		switch b.Kind {
		case cfg.KindSwitchCaseBody:
			failure[b] = len(cc.List) > 0 && onlyFromConditions(preds[b], cc.List) &&
				!slices.ContainsFunc(cc.List, func(e ast.Expr) bool { return !caseFailsWhen(info, tag, e, true) })
		case cfg.KindSwitchNextCase:
			// Entered from the block that tests one of cc's expressions, when it is false.
			if p := preds[b]; len(p) == 1 && len(p[0].Nodes) > 0 {
				e, isExpr := p[0].Nodes[len(p[0].Nodes)-1].(ast.Expr)
				failure[b] = isExpr && caseFailsWhen(info, tag, e, false)
			}
		}
	}
}

// caseFailsWhen reports whether the test of a case's expression e, in a switch
// on tag (nil for none), has the value outcome only when an attempt failed: e
// itself with no tag (see failsWhen); with an error for tag, tag == e, which
// fails only on failure when e is nil (switch err { case nil: return }) and
// holds only on failure when e is not (case ErrThrottled: continue), by the
// convention that a nil error is success.
func caseFailsWhen(info *types.Info, tag, e ast.Expr, outcome bool) bool {
	if tag == nil {
		return failsWhen(info, e, outcome)
	}
	return outcome != flow.IsNil(info, e)
}

// onlyFromConditions reports whether every block in preds ends with one of the
// expressions conds: the block after an if entered only when its condition is
// false, its then branch never falling through, or a case's body entered only by
// its own tests, with no fallthrough from the case before.
func onlyFromConditions(preds []*cfg.Block, conds []ast.Expr) bool {
	for _, p := range preds {
		if len(p.Nodes) == 0 {
			return false
		}
		last, isExpr := p.Nodes[len(p.Nodes)-1].(ast.Expr)
		if !isExpr || !slices.Contains(conds, last) {
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
