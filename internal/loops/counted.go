package loops

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/deferlint/deferlint/internal/flow"
	"golang.org/x/tools/go/ast/inspector"
)

// Counted returns the innermost for or range statement around cur, across function
// literals, that repeats without a bound the code can see: a for statement, or a
// range over a channel, an integer or a function. A range over a slice, an array, a
// map or a string walks a table of cases that the code itself bounds, and is
// skipped; so is a loop that runs a small constant number of times (see
// SmallConstant). Counted returns nil when no such loop encloses cur.
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
// smallCount, or a local variable defined with one and never assigned again
// (n := 10). Like a table of cases, the code bounds what such a loop leaks.
func SmallConstant(info *types.Info, loop inspector.Cursor) bool {
	switch l := loop.Node().(type) {
	case *ast.RangeStmt:
		return smallConstant(info, loop, l.X)
	case *ast.ForStmt:
		init, ok := l.Init.(*ast.AssignStmt)
		if !ok || len(init.Lhs) != 1 || len(init.Rhs) != 1 || info.Types[init.Rhs[0]].Value == nil {
			return false
		}
		i, ok := init.Lhs[0].(*ast.Ident)
		if !ok {
			return false
		}
		cond, ok := l.Cond.(*ast.BinaryExpr)
		if !ok || (cond.Op != token.LSS && cond.Op != token.LEQ) {
			return false
		}
		x, ok := ast.Unparen(cond.X).(*ast.Ident)
		if !ok || info.ObjectOf(x) != info.ObjectOf(i) {
			return false
		}
		post, ok := l.Post.(*ast.IncDecStmt)
		if !ok || post.Tok != token.INC {
			return false
		}
		if p, ok := ast.Unparen(post.X).(*ast.Ident); !ok || info.ObjectOf(p) != info.ObjectOf(i) {
			return false
		}
		return smallConstant(info, loop, cond.Y)
	}
	return false
}

// smallConstant reports whether e is an integer constant no greater than
// smallCount, or a local variable defined with one and never assigned again in
// the function around loop.
func smallConstant(info *types.Info, loop inspector.Cursor, e ast.Expr) bool {
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		n, exact := constant.Int64Val(constant.ToInt(tv.Value))
		return exact && n <= smallCount
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	var body *ast.BlockStmt
	for c := range loop.Enclosing((*ast.FuncDecl)(nil)) {
		body = c.Node().(*ast.FuncDecl).Body
	}
	if body == nil || v.Pos() < body.Pos() || v.Pos() >= body.End() {
		return false
	}
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
				case info.Defs[lid] == v && len(n.Rhs) == len(n.Lhs) && smallConstantValue(info, n.Rhs[i]):
					defined = true
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
	return defined && !reassigned
}

func smallConstantValue(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil {
		return false
	}
	n, exact := constant.Int64Val(constant.ToInt(tv.Value))
	return exact && n <= smallCount
}
