package resources

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/knowledge"
	"golang.org/x/tools/go/types/typeutil"
)

// readsBodyToEnd reports whether stack[at], a call resp.Body.Read(buf), is read
// in a loop that can only be left once a Read has failed or met io.EOF:
//
//	for {
//		n, err := resp.Body.Read(buf)
//		...
//		if err == io.EOF { // or err != nil, errors.Is(err, io.EOF)
//			break
//		}
//	}
//
// Past such a loop the body has been read to its end, or a read of it has failed,
// and net/http has handed its connection back to the pool or closed it, as after
// io.ReadAll (see readsToEOF): the Read releases the body. The loop must be a for
// without a condition whose body has the Read's assignment as one of its own
// statements, and every way out of it (a return, a break or goto leaving it, a
// continue of an outer loop), outside function literals, must lie in the body of an
// if after the Read whose condition holds only when Read's error is not nil; the
// error variable is assigned nowhere else in the loop. A loop that may stop on
// anything else (a byte count, a deadline) leaves the body partly unread, and the
// Read releases nothing.
func (t *Tracker) readsBodyToEnd(stack []ast.Node, at int) bool {
	if at < 3 {
		return false
	}
	call, ok := stack[at].(*ast.CallExpr)
	as, isAssign := stack[at-1].(*ast.AssignStmt)
	block, inBlock := stack[at-2].(*ast.BlockStmt)
	loop, inLoop := stack[at-3].(*ast.ForStmt)
	if !ok || !isAssign || !inBlock || !inLoop || loop.Body != block || loop.Cond != nil ||
		len(as.Lhs) != 2 || len(as.Rhs) != 1 || as.Rhs[0] != call {
		return false
	}
	id, ok := as.Lhs[1].(*ast.Ident)
	if !ok {
		return false
	}
	err, ok := t.Pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok || assignedElsewhere(t.Pass.TypesInfo, block, err, as) {
		return false
	}
	label := loopLabel(stack[at-4], loop)
	return t.exitsOnlyOnError(block, as.End(), err, label)
}

// loopLabel returns the label of loop when parent labels it, or nil.
func loopLabel(parent ast.Node, loop *ast.ForStmt) *ast.Ident {
	if l, ok := parent.(*ast.LabeledStmt); ok && l.Stmt == loop {
		return l.Label
	}
	return nil
}

// exitsOnlyOnError reports whether every way out of the loop whose body is block
// (see readsBodyToEnd) lies in the body of an if, placed after the position
// after, whose condition implies that err is not nil.
func (t *Tracker) exitsOnlyOnError(block *ast.BlockStmt, after token.Pos, err *types.Var, label *ast.Ident) bool {
	inner := make(map[string]bool) // labels of statements inside the loop
	ast.Inspect(block, func(n ast.Node) bool {
		if l, ok := n.(*ast.LabeledStmt); ok {
			inner[l.Label.Name] = true
		}
		_, lit := n.(*ast.FuncLit)
		return !lit
	})
	ok := true
	var stack []ast.Node
	ast.Inspect(block, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if _, lit := n.(*ast.FuncLit); lit || !ok {
			return false
		}
		stack = append(stack, n)
		if leavesLoop(n, stack, inner, label) && !t.underErrorTest(stack, after, err) {
			ok = false
		}
		return true
	})
	return ok
}

// leavesLoop reports whether n, at the top of stack (which starts at the loop's
// body), leaves the loop: a return, a goto, a break of it or of an outer
// statement, a continue of an outer loop.
func leavesLoop(n ast.Node, stack []ast.Node, inner map[string]bool, label *ast.Ident) bool {
	switch n := n.(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		switch {
		case n.Tok == token.GOTO:
			return true
		case n.Tok == token.FALLTHROUGH:
			return false
		case n.Label != nil:
			if label != nil && n.Label.Name == label.Name {
				return n.Tok == token.BREAK
			}
			return !inner[n.Label.Name]
		}
		for _, s := range stack[:len(stack)-1] {
			switch s.(type) {
			case *ast.ForStmt, *ast.RangeStmt:
				return false // an inner loop's break or continue
			case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				if n.Tok == token.BREAK {
					return false
				}
			}
		}
		return n.Tok == token.BREAK
	}
	return false
}

// underErrorTest reports whether the node at the top of stack lies in the body
// of an if after the position after whose condition implies err != nil.
func (t *Tracker) underErrorTest(stack []ast.Node, after token.Pos, err *types.Var) bool {
	for i := len(stack) - 2; i >= 0; i-- {
		if ifs, ok := stack[i].(*ast.IfStmt); ok && ifs.Body == stack[i+1] && ifs.Pos() > after && t.impliesError(ifs.Cond, err) {
			return true
		}
	}
	return false
}

// impliesError reports whether cond holds only when err is not nil: err != nil,
// err == io.EOF (or io.ErrUnexpectedEOF), errors.Is(err, io.EOF), a conjunction
// with one such operand, a disjunction of such operands.
func (t *Tracker) impliesError(cond ast.Expr, err *types.Var) bool {
	info := t.Pass.TypesInfo
	cond = ast.Unparen(cond)
	if x, equal, ok := flow.ComparedWithNil(info, cond); ok {
		id, isIdent := ast.Unparen(x).(*ast.Ident)
		return !equal && isIdent && info.Uses[id] == err
	}
	switch c := cond.(type) {
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LAND:
			return t.impliesError(c.X, err) || t.impliesError(c.Y, err)
		case token.LOR:
			return t.impliesError(c.X, err) && t.impliesError(c.Y, err)
		case token.EQL:
			return t.isVar(c.X, err) && t.isEOF(c.Y) || t.isVar(c.Y, err) && t.isEOF(c.X)
		}
	case *ast.CallExpr:
		fn := typeutil.Callee(info, c)
		return knowledge.IsFunc(fn, "errors", "Is") && len(c.Args) == 2 && t.isVar(c.Args[0], err) && t.isEOF(c.Args[1])
	}
	return false
}

func (t *Tracker) isVar(e ast.Expr, v *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && t.Pass.TypesInfo.Uses[id] == v
}

// isEOF reports whether e is io.EOF or io.ErrUnexpectedEOF, errors that are never nil.
func (t *Tracker) isEOF(e ast.Expr) bool {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		id = e.Sel
	case *ast.Ident:
		id = e
	default:
		return false
	}
	v, ok := t.Pass.TypesInfo.Uses[id].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == "io" && (v.Name() == "EOF" || v.Name() == "ErrUnexpectedEOF")
}
