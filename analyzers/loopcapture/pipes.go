package loopcapture

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/knowledge"
	"github.com/deferlint/deferlint/internal/loops"
	"golang.org/x/tools/go/types/typeutil"
)

// A synchronous pipe (io.Pipe, net.Pipe) has no buffer: a Read on one end returns
// only once the other end has been written to or closed, and a Write only once the
// other end has read the data or been closed. When a goroutine holds one end and
// its iteration then reads or writes the other, the iteration cannot go on before
// the goroutine has used its end; what the goroutine reads before that use, it has
// read by then. The exchange is a wait, like a receive from the goroutine's
// channel, but only for the variables read first.

// pipeWait is a pipe by which an iteration waits for its goroutine.
type pipeWait struct {
	// blocks reports whether a node of the function reads or writes the
	// iteration's end, which waits for the goroutine to use its own.
	blocks func(ast.Node) bool
	// first holds the variables that the goroutine reads only before it can use
	// its end, and so has read by the time the iteration's Read or Write returns.
	first map[*types.Var]bool
	reach *flow.Reach // what runs after the go statement before a wait, this one included
}

// either returns a stop that holds where a or b does; a nil stop holds nowhere.
func either(a, b func(ast.Node) bool) func(ast.Node) bool {
	if a == nil {
		return b
	}
	return func(n ast.Node) bool { return a(n) || b(n) }
}

// pipeWaits returns the pipes by which the iteration waits for goroutine l. A
// pipe counts when both its ends are declared by one call to io.Pipe or net.Pipe
// in the innermost loop around l (a fresh pipe on each iteration) and never
// assigned again nor have their address taken, l's literal mentions one end
// (itself or through a parameter the go statement binds to it) and not the other,
// and the function mentions l's end nowhere outside l's call: the goroutine is
// the only one that can write to or close it.
func pipeWaits(info *types.Info, l *launch, body *ast.BlockStmt, innermost ast.Stmt) []*pipeWait {
	if l.kind != goroutine && l.kind != launcher {
		return nil
	}
	var waits []*pipeWait
	for _, ends := range pipesIn(info, body, innermost) {
		for i, held := range ends {
			other := ends[1-i]
			isHeld := endOf(info, l, body, held)
			if !mentionsEnd(l.lit, isHeld) || mentionsEnd(l.lit, endOf(info, l, body, other)) || usedOutside(info, body, l, held) {
				continue
			}
			waits = append(waits, &pipeWait{
				blocks: func(n ast.Node) bool { return exchanges(info, n, other) },
				first:  readFirst(info, l.lit, isHeld),
			})
		}
	}
	return waits
}

// pipesIn returns the pairs of ends that statements of loop's body (outside
// function literals) declare with one call to io.Pipe or net.Pipe (pr, pw :=
// io.Pipe()), when the function neither assigns either end again nor takes its
// address.
func pipesIn(info *types.Info, body *ast.BlockStmt, loop ast.Stmt) [][2]*types.Var {
	var pipes [][2]*types.Var
	ast.Inspect(loops.Body(loop), func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE || len(n.Lhs) != 2 || len(n.Rhs) != 1 {
				return true
			}
			call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr)
			if !ok {
				return true
			}
			fn := typeutil.Callee(info, call)
			if !knowledge.IsFunc(fn, "io", "Pipe") && !knowledge.IsFunc(fn, "net", "Pipe") {
				return true
			}
			var ends [2]*types.Var
			for i, lhs := range n.Lhs {
				id, _ := lhs.(*ast.Ident)
				if id == nil {
					return true
				}
				v, _ := info.Defs[id].(*types.Var)
				if v == nil || changedAfter(info, body, v, n.Pos()) {
					return true
				}
				ends[i] = v
			}
			pipes = append(pipes, ends)
		}
		return true
	})
	return pipes
}

// endOf returns a test for an identifier that names the pipe end v in l's
// literal: v itself, or a parameter that the go statement binds to v.
func endOf(info *types.Info, l *launch, body *ast.BlockStmt, v *types.Var) func(ast.Expr) bool {
	names := map[types.Object]bool{v: true}
	for param, arg := range boundArgs(info, l, body) {
		if arg == v {
			names[param] = true
		}
	}
	return func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && names[info.Uses[id]]
	}
}

// mentionsEnd reports whether n names the end, function literals included.
func mentionsEnd(n ast.Node, isEnd func(ast.Expr) bool) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && isEnd(id) {
			found = true
		}
		return !found
	})
	return found
}

// usedOutside reports whether body names v outside l's call (the literal and
// the arguments of the go statement).
func usedOutside(info *types.Info, body *ast.BlockStmt, l *launch, v *types.Var) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == v && !within(l.call, id.Pos()) {
			found = true
		}
		return !found
	})
	return found
}

