package ctxcancel

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/knowledge"
	"github.com/deferlint/deferlint/internal/obligation"
	"github.com/deferlint/deferlint/internal/resources"
)

// cleanups is what a function's cleanup closures do for the cancel function
// held in a variable v.
type cleanups struct {
	// calls holds the positions of the calls of local variables bound once to a
	// function literal that calls v when it runs (see releasesWhenRun): cleanup
	// := func() { if sess != nil { cancel() } }; defer cleanup(). Such a call
	// runs that literal, and so calls v, wherever it is written.
	calls []token.Pos
	// companions are the variables assigned beside v by every assignment of v
	// (see companionCandidates): a nil one says that v holds nothing to call.
	companions []*types.Var
}

// cleanupsOf finds the cleanup closures of body that call v (at one of the
// positions in direct) and the companions that guard them. The two depend on
// each other (a companion cleared to nil must be cleared after a release, and
// a closure's guard may test a companion): the candidates shrink until both
// agree, at most once per candidate.
func cleanupsOf(info *types.Info, body *ast.BlockStmt, v *types.Var, direct []token.Pos) cleanups {
	bound := obligation.BoundClosures(info, body)
	cands := companionCandidates(info, body, v)
	for {
		var cl cleanups
		cl.companions = cands
		releasing := make(map[*types.Var]bool)
		for w, lit := range bound {
			if releasesWhenRun(info, lit, v, direct, cands) {
				releasing[w] = true
			}
		}
		if len(releasing) > 0 {
			cl.calls = obligation.CallsOf(info, body, releasing)
		}
		releases := slices.Concat(direct, cl.calls)
		kept := slices.DeleteFunc(slices.Clone(cands), func(w *types.Var) bool {
			return !clearedOnlyAfterRelease(info, body, v, w, releases)
		})
		if len(kept) == len(cands) {
			return cl
		}
		cands = kept
	}
}

// releasesWhenRun reports whether running the function literal lit calls v (one
// of the calls at direct) on every path through it on which v holds a cancel
// function: the call is a statement of the literal's body, or of the body of if
// statements (without init or else reached) whose condition tests v or a
// companion against nil (x != nil), and no return or goto comes before it. A
// companion's test is as good as v's own: see companionCandidates.
func releasesWhenRun(info *types.Info, lit *ast.FuncLit, v *types.Var, direct []token.Pos, companions []*types.Var) bool {
	for _, pos := range direct {
		if lit.Body.Pos() <= pos && pos < lit.Body.End() && !leavesBefore(lit.Body, pos) && guardedCall(info, lit.Body.List, pos, v, companions) {
			return true
		}
	}
	return false
}

// guardedCall reports whether the call of v at pos is a statement of list, or
// lies in the body of an if statement of list that tests v or a companion
// against nil, in turn.
func guardedCall(info *types.Info, list []ast.Stmt, pos token.Pos, v *types.Var, companions []*types.Var) bool {
	for _, st := range list {
		if pos < st.Pos() || st.End() <= pos {
			continue
		}
		switch st := st.(type) {
		case *ast.ExprStmt:
			call, ok := ast.Unparen(st.X).(*ast.CallExpr)
			return ok && ast.Unparen(call.Fun).Pos() == pos && flow.Mentions(info, call.Fun, v)
		case *ast.BlockStmt:
			return guardedCall(info, st.List, pos, v, companions)
		case *ast.IfStmt:
			if st.Init != nil || pos < st.Body.Pos() || st.Body.End() <= pos {
				return false
			}
			x, equal, ok := flow.ComparedWithNil(info, st.Cond)
			if !ok || equal {
				return false
			}
			if w := flow.RootVar(info, x); w == nil || ast.Unparen(x) != flow.RootIdent(info, x) || w != v && !slices.Contains(companions, w) {
				return false
			}
			return guardedCall(info, st.Body.List, pos, v, companions)
		}
		return false
	}
	return false
}

// leavesBefore reports whether a return or goto statement of body (outside
// nested function literals) comes before pos: a path through the literal may
// leave without the call.
func leavesBefore(body *ast.BlockStmt, pos token.Pos) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = found || n.Pos() < pos
		case *ast.BranchStmt:
			found = found || n.Tok == token.GOTO && n.Pos() < pos
		}
		return !found
	})
	return found
}

