package unclosed

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/resources"
	"golang.org/x/tools/go/cfg"
)

// tracked is one resource held in a local variable after an acquiring statement.
type tracked struct {
	stmt   ast.Node   // the acquiring statement: *ast.AssignStmt or *ast.ValueSpec
	v      *types.Var // the variable holding the resource
	err    *types.Var // the error that came with it, or nil
	flag   *types.Var // the bool that came with it (f, ok := get()), or nil: false when there is no resource
	other  *types.Var // any other last result (a byte, a count), or nil: its tests are not understood
	kind   *resources.Kind
	named  bool                  // v is a named result: a bare return hands it on
	handed []token.Pos           // positions of uses that release it or hand it on
	guards map[ast.Expr]bool     // conditions of ifs whose branch releases it and goes on (see findGuards)
	conds  map[ast.Expr]ast.Stmt // the branch conditions of the function (if, for, tagless case), with the if's init
	info   *types.Info
	tr     *resources.Tracker
	// again is set by leakPath when a path comes back to the acquisition while
	// the resource is held: the loop around it leaks one per iteration.
	again bool
	// leaks holds every return that leakPath found reached with the resource held.
	leaks []*ast.ReturnStmt
	// dropped is the first node (in source order) that leakPath found reached with
	// the resource held where the variable takes a new value: the acquisition
	// itself, come round again in a loop, or another assignment to the variable.
	// The old resource can no longer be released there.
	dropped ast.Node
	// scanErrs holds the variables that receive the error of v.Scan or v.Values, for
	// kinds whose failed Scan releases the resource (pgx): err != nil on them ends
	// the path.
	scanErrs map[*types.Var]bool
}

// leakPath returns the first return statement (in source order) that some path from
// the acquisition reaches while the resource is still held, or nil. A path ends
// without a leak when it passes a node that releases or hands on the resource
// (including a defer that does), when it takes the branch of a condition on which
// the resource is absent (the paired error is non-nil, or the variable is nil), or
// when it leaves a `for v.Next()` loop of a kind whose Next releases it. The pairing
// with the error ends where the error variable is assigned again.
func (r *tracked) leakPath(g *flow.Graph) *ast.ReturnStmt {
	start, index := g.Find(r.stmt)
	if start == nil {
		return nil
	}
	type state struct {
		b       *cfg.Block
		errLive bool
	}
	var found *ast.ReturnStmt
	visited := make(map[state]bool)
	var walk func(b *cfg.Block, nodes []ast.Node, errLive bool)
	walk = func(b *cfg.Block, nodes []ast.Node, errLive bool) {
		follow := []bool{true, true}
		for i, n := range nodes {
			if n == r.stmt {
				r.again = true // round a loop to the acquisition, still held: each iteration leaks one
				r.drop(n)
				return
			}
			if r.reassigns(n) {
				r.drop(n) // resp, err = c.Get(next): the old response is out of reach
				return
			}
			if r.handedIn(n) {
				return
			}
			if ret, ok := n.(*ast.ReturnStmt); ok && r.named && len(ret.Results) == 0 {
				return // a bare return hands on the named result
			}
			if errLive && r.pair() != nil && assigns(r.info, n, r.pair()) {
				errLive = false
			}
			if r.assertsAbsent(n, errLive) {
				return // requireTrue(t, err != nil): it returns only when there is no resource
			}
			if r.marksFailed(n) {
				return // t.Errorf(...): this run fails, and its leak on the way out is no finding
			}
			if cond, ok := n.(ast.Expr); ok && i == len(nodes)-1 && len(b.Succs) == 2 {
				if r.guards[cond] && !r.testsResource(cond, errLive) {
					return // if didOpen { f.Close() }: the owner decides, the release counts
				}
				if init, isCond := r.conds[cond]; isCond {
					gone := r.eval(cond, errLive)
					if init != nil && errLive && r.err != nil && flow.Mentions(r.info, init, r.err) && !flow.Mentions(r.info, cond, r.err) {
						gone = goneIf(true) // if _, ok := err.(*T); ok: holds only for a non-nil error
					}
					follow = []bool{!gone.ifTrue, !gone.ifFalse}
					if r.tr.TestFailed(cond) {
						follow[0] = false // if t.Failed() { return }: only a failed run goes there
					}
				}
			}
		}
		if ret := b.Return(); ret != nil {
			r.leaks = append(r.leaks, ret)
			if found == nil || ret.Pos() < found.Pos() {
				found = ret
			}
			return
		}
		for i, s := range b.Succs {
			if i < len(follow) && !follow[i] {
				continue
			}
			st := state{s, errLive}
			if !visited[st] {
				visited[st] = true
				walk(s, s.Nodes, errLive)
			}
		}
	}
	walk(start, start.Nodes[index+1:], r.pair() != nil)
	return found
}

// pair returns the variable holding the acquiring call's last result, whatever its
// type, or nil.
func (r *tracked) pair() *types.Var {
	switch {
	case r.err != nil:
		return r.err
	case r.flag != nil:
		return r.flag
	}
	return r.other
}

