package loops

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"github.com/deferlint/deferlint/internal/flow"
	"golang.org/x/tools/go/ast/inspector"
)

// Counted returns the innermost for or range statement around cur, across function
// literals, that repeats without a bound the code can see: a for statement, or a
// range over a channel, an integer or a function. A range over a slice, an array, a
// map or a string walks a table of cases that the code itself bounds, and is
// skipped; so is a loop that runs a small constant number of times (see
// SmallConstant), a test helper's count parameter included when every call of the
// helper passes a small constant. Counted returns nil when no such loop encloses
// cur.
//
// Test code asks this question: a cost paid once per test, or once per case of a
// table, is bounded by the test; one paid per round of b.N or per message of a
// channel is not.
func Counted(info *types.Info, cur inspector.Cursor) ast.Node {
	for c := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
		if c == cur || SmallConstant(info, c) {
			continue
		}
		loop, ok := c.Node().(*ast.RangeStmt)
		if !ok {
			return c.Node()
		}
		t := info.TypeOf(loop.X)
		if t == nil {
			continue
		}
		switch u := t.Underlying().(type) {
		case *types.Chan, *types.Signature:
			return c.Node()
		case *types.Basic:
			if u.Info()&types.IsInteger != 0 {
				return c.Node()
			}
		}
	}
	return nil
}

// smallCount is the largest constant count of a loop read as a table of cases: a
// few dozen requests or dials leak a few dozen descriptors, far below any limit;
// a loop of a hundred or more is a stress loop, whose leak the test feels.
const smallCount = 64

// SmallConstant reports whether loop repeats a small constant number of times:
// for range N, for i := K; i < N; i++ (or <=), where N is a constant no greater than
// smallCount, a local variable defined with one and never assigned again
// (n := 10), or a parameter of an unexported function that every call of it fixes
// so, with such a constant or local, the largest no greater than smallCount (see
// callerConstant). Like a table of cases, the code bounds what such a loop leaks.
func SmallConstant(info *types.Info, loop inspector.Cursor) bool {
	limit, _, _, ok := countedShape(info, loop.Node())
	if !ok {
		return false
	}
	n, ok := constantValue(info, loop, limit)
	return ok && n <= smallCount
}

// ConstantCount returns how many times loop repeats when the code of its own
// function fixes it: for range N, or for i := K; i < N; i++ (or <=) with K a
// constant, where N is a constant or a local variable defined with one and never
// assigned again. The body may still leave the loop sooner (break, return): the
// count is an upper bound. ok is false for any other loop, and for a body that
// assigns i. It reads the function alone, and costs little: deferloop asks it of
// every loop around a defer. (SmallConstant, which test code asks only of the
// loops around a leak, also follows a parameter to its callers.)
func ConstantCount(info *types.Info, loop inspector.Cursor) (n int64, ok bool) {
	return count(info, loop, localConstant)
}

// count is ConstantCount with value reading N.
func count(info *types.Info, loop inspector.Cursor, value func(*types.Info, inspector.Cursor, ast.Expr) (int64, bool)) (n int64, ok bool) {
	limit, start, inclusive, ok := countedShape(info, loop.Node())
	if !ok {
		return 0, false
	}
	n, ok = value(info, loop, limit)
	if !ok {
		return 0, false
	}
	if start != nil {
		k, exact := constant.Int64Val(constant.ToInt(info.Types[start].Value))
		if !exact || assignsInBody(info, loop.Node().(*ast.ForStmt)) {
			return 0, false
		}
		n -= k
		if inclusive {
			n++
		}
	}
	return max(n, 0), true
}

// countedShape returns the limit of a counted loop: N in for range N, or in for
// i := K; i < N; i++ (or <=), with the constant start K and whether the
// condition is <= (start is nil for a range).
func countedShape(info *types.Info, loop ast.Node) (limit, start ast.Expr, inclusive, ok bool) {
	switch l := loop.(type) {
	case *ast.RangeStmt:
		return l.X, nil, false, true
	case *ast.ForStmt:
		init, ok := l.Init.(*ast.AssignStmt)
		if !ok || len(init.Lhs) != 1 || len(init.Rhs) != 1 || info.Types[init.Rhs[0]].Value == nil {
			return nil, nil, false, false
		}
		i, ok := init.Lhs[0].(*ast.Ident)
		if !ok {
			return nil, nil, false, false
		}
		cond, ok := l.Cond.(*ast.BinaryExpr)
		if !ok || (cond.Op != token.LSS && cond.Op != token.LEQ) {
			return nil, nil, false, false
		}
		x, ok := ast.Unparen(cond.X).(*ast.Ident)
		if !ok || info.ObjectOf(x) != info.ObjectOf(i) {
			return nil, nil, false, false
		}
		post, ok := l.Post.(*ast.IncDecStmt)
		if !ok || post.Tok != token.INC {
			return nil, nil, false, false
		}
		if p, ok := ast.Unparen(post.X).(*ast.Ident); !ok || info.ObjectOf(p) != info.ObjectOf(i) {
			return nil, nil, false, false
		}
		return cond.Y, init.Rhs[0], cond.Op == token.LEQ, true
	}
	return nil, nil, false, false
}