// companionCandidates returns, in the order of the first assignment's left-hand
// side, the local variables of a type that can be nil (other than an error or
// a context) that every statement assigning v in body (function literals
// included) assigns too: sess, ch, cancel = s.newSession(ctx). Each such
// statement gives the companion the result that comes with the cancel
// function, so a nil companion says that the call gave no cancel function
// either, as a non-nil error does for a helper's (see clearedOnlyAfterRelease
// for the other writes). A derived context is no companion: the context's
// functions never return a nil one, so a nil test of it is a defensive check,
// not the function's record of whether it holds a cancel function. None when
// v's address is taken.
func companionCandidates(info *types.Info, body *ast.BlockStmt, v *types.Var) []*types.Var {
	var cands []*types.Var
	first, valid := true, true
	ast.Inspect(body, func(n ast.Node) bool {
		if u, ok := n.(*ast.UnaryExpr); ok && addressOf(info, u, v) {
			valid = false
		}
		lhs, rhs, ok := flow.Sides(n)
		if !ok || len(rhs) == 0 {
			return valid
		}
		var others []*types.Var
		assignsV := false
		for _, l := range lhs {
			id, ok := ast.Unparen(l).(*ast.Ident)
			if !ok {
				continue
			}
			w := resources.VarOf(info, id)
			switch {
			case w == v:
				assignsV = true
			case w != nil:
				others = append(others, w)
			}
		}
		if !assignsV {
			return valid
		}
		if first {
			first = false
			for _, w := range others {
				if nillable(w.Type()) && !knowledge.IsType(w.Type(), "context", "Context") && resources.DeclaredIn(w, body) {
					cands = append(cands, w)
				}
			}
			return valid
		}
		cands = slices.DeleteFunc(cands, func(w *types.Var) bool { return !slices.Contains(others, w) })
		return valid
	})
	if !valid {
		return nil
	}
	return cands
}

// clearedOnlyAfterRelease reports whether every write of the companion w in body
// (function literals included) that does not assign v too is w = nil right
// after a statement that calls v (holds one of releases), and nothing takes
// w's address: then w is nil only where v holds nothing that still needs a
// call (hangUp(); sess = nil). A declaration of w without a value gives it nil
// while v is nil too.
func clearedOnlyAfterRelease(info *types.Info, body *ast.BlockStmt, v, w *types.Var, releases []token.Pos) bool {
	cleared := make(map[ast.Stmt]bool) // w = nil right after a release
	ast.Inspect(body, func(n ast.Node) bool {
		list, _ := flow.StmtList(n)
		for i, st := range list {
			as, _ := st.(*ast.AssignStmt)
			if as != nil && len(as.Lhs) == 1 && len(as.Rhs) == 1 && assignsBoth(info, as, w, v) == 1 &&
				flow.IsNil(info, as.Rhs[0]) && i > 0 && contains(list[i-1], releases) {
				cleared[as] = true
			}
		}
		return true
	})
	ok := true
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.UnaryExpr:
			ok = ok && !addressOf(info, n, w)
		case *ast.IncDecStmt:
			ok = ok && !flow.Mentions(info, n.X, w)
		case *ast.ValueSpec:
			ok = ok && (len(n.Values) == 0 || assignsBoth(info, n, w, v) != 1)
		case *ast.AssignStmt:
			ok = ok && (cleared[n] || assignsBoth(info, n, w, v) != 1)
		}
		return ok
	})
	return ok
}

// addressOf reports whether u takes the address of the variable v itself (not
// of a field of it, nor of a composite literal that mentions it), after which
// v may change anywhere.
func addressOf(info *types.Info, u *ast.UnaryExpr, v *types.Var) bool {
	id, ok := ast.Unparen(u.X).(*ast.Ident)
	return ok && u.Op == token.AND && info.Uses[id] == v
}

// assignsBoth says what statement n, an assignment or a var specification,
// assigns of w and v: 0 neither w, 1 w without v, 2 both.
func assignsBoth(info *types.Info, n ast.Node, w, v *types.Var) int {
	lhs, _, ok := flow.Sides(n)
	if !ok {
		return 0
	}
	hasW, hasV := false, false
	for _, l := range lhs {
		if id, ok := ast.Unparen(l).(*ast.Ident); ok {
			switch resources.VarOf(info, id) {
			case w:
				hasW = true
			case v:
				hasV = true
			}
		}
	}
	switch {
	case !hasW:
		return 0
	case !hasV:
		return 1
	}
	return 2
}

// nillable reports whether a value of type t can be nil, and nil means
// nothing (an error's nil means success, the opposite sense).
func nillable(t types.Type) bool {
	if types.Implements(t, errorType) {
		return false
	}
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Map, *types.Chan, *types.Slice, *types.Signature, *types.Interface:
		return true
	}
	return false
}

var errorType = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// testedCompanion returns the first companion that body compares with nil
// outside function literals, or nil: the one a path search can read.
func testedCompanion(info *types.Info, body *ast.BlockStmt, companions []*types.Var) *types.Var {
	for _, w := range companions {
		found := false
		ast.Inspect(body, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok {
				return false
			}
			if e, ok := n.(ast.Expr); ok {
				if x, _, ok := flow.ComparedWithNil(info, e); ok && flow.RootIdent(info, x) == ast.Unparen(x) && flow.Mentions(info, x, w) {
					found = true
				}
			}
			return !found
		})
		if found {
			return w
		}
	}
	return nil
}

// knowsCompanion reads a nil test of the companion w for a path search in which
// w is the paired result: while paired, nothing is held where w is nil.
func knowsCompanion(info *types.Info, w *types.Var) func(ast.Expr, bool) obligation.Gone {
	return func(cond ast.Expr, paired bool) obligation.Gone {
		x, equal, ok := flow.ComparedWithNil(info, cond)
		if !paired || !ok || flow.RootIdent(info, x) != ast.Unparen(x) || !flow.Mentions(info, x, w) {
			return obligation.Gone{}
		}
		return obligation.GoneIf(equal)
	}
}