// assertsAbsent reports whether n is a call statement that returns only when the
// resource is absent: an assertion (a function with the Asserts fact, or testify's
// require) that the paired error is non-nil (wantErr(t, err), require.Error(t,
// err)), or that a condition holds on which the resource is absent
// (requireTrue(t, err != nil), assert(t, f == nil)).
func (r *tracked) assertsAbsent(n ast.Node, errLive bool) bool {
	s, ok := n.(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := ast.Unparen(s.X).(*ast.CallExpr)
	if !ok {
		return false
	}
	for _, a := range r.tr.Assertions(call) {
		var g gone
		switch {
		case a.Error && errLive && r.isVar(a.Arg, r.err):
			g = goneIf(true) // the error is non-nil: no resource
		case !a.Error:
			g = r.eval(a.Arg, errLive)
		}
		if a.Holds && g.ifTrue || !a.Holds && g.ifFalse {
			return true
		}
	}
	return false
}

// marksFailed reports whether n is a statement calling t.Error, t.Errorf or
// t.Fail. A path through it is a failed test run: the failure is what its author
// acts on, as for t.Fatal, which ends the path too, leaving the resource as it is.
func (r *tracked) marksFailed(n ast.Node) bool {
	s, ok := n.(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := ast.Unparen(s.X).(*ast.CallExpr)
	return ok && r.tr.MarksFailed(call)
}

// findGuards records the conditions of the ifs in body, with no else, whose branch
// releases the resource and then goes on to the statement after the if: if didOpen
// { f.Close() }, if closeIt { resp.Body.Close() }. A release that comes back to the
// common path is a decision of the owner, under a state the analysis cannot see;
// a release on a branch that returns is cleanup for that exit only, and the other
// branch still holds the resource.
func (r *tracked) findGuards(body *ast.BlockStmt, released []token.Pos) {
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if n.Else == nil && r.goesOn(n.Body) && releasesWithin(n.Body, released) {
				if r.guards == nil {
					r.guards = make(map[ast.Expr]bool)
				}
				r.guards[n.Cond] = true
			}
		}
		return true
	})
}

func releasesWithin(n ast.Node, released []token.Pos) bool {
	for _, pos := range released {
		if n.Pos() <= pos && pos < n.End() {
			return true
		}
	}
	return false
}

// goesOn reports whether a block can end by going on to the statement after it:
// its last statement is no return, branch or call that never returns.
func (r *tracked) goesOn(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return true
	}
	switch last := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return false
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(last.X).(*ast.CallExpr); ok {
			return r.tr.MayReturn(call)
		}
	}
	return true
}

// testsResource reports whether cond tests the resource or an error: the variable,
// the paired result while it is paired, or any value of type error (a later err !=
// nil is a failure path, not a flag).
func (r *tracked) testsResource(cond ast.Expr, errLive bool) bool {
	if flow.Mentions(r.info, cond, r.v) || errLive && r.pair() != nil && flow.Mentions(r.info, cond, r.pair()) {
		return true
	}
	found := false
	ast.Inspect(cond, func(n ast.Node) bool {
		if e, ok := n.(ast.Expr); ok && !found {
			if tv, ok := r.info.Types[e]; ok && tv.Type != nil && !tv.IsNil() && types.Implements(tv.Type, errorType) {
				found = true
			}
		}
		return !found
	})
	return found
}

// drop records n as a place where the resource is dropped, keeping the first.
func (r *tracked) drop(n ast.Node) {
	if r.dropped == nil || n.Pos() < r.dropped.Pos() {
		r.dropped = n
	}
}

// reassigns reports whether n is an assignment of a new value to the variable
// that does not derive from it (f = wrap(f) hands the old value on; resp.Body =
// io.NopCloser(&buf), after the body was read, replaces only the field).
func (r *tracked) reassigns(n ast.Node) bool {
	as, ok := n.(*ast.AssignStmt)
	if !ok || n == r.stmt {
		return false
	}
	for _, l := range as.Lhs {
		if id, ok := ast.Unparen(l).(*ast.Ident); ok && r.info.Uses[id] == r.v {
			for _, e := range as.Rhs {
				if flow.Mentions(r.info, e, r.v) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// handedIn reports whether node n contains a use that releases or hands on the resource.
func (r *tracked) handedIn(n ast.Node) bool {
	for _, pos := range r.handed {
		if n.Pos() <= pos && pos < n.End() {
			return true
		}
	}
	return false
}

// assigns reports whether node n assigns variable v outside function literals.
func assigns(info *types.Info, n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if id, ok := l.(*ast.Ident); ok && (info.Uses[id] == v || info.Defs[id] == v) {
					found = true
				}
			}
		case *ast.UnaryExpr:
			if id, ok := n.X.(*ast.Ident); ok && n.Op == token.AND && info.Uses[id] == v {
				found = true
			}
		}
		return !found
	})
	return found
}