// exchanges reports whether n, outside function literals and go and defer
// statements, reads or writes the pipe end v: calls its Read or Write method, or
// passes it to a call (newReader(pr), io.Copy(dst, pr)), taken to read or write
// it. Close and the deadline methods do not wait for the other end.
func exchanges(info *types.Info, n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.GoStmt, *ast.DeferStmt:
			return false
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && isVar(info, sel.X, v) {
				found = sel.Sel.Name == "Read" || sel.Sel.Name == "Write"
			}
			for _, arg := range n.Args {
				found = found || isVar(info, arg, v)
			}
		}
		return !found
	})
	return found
}

// readFirst returns the variables that lit reads only before it can first use
// its end of the pipe. The statements of its body run in order: those before the
// first one naming the end are read first, and so are the receiver and arguments
// of that statement's call when it names the end only as that call's receiver or
// argument (werr := get(ctx, fi.Size, pw, fi)), since a call's operands are
// evaluated before it runs. A defer statement that names the end only that way,
// or inside function literals, uses it at return: it does not count. Reads inside
// function literals, whose time is unknown, and reads after the first use are not
// first, and a variable read both ways is left out. With a goto in the body,
// which can run a statement again, nothing is read first.
func readFirst(info *types.Info, lit *ast.FuncLit, isEnd func(ast.Expr) bool) map[*types.Var]bool {
	first := make(map[*types.Var]bool)
	if flow.HasGoto(lit.Body) {
		return first // a goto can run an earlier statement again, after the first use
	}
	later := make(map[*types.Var]bool)
	// collect adds the variables read in n to into, those in function literals to later.
	var collect func(n ast.Node, into map[*types.Var]bool)
	collect = func(n ast.Node, into map[*types.Var]bool) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				collect(n.Body, later)
				return false
			case *ast.Ident:
				if v, ok := info.Uses[n].(*types.Var); ok {
					into[v] = true
				}
			}
			return true
		})
	}
	used := false
	for _, stmt := range lit.Body.List {
		switch {
		case used:
			collect(stmt, later)
		case !mentionsEnd(stmt, isEnd):
			collect(stmt, first)
		case deferredUse(stmt, isEnd):
			collect(stmt, first) // its literal's body, if any, goes to later
		default:
			used = true
			call, rest := directUse(stmt, isEnd)
			if call == nil {
				collect(stmt, later)
				continue
			}
			collect(call, first)
			for _, e := range rest {
				collect(e, later)
			}
		}
	}
	for v := range later {
		delete(first, v)
	}
	return first
}

// deferredUse reports whether stmt is a defer statement that names the end only
// as its call's receiver or argument (defer pw.Close()) or inside function
// literals (defer func() { pw.CloseWithError(err) }()): it uses the end only when
// the function returns.
func deferredUse(stmt ast.Stmt, isEnd func(ast.Expr) bool) bool {
	d, ok := stmt.(*ast.DeferStmt)
	return ok && onlyOperand(d.Call, isEnd, true)
}

// directUse returns the call of stmt, a call statement, an assignment or a
// return of one call's results, when stmt names the end only as that call's
// receiver or argument; rest are the other expressions of stmt (the left-hand
// side of an assignment).
func directUse(stmt ast.Stmt, isEnd func(ast.Expr) bool) (call *ast.CallExpr, rest []ast.Expr) {
	var e ast.Expr
	switch s := stmt.(type) {
	case *ast.ExprStmt:
		e = s.X
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			e, rest = s.Rhs[0], s.Lhs
		}
	case *ast.ReturnStmt:
		if len(s.Results) == 1 {
			e = s.Results[0]
		}
	}
	call, _ = ast.Unparen(e).(*ast.CallExpr)
	if call == nil || !onlyOperand(call, isEnd, false) || mentionsEndIn(rest, isEnd) {
		return nil, nil
	}
	return call, rest
}

func mentionsEndIn(exprs []ast.Expr, isEnd func(ast.Expr) bool) bool {
	for _, e := range exprs {
		if mentionsEnd(e, isEnd) {
			return true
		}
	}
	return false
}

// onlyOperand reports whether call names the end only as its receiver (pw.Write)
// or as one of its arguments, and, when inLiterals is set, also inside function
// literals, which a deferred call cannot run before it does.
func onlyOperand(call *ast.CallExpr, isEnd func(ast.Expr) bool, inLiterals bool) bool {
	direct := make(map[ast.Expr]bool)
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && isEnd(sel.X) {
		direct[sel.X] = true
	}
	for _, arg := range call.Args {
		if isEnd(arg) {
			direct[arg] = true
		}
	}
	ok := true
	ast.Inspect(call, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return !inLiterals
		case ast.Expr:
			if direct[n] {
				return false
			}
			if id, isIdent := n.(*ast.Ident); isIdent && isEnd(id) {
				ok = false
			}
		}
		return ok
	})
	return ok
}