// assignsInBody reports whether the body of the counted loop l assigns its
// counter (or takes its address), so that the count is not the one its header
// says.
func assignsInBody(info *types.Info, l *ast.ForStmt) bool {
	v, ok := info.ObjectOf(l.Init.(*ast.AssignStmt).Lhs[0].(*ast.Ident)).(*types.Var)
	return !ok || flow.Changes(info, l.Body, v)
}

// constantValue returns the value of e when it is an integer constant, a local
// variable defined with one and never assigned again in the function around loop
// (see localConstant), or a parameter of that function whose every caller fixes
// it so (see callerConstant).
func constantValue(info *types.Info, loop inspector.Cursor, e ast.Expr) (int64, bool) {
	if n, ok := localConstant(info, loop, e); ok {
		return n, true
	}
	return callerConstant(info, loop, e)
}

// callerConstant returns the largest value that the calls of the function
// declared around loop pass for the parameter e, when e is a parameter of that
// function (randConsensusNetWithPeers(t, nValidators, nPeers int, ...) around
// for i := 0; i < nPeers; i++) and the package fixes it at every call: the
// function is unexported and not a method, the body never assigns or addresses
// the parameter, every use of the function in the package's files is a call of
// it (none passes it as a value, none spreads a result into its arguments), and
// each call passes, for that parameter, an integer constant or a local variable
// defined with one and never assigned again in the function around the call
// (nPeers := 7; randConsensusNetWithPeers(t, nVals, nPeers, ...)). Only the
// package can name an unexported function, and one never used as a value runs
// only where its calls stand, so its parameter takes only the values those calls
// write out, as surely as n := 7 fixes a local. A parameter the caller passes on
// from its own parameters, or computes (len(xs)), is not followed. ok is false
// for a function without calls; a call through go:linkname from another package
// is not seen. Only a bound that is such a parameter costs a walk of the
// package's identifiers.
func callerConstant(info *types.Info, loop inspector.Cursor, e ast.Expr) (int64, bool) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return 0, false
	}
	p, ok := info.Uses[id].(*types.Var)
	if !ok {
		return 0, false
	}
	decl, fn := declaringFunc(info, loop)
	if fn == nil || fn.Exported() || decl.Recv != nil || decl.Body == nil {
		return 0, false
	}
	values, ok := callerValues(info, loop, decl, fn, p, func(call inspector.Cursor, arg ast.Expr) (int64, bool) {
		return localConstant(info, call, arg) // not a count the caller computes or is given
	})
	if !ok {
		return 0, false
	}
	return slices.Max(values), true
}

// localConstant returns the value of e when it is an integer constant, or a
// local variable defined with one and never assigned again in the function
// around cur.
func localConstant(info *types.Info, cur inspector.Cursor, e ast.Expr) (int64, bool) {
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		return int64Value(tv.Value)
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return 0, false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return 0, false
	}
	var body *ast.BlockStmt
	for c := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		body = c.Node().(*ast.FuncDecl).Body
	}
	if body == nil || v.Pos() < body.Pos() || v.Pos() >= body.End() {
		return 0, false
	}
	var value int64
	defined, reassigned := false, false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				lid, ok := l.(*ast.Ident)
				if !ok {
					continue
				}
				switch {
				case info.Defs[lid] == v && len(n.Rhs) == len(n.Lhs) && info.Types[n.Rhs[i]].Value != nil:
					var exact bool
					value, exact = int64Value(info.Types[n.Rhs[i]].Value)
					defined = exact
					reassigned = reassigned || !exact
				case info.Defs[lid] == v || info.Uses[lid] == v:
					reassigned = true
				}
			}
		case *ast.IncDecStmt:
			if flow.Mentions(info, n.X, v) {
				reassigned = true
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && flow.Mentions(info, n.X, v) {
				reassigned = true
			}
		}
		return !reassigned
	})
	return value, defined && !reassigned
}

// int64Value returns an integer constant's value, if it fits.
func int64Value(v constant.Value) (int64, bool) {
	return constant.Int64Val(constant.ToInt(v))
}

// Limit returns N, the expression that bounds a counted loop (for range N, for
// i := K; i < N; i++ or <=, K a constant), or nil for any other loop. For a
// range, N may have any type: the caller checks that it is an integer.
func Limit(info *types.Info, loop ast.Node) ast.Expr {
	limit, _, _, ok := countedShape(info, loop)
	if !ok {
		return nil
	}
	return limit
}
