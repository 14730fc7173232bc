package obligation

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/deferlint/deferlint/internal/flow"
)

// A counted loop is a for loop whose counter is declared by its init statement,
// changed by its post statement alone (i++ or i--) and compared by its condition
// with a bound that nothing changes: for i := 0; i < n; i++, with n a constant
// or a fixed local. In each iteration a test of the counter against the bound
// shifted by one step (i+1 < n, i < n-1, i == n-1, i+1 >= n) says whether the
// condition will hold after the post statement: whether the loop goes round
// again. A path that learnt it will not does not come back to the body. A retry
// keeps the last attempt's response to return it and closes the others: `if
// err == nil && i+1 < maxRetries { resp.Body.Close() }` leaves the body open
// only in the iteration that ends the loop (Prow's Jenkins client, measurement
// 37). The search learns only tests of the counter and the same bound (the same
// local, or constants) whose step matches exactly: a guard one step off (i+2 <
// n) says nothing about the next iteration.

// maxLoops bounds the counted loops a search follows: each may double the states
// a path can be in, and a function has a retry loop or two.
const maxLoops = 4

// countedLoop is a counted loop: after its post statement, its condition holds
// while counter*step < bound (step is +1 for i++ and -1 for i--; for i--, the
// condition i > lo reads -i < -lo).
type countedLoop struct {
	stmt    *ast.ForStmt
	counter *types.Var
	bound   linear // the condition's bound, in the normal form counter*step < bound
	step    int64
}

// linear is base + offset: a local variable of the function plus an integer
// constant, or a constant alone (base nil).
type linear struct {
	base   *types.Var
	offset constant.Value
}

// withCountedLoops returns set extended with the counted loops of body whose body
// some condition of conds tests for the last iteration, and the mask of their
// indices, which the search learns (see withFixed).
func (set boolFlagSet) withCountedLoops(info *types.Info, body *ast.BlockStmt, conds map[ast.Expr]ast.Stmt) (boolFlagSet, flagValues) {
	var learnable flagValues
	var changed map[*types.Var]bool // computed on the first loop that needs it
	changes := func(v *types.Var) bool {
		if changed == nil {
			changed = changedVars(info, body)
		}
		return changed[v]
	}
	added := 0
	ast.Inspect(body, func(n ast.Node) bool {
		if _, lit := n.(*ast.FuncLit); lit {
			return false
		}
		fs, ok := n.(*ast.ForStmt)
		if !ok || added == maxLoops {
			return true
		}
		loop, ok := countingShape(info, fs)
		if !ok {
			return true
		}
		last, bound := testsLastIteration(info, loop, conds), testsBound(info, loop, conds)
		if !last && !bound || !loop.fixed(info, body, changes) {
			return true
		}
		if last {
			set = append(set, flag{loop: loop})
			learnable |= 1 << (2 * (len(set) - 1))
		}
		if bound {
			set = append(set, flag{loop: loop, inBounds: true})
			learnable |= 1 << (2 * (len(set) - 1))
		}
		added++
		return true
	})
	return set, learnable
}

// countedLoopOf reads fs as a counted loop of the function whose body is body;
// changes says whether the body changes a variable other than by its declaration.
func countedLoopOf(info *types.Info, fs *ast.ForStmt, body *ast.BlockStmt, changes func(*types.Var) bool) (*countedLoop, bool) {
	loop, ok := countingShape(info, fs)
	return loop, ok && loop.fixed(info, body, changes)
}

