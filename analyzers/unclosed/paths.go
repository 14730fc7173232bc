package unclosed

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/obligation"
	"github.com/deferlint/deferlint/internal/resources"
)

// tracked is one resource held in a local variable after an acquiring statement.
type tracked struct {
	stmt   ast.Node   // the acquiring statement: *ast.AssignStmt or *ast.ValueSpec
	v      *types.Var // the variable holding the resource
	err    *types.Var // the error that came with it, or nil
	flag   *types.Var // the bool that came with it (f, ok := get()), or nil: false when there is no resource
	other  *types.Var // any other last result (a byte, a count), or nil: its tests are not understood
	kind   *resources.Kind
	named  bool              // v is a named result: a bare return hands it on
	handed []token.Pos       // positions of uses that release it or hand it on
	guards map[ast.Expr]bool // conditions of ifs whose branch releases it and goes on (see findGuards)
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
	// scanErrs holds the variables that receive an error whose non-nil value
	// means the resource is released: that of v.Scan or v.Values, for kinds whose
	// failed Scan releases it (pgx), and that of v.Err(), for kinds whose non-nil
	// Err means the rows are closed (Kind.ErrEnds): err != nil on them ends the
	// path.
	scanErrs map[*types.Var]bool
	// readErrs holds the uses of an error, in the test right after the read
	// that set it, whose non-nil value means that a read of the tracked
	// response's body failed, after which net/http has closed the connection
	// (see findFailedReads): err != nil on them ends the path.
	readErrs map[*ast.Ident]bool
	// predating holds the local variables compared with the resource whose
	// value is older than it (see findPredating).
	predating map[*types.Var]bool
}

// leakPath follows every path from the acquisition (see obligation.Search.Run) and
// returns the first return statement (in source order) reached while the resource
// is still held, or nil; it records the other returns, the loop and the first drop
// in r. A path ends without a leak when it passes a node that releases or hands on
// the resource (including a defer that does), an assertion that it is absent, a
// failed test's mark, or a guarded release; when it takes the branch of a condition
// on which the resource is absent (the paired error is non-nil, or the variable is
// nil); or when it leaves a `for v.Next()` loop of a kind whose Next releases it.
func (r *tracked) leakPath(g *flow.Graph, body *ast.BlockStmt) *ast.ReturnStmt {
	p := r.search().Run(g, body)
	r.again, r.leaks, r.dropped = p.Again, p.Returns, p.Dropped
	return p.First
}

// search is the obligation search for r, with what unclosed knows about the
// paths that carry a resource.
func (r *tracked) search() *obligation.Search {
	return &obligation.Search{
		Info:    r.info,
		Acquire: r.stmt,
		Var:     r.v,
		Pair:    r.pair(),
		Named:   r.named,
		Ends:    r.ends,
		Knows:   r.knows,
	}
}

