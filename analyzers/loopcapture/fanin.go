package loopcapture

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/loops"
)

// A fan-out and fan-in: a counted loop starts a goroutine per round, each of
// which sends one value on a channel, and a second loop with the same count then
// receives one value per round. When the second loop is done, every goroutine has
// sent, so each has run up to its send: what it read before, it has read. The
// second loop's condition, once it fails, is a wait for all of them, as a single
// receive is for one goroutine (aws-iam-authenticator's rate-limit test,
// measurement 44: errc := make(chan error, n); for i := 0; i < n; i++ { go
// func() { ...; errc <- err }() }; for i := 0; i < n; i++ { err = <-errc }).
//
// It holds only when nothing else can satisfy the receives: the channel is made
// in the function and sent to nowhere but in the goroutine's literal, each path
// through the literal sends at most once (no send in a loop of it, and each send
// ends the literal or is followed by a return), the goroutine is started on every
// round, the receive is the first statement of the second loop's body, and the
// second loop is left only by its condition (or a return): the two loops run the
// same count (loops.SameCount).

// fanInWait returns a stop that holds at the condition of the loop that receives
// one value from each goroutine that spawn started (see above), or nil when there
// is none. spawn is the innermost loop around l's go statement; body is the
// function's body.
func fanInWait(info *types.Info, l *launch, body *ast.BlockStmt, spawn ast.Stmt) func(ast.Node) bool {
	loop, ok := spawn.(*ast.ForStmt)
	if l.kind != goroutine || !ok || !startsEachRound(loop, l.call) {
		return nil
	}
	after := statementsAfter(body, loop)
	for j, next := range after {
		recv, ok := next.(*ast.ForStmt)
		if !ok || len(recv.Body.List) == 0 || !loops.SameCount(info, loop, recv, after[:j]) || leavesEarly(recv) {
			continue
		}
		ch := receivedFrom(info, recv.Body.List[0])
		if ch != nil && madeIn(info, body, ch) && sendsOnceEach(info, body, l.lit, ch) {
			cond := recv.Cond
			return func(n ast.Node) bool { return n == cond }
		}
	}
	return nil
}

// startsEachRound reports whether the go call is a statement of the loop's own
// body, outside any branch: it runs on every round that reaches it.
func startsEachRound(loop *ast.ForStmt, call *ast.CallExpr) bool {
	for _, s := range loop.Body.List {
		if g, ok := s.(*ast.GoStmt); ok && g.Call == call {
			return true
		}
	}
	return false
}

// leavesEarly reports whether a branch statement of the receiving loop's body
// leaves it (a break, or a continue or goto of an outer statement): the code
// after the loop may then run before every value has been received. A return
// leaves the function, and nothing after the loop runs.
func leavesEarly(recv *ast.ForStmt) bool {
	for _, dest := range loops.BodyBranches(recv, nil) {
		if dest == loops.LeavesLoop {
			return true
		}
	}
	return false
}

// statementsAfter returns the statements that follow s in the list that holds
// it.
func statementsAfter(root ast.Node, s ast.Stmt) []ast.Stmt {
	var after []ast.Stmt
	found := false
	ast.Inspect(root, func(n ast.Node) bool {
		if found {
			return false
		}
		if list, ok := flow.StmtList(n); ok {
			for i, t := range list {
				if t == s {
					after, found = list[i+1:], true
					return false
				}
			}
		}
		return true
	})
	return after
}

// receivedFrom returns the channel variable that the statement s receives from as
// its whole work (<-ch, v = <-ch, v := <-ch), or nil.
func receivedFrom(info *types.Info, s ast.Stmt) *types.Var {
	var e ast.Expr
	switch s := s.(type) {
	case *ast.ExprStmt:
		e = s.X
	case *ast.AssignStmt:
		if len(s.Rhs) != 1 {
			return nil
		}
		e = s.Rhs[0]
	default:
		return nil
	}
	recv, ok := ast.Unparen(e).(*ast.UnaryExpr)
	if !ok || recv.Op != token.ARROW {
		return nil
	}
	id, ok := ast.Unparen(recv.X).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := info.Uses[id].(*types.Var)
	return v
}

// madeIn reports whether ch is declared in body by ch := make(chan T, ...) and
// every other mention of it is a send on it or a receive from it: no other
// assignment, no address taken, not handed to a call or to another variable,
// where another sender could get it.
func madeIn(info *types.Info, body *ast.BlockStmt, ch *types.Var) bool {
	declared, other := false, false
	ast.PreorderStack(body, nil, func(n ast.Node, stack []ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || other {
			return !other
		}
		parent := stack[len(stack)-1]
		switch {
		case info.Defs[id] == ch:
			as, ok := parent.(*ast.AssignStmt)
			declared = ok && len(as.Lhs) == 1 && len(as.Rhs) == 1 && flow.CallsBuiltin(info, as.Rhs[0], "make")
			other = other || !declared
		case info.Uses[id] == ch:
			switch p := parent.(type) {
			case *ast.SendStmt:
				other = other || p.Chan != ast.Expr(id)
			case *ast.UnaryExpr:
				other = other || p.Op != token.ARROW
			default:
				other = true
			}
		}
		return true
	})
	return declared && !other
}

// sendsOnceEach reports whether every send on ch in body is in lit's own code
// (not in a loop or a function literal within it) and ends lit's body or is
// followed by a return: each run of lit sends at most once.
func sendsOnceEach(info *types.Info, body *ast.BlockStmt, lit *ast.FuncLit, ch *types.Var) bool {
	ok := true
	ast.PreorderStack(body, nil, func(n ast.Node, stack []ast.Node) bool {
		send, isSend := n.(*ast.SendStmt)
		if !ok || !isSend || !isVar(info, send.Chan, ch) {
			return ok
		}
		ok = ownCode(stack, lit) && lastOrBeforeReturn(lit.Body, send)
		return ok
	})
	return ok
}

// ownCode reports whether the innermost function literal of stack is lit, with
// no loop between it and the node.
func ownCode(stack []ast.Node, lit *ast.FuncLit) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return false
		case *ast.FuncLit:
			return stack[i] == lit
		}
	}
	return false
}

// lastOrBeforeReturn reports whether the send s ends lit's body, or is followed,
// in the list that holds it, by a return statement.
func lastOrBeforeReturn(body *ast.BlockStmt, s *ast.SendStmt) bool {
	if n := len(body.List); n > 0 && body.List[n-1] == ast.Stmt(s) {
		return true
	}
	after := statementsAfter(body, s)
	if len(after) == 0 {
		return false
	}
	_, isReturn := after[0].(*ast.ReturnStmt)
	return isReturn
}