// countingShape reads the clauses of fs as a counted loop's (for i := a; i < n;
// i++), without asking whether anything else changes its counter or bound.
func countingShape(info *types.Info, fs *ast.ForStmt) (*countedLoop, bool) {
	post, ok := fs.Post.(*ast.IncDecStmt)
	if !ok {
		return nil, false
	}
	var counter *types.Var
	switch init := fs.Init.(type) {
	case nil: // i := 0; for ; i < n; i++: the counter outlives the loop
		id, ok := ast.Unparen(post.X).(*ast.Ident)
		if !ok {
			return nil, false
		}
		counter, _ = info.Uses[id].(*types.Var)
	case *ast.AssignStmt:
		if init.Tok != token.DEFINE || len(init.Lhs) != 1 {
			return nil, false
		}
		if id, ok := init.Lhs[0].(*ast.Ident); ok {
			counter, _ = info.Defs[id].(*types.Var)
		}
	}
	if counter == nil || counter.IsField() || !isInteger(counter.Type()) || !isVarIdent(info, post.X, counter) {
		return nil, false
	}
	step := int64(1)
	if post.Tok == token.DEC {
		step = -1
	}
	cond, ok := fs.Cond.(*ast.BinaryExpr)
	if !ok {
		return nil, false
	}
	op, bound, ok := normalComparison(info, cond, counter, step)
	if !ok {
		return nil, false
	}
	// counter*step <= b is counter*step < b+1: keep one form.
	switch op {
	case token.LSS:
	case token.LEQ:
		bound.offset = constant.BinaryOp(bound.offset, token.ADD, constant.MakeInt64(1))
	default:
		return nil, false
	}
	return &countedLoop{stmt: fs, counter: counter, bound: bound, step: step}, true
}

// fixed reports whether only the post statement changes the loop's counter and
// nothing changes its bound: a constant, or a local of the function (not one of
// an enclosing function, nor a package-level variable, which another goroutine
// may change) that the body never assigns.
func (loop *countedLoop) fixed(info *types.Info, body *ast.BlockStmt, changes func(*types.Var) bool) bool {
	if b := loop.bound.base; b != nil && (!flow.DeclaredIn(b, body) || changes(b)) {
		return false
	}
	if !flow.DeclaredIn(loop.counter, body) {
		return false
	}
	return !changedVars(info, loop.stmt.Body)[loop.counter]
}