// ends reports whether node n ends a path that holds the resource: it releases or
// hands it on, asserts that it is absent, marks the test failed, or is the
// condition of a guarded release.
func (r *tracked) ends(n ast.Node, paired bool) bool {
	if cond, ok := n.(ast.Expr); ok && r.guards[cond] && !r.testsResource(cond, paired) {
		return true // if didOpen { f.Close() }: the owner decides, the release counts
	}
	return r.handedIn(n) ||
		r.assertsAbsent(n, paired) || // requireTrue(t, err != nil): it returns only when there is no resource
		r.marksFailed(n) // t.Errorf(...): this run fails, and its leak on the way out is no finding
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
func (r *tracked) assertsAbsent(n ast.Node, paired bool) bool {
	s, ok := n.(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := ast.Unparen(s.X).(*ast.CallExpr)
	if !ok {
		return false
	}
	for _, a := range r.tr.Assertions(call) {
		var g obligation.Gone
		switch {
		case a.Error && paired && r.isVar(a.Arg, r.err):
			g = obligation.GoneIf(true) // the error is non-nil: no resource
		case !a.Error:
			g = r.search().Eval(a.Arg, paired)
		}
		if a.Holds && g.IfTrue || !a.Holds && g.IfFalse {
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
func (r *tracked) testsResource(cond ast.Expr, paired bool) bool {
	if flow.Mentions(r.info, cond, r.v) || paired && r.pair() != nil && flow.Mentions(r.info, cond, r.pair()) {
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

// handedIn reports whether node n contains a use that releases or hands on the resource.
func (r *tracked) handedIn(n ast.Node) bool {
	for _, pos := range r.handed {
		if n.Pos() <= pos && pos < n.End() {
			return true
		}
	}
	return false
}

// knows reads the parts of a condition that the obligation search leaves to
// unclosed: err != nil on the error of a Scan that releases the rows, resp.Body
// == nil, v.Next() returning false for kinds whose Next releases, t.Failed()
// (true only for a failed run). A call or comparison involving the paired error
// (errors.Is(err, x), os.IsNotExist(err), err == io.EOF) is taken to hold only for
// a non-nil error; any other test of the error, the flag or another last result
// is not understood, and both branches are dropped so that nothing is reported
// from there.
func (r *tracked) knows(cond ast.Expr, paired bool) obligation.Gone {
	switch e := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		if e.Op == token.EQL || e.Op == token.NEQ {
			if g, ok := r.comparison(e, paired); ok {
				return g
			}
		}
	case *ast.CallExpr:
		if r.tr.TestFailed(e) {
			return obligation.GoneIf(true) // if t.Failed() { return }: only a failed run goes there
		}
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok && r.kind.NextEnds && sel.Sel.Name == "Next" && r.isVar(sel.X, r.v) {
			return obligation.GoneIf(false)
		}
		if paired && r.err != nil {
			for _, arg := range e.Args {
				if r.isVar(arg, r.err) {
					return obligation.Gone{IfTrue: true, Soft: true} // errors.Is(err, x)
				}
			}
		}
	}
	if paired && r.pair() != nil && flow.Mentions(r.info, cond, r.pair()) {
		return obligation.Gone{IfTrue: true, IfFalse: true}
	}
	return obligation.Gone{}
}

// comparison reads a comparison that the search does not: a Scan error, the
// error of a failed read of the body, or resp.Body against nil, the paired error against a value (err == io.EOF).
func (r *tracked) comparison(e *ast.BinaryExpr, paired bool) (obligation.Gone, bool) {
	for _, pair := range [][2]ast.Expr{{e.X, e.Y}, {e.Y, e.X}} {
		if id, ok := ast.Unparen(pair[0]).(*ast.Ident); ok && (r.scanErrs[objVar(r.info, id)] || r.readErrs[id]) && r.isNil(pair[1]) {
			return obligation.GoneIf(e.Op == token.NEQ), true
		}
		if call, ok := ast.Unparen(pair[0]).(*ast.CallExpr); ok && len(call.Args) == 0 && r.isNil(pair[1]) {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Err" && r.kind.ErrEnds && r.isVar(sel.X, r.v) {
				return obligation.GoneIf(e.Op == token.NEQ), true // if rows.Err() != nil
			}
		}
	}
	other, isErr := r.operand(e, paired)
	switch {
	case other == nil:
	case r.isNil(other):
		return obligation.GoneIf(isErr == (e.Op == token.NEQ)), true // resp.Body == nil
	case isErr && e.Op == token.EQL:
		return obligation.Gone{IfTrue: true, Soft: true}, true // err == io.EOF
	case !isErr && r.predates(other):
		// The branch on which the new resource would equal an older value is
		// on no path that holds it.
		return obligation.GoneIf(e.Op == token.EQL), true // f != os.Stdin
	}
	return obligation.Gone{}, false
}

// predates reports whether e holds a value from before the resource, which the
// resource, acquired since, cannot be: a package-level variable of another
// package (os.Stdin), or a local variable given once such a value (std :=
// os.Stdout; see findPredating). A function that reads a named file or standard
// input closes the file under if f != os.Stdin (go-lua's loadFile, measurement
// 38): the release runs on every path that holds the file.
func (r *tracked) predates(e ast.Expr) bool {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok && r.predating[objVar(r.info, id)] {
		return true
	}
	return r.foreignVariable(e)
}

// foreignVariable reports whether e names a package-level variable of a
// package other than this one.
func (r *tracked) foreignVariable(e ast.Expr) bool {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return false
	}
	v, ok := r.info.Uses[id].(*types.Var)
	return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() && v.Pkg() != r.tr.Pass.Pkg
}

// findPredating records the local variables compared with the resource whose one
// write, their declaration, gives them a variable of another package (std :=
// os.Stdout). Their value is older than the resource wherever they are read.
func (r *tracked) findPredating(body *ast.BlockStmt) {
	ast.Inspect(body, func(n ast.Node) bool {
		e, ok := n.(*ast.BinaryExpr)
		if !ok || e.Op != token.EQL && e.Op != token.NEQ {
			return true
		}
		other, isErr := r.operand(e, false)
		id, isIdent := ast.Unparen(other).(*ast.Ident)
		if other == nil || isErr || !isIdent {
			return true
		}
		if v := objVar(r.info, id); v != nil && r.foreignVariable(flow.SoleValue(r.info, body, v)) {
			if r.predating == nil {
				r.predating = make(map[*types.Var]bool)
			}
			r.predating[v] = true
		}
		return true
	})
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

// releasedOnError reports whether a non-nil error from the tracked rows' method
// name means the rows are released (see Kind.ScanEnds, Kind.ErrEnds).
func (r *tracked) releasedOnError(name string) bool {
	switch name {
	case "Scan", "Values":
		return r.kind.ScanEnds
	case "Err":
		return r.kind.ErrEnds
	}
	return false
}

func objVar(info *types.Info, id *ast.Ident) *types.Var {
	v, _ := info.Uses[id].(*types.Var)
	return v
}

// findScanErrs records the variables assigned an error that, non-nil, means the
// tracked rows are released: err := rows.Scan(...), vals, err := rows.Values()
// (Kind.ScanEnds), err := rows.Err() (Kind.ErrEnds).
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
		if !ok || !r.releasedOnError(sel.Sel.Name) || !r.isVar(sel.X, r.v) {
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

// findFailedReads records the uses of an error in the test of an if right
// after the statement that sets it (as its init, or the next statement of the
// same list, so that the error is still the read's), where the statement
// assigns it the result of a read that fails only when the tracked response's
// body fails to read (body, err := io.ReadAll(io.LimitReader(resp.Body, n));
// see resources.Tracker.FailedReadOf). After a failed read net/http has closed
// the connection, as for a plain io.ReadAll(resp.Body), so that branch holds
// nothing; the other branch, with the rest of the body unread, still needs the
// Close.
func (r *tracked) findFailedReads(body *ast.BlockStmt) {
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 || len(stack) < 2 {
			return true
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok || !r.isBody(r.tr.FailedReadOf(call)) {
			return true
		}
		id, ok := as.Lhs[len(as.Lhs)-1].(*ast.Ident)
		if !ok {
			return true
		}
		errVar, ok := r.info.ObjectOf(id).(*types.Var)
		if cond := testAfter(stack[len(stack)-2], as); ok && cond != nil {
			ast.Inspect(cond, func(m ast.Node) bool {
				if use, isIdent := m.(*ast.Ident); isIdent && r.info.Uses[use] == errVar {
					if r.readErrs == nil {
						r.readErrs = make(map[*ast.Ident]bool)
					}
					r.readErrs[use] = true
				}
				return true
			})
		}
		return true
	})
}

// testAfter returns the condition of the if whose init is s, or of the if
// that follows s in parent's statement list (with no init), or nil.
func testAfter(parent ast.Node, s ast.Stmt) ast.Expr {
	if p, ok := parent.(*ast.IfStmt); ok {
		if p.Init == s {
			return p.Cond
		}
		return nil
	}
	list, _ := flow.StmtList(parent)
	i := slices.Index(list, s)
	if i < 0 || i+1 == len(list) {
		return nil
	}
	if ifs, ok := list[i+1].(*ast.IfStmt); ok && ifs.Init == nil {
		return ifs.Cond
	}
	return nil
}

// isBody reports whether e is the body of the tracked response (resp.Body).
func (r *tracked) isBody(e ast.Expr) bool {
	sel, ok := e.(*ast.SelectorExpr)
	return ok && r.kind.BodyOnly && sel.Sel.Name == "Body" && r.isVar(sel.X, r.v)
}