// gone says on which branches of a condition the resource is absent or released.
type gone struct {
	ifTrue, ifFalse bool
	soft            bool // inferred from a test of the error other than against nil
}

func goneIf(truth bool) gone { return gone{ifTrue: truth, ifFalse: !truth} }

// eval works out on which branches of cond the resource need not be released: err
// != nil (while the error is paired), !ok (while the flag is), v == nil, v.Next()
// returning false for kinds whose Next releases. A call or comparison involving the
// paired error (errors.Is(err, x), os.IsNotExist(err), err == io.EOF) is taken to
// hold only for a non-nil error; any other test of the error, the flag or another
// last result is not understood, and both branches are dropped so that nothing is
// reported from there.
func (r *tracked) eval(cond ast.Expr, errLive bool) gone {
	switch e := ast.Unparen(cond).(type) {
	case *ast.Ident:
		if errLive && r.isVar(e, r.flag) {
			return goneIf(false) // ok is false when there is no resource
		}
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			g := r.eval(e.X, errLive)
			if g.soft {
				return gone{true, true, false}
			}
			return gone{g.ifFalse, g.ifTrue, false}
		}
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND:
			x, y := r.eval(e.X, errLive), r.eval(e.Y, errLive)
			return gone{x.ifTrue || y.ifTrue, x.ifFalse && y.ifFalse, x.soft || y.soft}
		case token.LOR:
			x, y := r.eval(e.X, errLive), r.eval(e.Y, errLive)
			return gone{x.ifTrue && y.ifTrue, x.ifFalse || y.ifFalse, x.soft || y.soft}
		case token.EQL, token.NEQ:
			for _, pair := range [][2]ast.Expr{{e.X, e.Y}, {e.Y, e.X}} {
				if id, ok := ast.Unparen(pair[0]).(*ast.Ident); ok && r.scanErrs[objVar(r.info, id)] && r.isNil(pair[1]) {
					if e.Op == token.NEQ {
						return gone{true, false, false}
					}
					return gone{false, true, false}
				}
			}
			other, isErr := r.operand(e, errLive)
			if other != nil {
				isNil := r.isNil(other)
				switch {
				case isNil && (isErr == (e.Op == token.NEQ)):
					return gone{true, false, false} // err != nil, v == nil
				case isNil:
					return gone{false, true, false} // err == nil, v != nil
				case isErr && e.Op == token.EQL:
					return gone{true, false, true} // err == io.EOF
				}
			}
		}
	case *ast.CallExpr:
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok && r.kind.NextEnds && sel.Sel.Name == "Next" && r.isVar(sel.X, r.v) {
			return gone{false, true, false}
		}
		if errLive && r.err != nil {
			for _, arg := range e.Args {
				if r.isVar(arg, r.err) {
					return gone{true, false, true} // errors.Is(err, x)
				}
			}
		}
	}
	if errLive && r.pair() != nil && flow.Mentions(r.info, cond, r.pair()) {
		return gone{true, true, false}
	}
	return gone{}
}

// operand returns the other operand of a comparison of the paired error or of the
// resource variable, and whether it was the error.
func (r *tracked) operand(e *ast.BinaryExpr, errLive bool) (ast.Expr, bool) {
	for _, pair := range [][2]ast.Expr{{e.X, e.Y}, {e.Y, e.X}} {
		if errLive && r.err != nil && r.isVar(pair[0], r.err) {
			return pair[1], true
		}
		if r.isVar(pair[0], r.v) {
			return pair[1], false
		}
		// resp.Body == nil reads like resp == nil for a response.
		if sel, ok := ast.Unparen(pair[0]).(*ast.SelectorExpr); ok && r.kind.BodyOnly && sel.Sel.Name == "Body" && r.isVar(sel.X, r.v) {
			return pair[1], false
		}
	}
	return nil, false
}

func (r *tracked) isVar(e ast.Expr, v *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && v != nil && r.info.Uses[id] == v
}

func (r *tracked) isNil(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && r.info.Uses[id] == types.Universe.Lookup("nil")
}

func objVar(info *types.Info, id *ast.Ident) *types.Var {
	v, _ := info.Uses[id].(*types.Var)
	return v
}

// findScanErrs records the variables assigned the error of a Scan or Values call on
// the tracked variable: err := rows.Scan(...), vals, err := rows.Values().
func (r *tracked) findScanErrs(body *ast.BlockStmt) {
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 || len(as.Lhs) == 0 {
			return true
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || (sel.Sel.Name != "Scan" && sel.Sel.Name != "Values") || !r.isVar(sel.X, r.v) {
			return true
		}
		if id, ok := as.Lhs[len(as.Lhs)-1].(*ast.Ident); ok {
			if v, ok := r.info.ObjectOf(id).(*types.Var); ok {
				if r.scanErrs == nil {
					r.scanErrs = make(map[*types.Var]bool)
				}
				r.scanErrs[v] = true
			}
		}
		return true
	})
}