// testsLastIteration reports whether a condition of conds inside loop's body
// tests for its last iteration.
func testsLastIteration(info *types.Info, loop *countedLoop, conds map[ast.Expr]ast.Stmt) bool {
	for cond := range conds {
		if cond.Pos() < loop.stmt.Body.Pos() || cond.End() > loop.stmt.Body.End() {
			continue
		}
		found := false
		ast.Inspect(cond, func(n ast.Node) bool {
			if e, ok := n.(*ast.BinaryExpr); ok {
				if _, ok := loop.goesRoundIf(info, e); ok {
					found = true
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// testsBound reports whether a condition of conds other than the loop's own
// compares the counter with the loop's bound itself (i == n, i >= n, i < n), as a
// test after a break does: a loop left by break has not passed its post
// statement, so its condition still holds (cometbft's tempfile, measurement 41:
// if i == max { return errors.New("no attempt created the file") }).
func testsBound(info *types.Info, loop *countedLoop, conds map[ast.Expr]ast.Stmt) bool {
	for cond := range conds {
		if cond == loop.stmt.Cond {
			continue
		}
		found := false
		ast.Inspect(cond, func(n ast.Node) bool {
			if e, ok := n.(*ast.BinaryExpr); ok {
				if _, _, ok := loop.inBoundsIf(info, e); ok {
					found = true
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// inBoundsIf reads e as a comparison of the counter with the loop's bound: when
// the loop's condition holds (c < B), ifIn is e's value; when it does not (c >=
// B), ifOut is, where known (known says so).
func (loop *countedLoop) inBoundsIf(info *types.Info, e *ast.BinaryExpr) (ifIn bool, ifOut knownBool, ok bool) {
	op, bound, ok := normalComparison(info, e, loop.counter, loop.step)
	if !ok || bound.base != loop.bound.base {
		return false, knownBool{}, false
	}
	below := constant.BinaryOp(loop.bound.offset, token.SUB, constant.MakeInt64(1))
	at := constant.Compare(bound.offset, token.EQL, loop.bound.offset)
	atBelow := constant.Compare(bound.offset, token.EQL, below)
	switch {
	case op == token.LSS && at: // c < B
		return true, knownBool{false, true}, true
	case op == token.GEQ && at: // c >= B
		return false, knownBool{true, true}, true
	case op == token.LEQ && atBelow: // c <= B-1
		return true, knownBool{false, true}, true
	case op == token.GTR && atBelow: // c > B-1
		return false, knownBool{true, true}, true
	case op == token.EQL && at: // c == B
		return false, knownBool{}, true
	case op == token.NEQ && at: // c != B
		return true, knownBool{}, true
	}
	return false, knownBool{}, false
}

// knownBool is a boolean that may be unknown.
type knownBool struct{ value, known bool }

// goesRoundIf reads e, a comparison in the loop's body, as a test for the next
// iteration: again says whether the loop goes round again when e is true (i+1 <
// n: yes; i == n-1: no).
func (loop *countedLoop) goesRoundIf(info *types.Info, e *ast.BinaryExpr) (again, ok bool) {
	if e.Pos() < loop.stmt.Body.Pos() || e.End() > loop.stmt.Body.End() {
		return false, false
	}
	op, bound, ok := normalComparison(info, e, loop.counter, loop.step)
	if !ok || bound.base != loop.bound.base {
		return false, false
	}
	// In the body, c < B holds (c is counter*step, B the loop's bound); the loop
	// goes round again when c+1 < B, that is c < B-1.
	last := constant.BinaryOp(loop.bound.offset, token.SUB, constant.MakeInt64(1))
	switch op {
	case token.LSS, token.NEQ: // c < B-1; c != B-1, which with c < B is the same
		return true, constant.Compare(bound.offset, token.EQL, last)
	case token.LEQ: // c <= B-2
		return true, constant.Compare(constant.BinaryOp(bound.offset, token.ADD, constant.MakeInt64(1)), token.EQL, last)
	case token.GEQ, token.EQL: // c >= B-1; c == B-1
		return false, constant.Compare(bound.offset, token.EQL, last)
	case token.GTR: // c > B-2
		return false, constant.Compare(constant.BinaryOp(bound.offset, token.ADD, constant.MakeInt64(1)), token.EQL, last)
	}
	return false, false
}

// normalComparison reads e, an integer comparison with counter on one side, as
// counter*step op bound: the side without the counter less the counter's side's
// constant, negated for step -1, with op turned to match.
func normalComparison(info *types.Info, e *ast.BinaryExpr, counter *types.Var, step int64) (token.Token, linear, bool) {
	op := e.Op
	x, y := e.X, e.Y
	cx, okx := linearOf(info, x)
	cy, oky := linearOf(info, y)
	if !okx || !oky {
		return 0, linear{}, false
	}
	if cy.base == counter {
		cx, cy, op = cy, cx, mirror(op)
	}
	if cx.base != counter || cy.base == counter {
		return 0, linear{}, false
	}
	// counter + k op b + m  is  counter op b + (m - k)
	bound := linear{cy.base, constant.BinaryOp(cy.offset, token.SUB, cx.offset)}
	if step < 0 {
		// -counter mirror(op) -(b + m - k): the base stays as a name, so only
		// its sign changes, which both sides of every comparison share.
		bound.offset = constant.UnaryOp(token.SUB, bound.offset, 0)
		op = mirror(op)
	}
	switch op {
	case token.LSS, token.LEQ, token.GTR, token.GEQ, token.EQL, token.NEQ:
		return op, bound, true
	}
	return 0, linear{}, false
}

// mirror returns the operator that compares the same operands swapped.
func mirror(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GTR
	case token.GTR:
		return token.LSS
	case token.LEQ:
		return token.GEQ
	case token.GEQ:
		return token.LEQ
	}
	return op
}

// linearOf reads e as a local variable plus or minus an integer constant, or an
// integer constant.
func linearOf(info *types.Info, e ast.Expr) (linear, bool) {
	e = ast.Unparen(e)
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() != constant.Int {
			return linear{}, false
		}
		return linear{offset: tv.Value}, true
	}
	switch e := e.(type) {
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok || v.IsField() || !isInteger(v.Type()) {
			return linear{}, false
		}
		return linear{base: v, offset: constant.MakeInt64(0)}, true
	case *ast.BinaryExpr:
		if e.Op != token.ADD && e.Op != token.SUB {
			return linear{}, false
		}
		x, okx := linearOf(info, e.X)
		y, oky := linearOf(info, e.Y)
		if !okx || !oky || y.base != nil && (e.Op == token.SUB || x.base != nil) {
			return linear{}, false
		}
		if y.base != nil { // k + v
			x, y = y, x
		}
		return linear{x.base, constant.BinaryOp(x.offset, e.Op, y.offset)}, true
	}
	return linear{}, false
}

func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

func isVarIdent(info *types.Info, e ast.Expr, v *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && info.Uses[id] == v
}

// loopAnswer returns what the path knows of e from the counted loops: the loop's
// own condition, or a test of its next iteration, each answered by whether the
// loop goes round again. Like value, it answers an == or != with whether its
// operands are equal, any other comparison with whether it holds.
func (set boolFlagSet) loopAnswer(info *types.Info, e *ast.BinaryExpr, known flagValues) (value, ok bool) {
	for j, f := range set {
		if f.loop == nil || !known.isKnown(j) {
			continue
		}
		if f.inBounds {
			in := known&(1<<(2*j+1)) != 0
			if ifIn, ifOut, ok := f.loop.inBoundsIf(info, e); ok && (in || ifOut.known) {
				holds := ifIn
				if !in {
					holds = ifOut.value
				}
				return holds != (e.Op == token.NEQ), true
			}
			continue
		}
		again := known&(1<<(2*j+1)) != 0
		if ast.Unparen(f.loop.stmt.Cond) == e {
			return again, true
		}
		if ifTrue, ok := f.loop.goesRoundIf(info, e); ok {
			holds := again == ifTrue
			return holds != (e.Op == token.NEQ), true
		}
	}
	return false, false
}

// learnLoop returns known with what e having the value truth says of the
// counted loops: a test of the next iteration sets the loop's answer; the
// loop's condition, once passed, forgets it (the next iteration asks anew).
func (set boolFlagSet) learnLoop(info *types.Info, e *ast.BinaryExpr, truth bool, known, learnable flagValues) (flagValues, bool) {
	learnt := false
	for j, f := range set {
		if f.loop == nil || !learnable.isKnown(j) {
			continue
		}
		switch {
		case ast.Unparen(f.loop.stmt.Cond) == e && f.inBounds:
			known, learnt = known.set(j, truth), true
		case ast.Unparen(f.loop.stmt.Cond) == e:
			known, learnt = known.forget(j), true
		case f.inBounds:
		default:
			if ifTrue, ok := f.loop.goesRoundIf(info, e); ok {
				return known.set(j, truth == ifTrue), true
			}
		}
	}
	return known, learnt
}

// movesCounter reports whether n changes the loop's counter: its post statement,
// or any assignment or increment of it (after the loop, where the counter of a
// loop without init lives on).
func (loop *countedLoop) movesCounter(info *types.Info, n ast.Node) bool {
	if n == loop.stmt.Post {
		return true
	}
	if inc, ok := n.(*ast.IncDecStmt); ok {
		return isVarIdent(info, inc.X, loop.counter)
	}
	return assigns(info, n, loop.counter)
}

// learnLoopEntry returns known with what a path that starts in the body of fs
// knows of its counted loop: its condition held when the iteration began, and
// only the post statement moves the counter.
func (set boolFlagSet) learnLoopEntry(info *types.Info, fs *ast.ForStmt, known, learnable flagValues) flagValues {
	for j, f := range set {
		if f.loop != nil && f.inBounds && f.loop.stmt == fs && learnable.isKnown(j) {
			known = known.set(j, true)
		}
	}
	return known
}
