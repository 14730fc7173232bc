package resources

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/deferlint/deferlint/internal/flow"
)

// servesUntilClosed reports whether fd runs an accept loop on its parameter p
// that ends only when Accept fails: a for statement without a condition, among
// the body's own statements and with no return before it, that calls p.Accept
// (AcceptTCP, AcceptUnix) and leaves the loop (by a return or a break) only in
// an if whose condition tests the error of that Accept, which nothing else
// assigns. A listener's Accept fails for good once the listener is closed
// (net.ErrClosed; the other errors are temporary or end the listener too), so
// such a function serves the listener for as long as it can be used, as
// http.Serve does: its caller hands the listener on to it (mailpit's pop3
// serve), and what is left after it returns is the owner's shutdown.
func (t *Tracker) servesUntilClosed(fd *ast.FuncDecl, p *types.Var) bool {
	if !slices.ContainsFunc(fd.Body.List, isEndlessLoop) {
		return false // the cheap test first: it runs for every parameter not owned otherwise
	}
	for _, s := range fd.Body.List {
		if loop, ok := s.(*ast.ForStmt); ok && isEndlessLoop(loop) {
			if errVar := t.acceptErr(loop, p); errVar != nil {
				return !flow.HasGoto(fd.Body) && t.exitsOnlyOn(loop, errVar)
			}
		}
		if hasReturn(s) {
			return false // a return before the loop leaves p open
		}
	}
	return false
}

// isEndlessLoop reports whether s is a for statement without a condition.
func isEndlessLoop(s ast.Stmt) bool {
	loop, ok := s.(*ast.ForStmt)
	return ok && loop.Cond == nil
}

// acceptErr returns the error variable of conn, err := p.Accept() in the body
// of loop (outside nested function literals), or nil.
func (t *Tracker) acceptErr(loop *ast.ForStmt, p *types.Var) *types.Var {
	info := t.Pass.TypesInfo
	var errVar *types.Var
	ast.Inspect(loop.Body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok || errVar != nil {
			return false
		}
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 || len(as.Lhs) != 2 {
			return true
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || !strings.HasPrefix(sel.Sel.Name, "Accept") {
			return true
		}
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && info.Uses[id] == p {
			if e, ok := as.Lhs[1].(*ast.Ident); ok {
				errVar, _ = info.ObjectOf(e).(*types.Var)
				if errVar != nil && assignedElsewhere(info, loop.Body, errVar, as) {
					errVar = nil
				}
			}
			return false
		}
		return true
	})
	return errVar
}

// assignedElsewhere reports whether some assignment in root other than as
// assigns v.
func assignedElsewhere(info *types.Info, root ast.Node, v *types.Var, as *ast.AssignStmt) bool {
	found := false
	ast.Inspect(root, func(n ast.Node) bool {
		if a, ok := n.(*ast.AssignStmt); ok && a != as {
			for _, l := range a.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok && info.ObjectOf(id) == v {
					found = true
				}
			}
		}
		if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.AND {
			if id, ok := ast.Unparen(u.X).(*ast.Ident); ok && info.Uses[id] == v {
				found = true // &err: assigned through the pointer
			}
		}
		return !found
	})
	return found
}

// exitsOnlyOn reports whether every return in loop, and every break that leaves
// it, lies in the body of an if within the loop whose condition mentions errVar.
func (t *Tracker) exitsOnlyOn(loop *ast.ForStmt, errVar *types.Var) bool {
	info := t.Pass.TypesInfo
	ok := true
	var stack []ast.Node
	ast.Inspect(loop.Body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if _, lit := n.(*ast.FuncLit); lit || !ok {
			return false
		}
		exits := false
		switch n := n.(type) {
		case *ast.ReturnStmt:
			exits = true
		case *ast.BranchStmt:
			exits = n.Tok == token.BREAK && (n.Label != nil || !inBreakable(stack))
		}
		if exits && !underTest(info, stack, n, errVar) {
			ok = false
		}
		stack = append(stack, n)
		return true
	})
	return ok
}

// inBreakable reports whether the stack (from the loop's body inward) holds a
// statement that an unlabeled break would leave instead of the loop.
func inBreakable(stack []ast.Node) bool {
	for _, n := range stack {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			return true
		}
	}
	return false
}

// underTest reports whether n lies in the body of an if on the stack whose
// condition mentions errVar.
func underTest(info *types.Info, stack []ast.Node, n ast.Node, errVar *types.Var) bool {
	for _, s := range stack {
		if ifs, ok := s.(*ast.IfStmt); ok && ifs.Body.Pos() <= n.Pos() && n.End() <= ifs.Body.End() && flow.Mentions(info, ifs.Cond, errVar) {
			return true
		}
	}
	return false
}

// hasReturn reports whether s holds a return statement of its own function.
func hasReturn(s ast.Stmt) bool {
	found := false
	ast.Inspect(s, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = true
		}
		return !found
	})
	return found
}
