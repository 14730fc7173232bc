package deferargs

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/deferlint/deferlint/internal/edit"
	"github.com/deferlint/deferlint/internal/flow"
)

// A deferred function may itself be the result of a call made at the defer
// statement: defer updateOSMetrics(op, path)(err) starts a timer and defers the
// function that records it. Wrapping the whole deferred call in a function literal
// would make that call only at return and measure nothing, so for this shape the
// advice and the fix keep the call where it stands, store its result, and defer a
// literal that calls the result:
//
//	done := updateOSMetrics(op, path)
//	defer func() { done(err) }()

// makerCall returns the call that makes the deferred function when the defer
// statement runs, through parentheses, selectors (defer l.log(x).end(err)) and
// conversions (defer finisher(open())(err)); nil when the deferred function is a
// name, a field or a literal, which wrapping leaves as it is.
func makerCall(info *types.Info, call *ast.CallExpr) *ast.CallExpr {
	e := call.Fun
	for {
		switch n := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			if !info.Types[n.Fun].IsType() {
				return n
			}
			if len(n.Args) != 1 {
				return nil
			}
			e = n.Args[0] // a conversion runs no code; its operand may
		case *ast.SelectorExpr:
			if _, ok := info.Selections[n]; !ok {
				return nil // a qualified identifier: pkg.F
			}
			e = n.X
		default:
			return nil
		}
	}
}

// callingResult returns a copy of the deferred call in which the maker call is
// replaced by name, the variable that holds its result. The nodes on the way from
// the call's function to the maker are copied; the arguments are shared.
func callingResult(call, maker *ast.CallExpr, name string) *ast.CallExpr {
	c := *call
	// The name stands where the maker stood, so that the printer keeps the line.
	c.Fun = replaced(call.Fun, maker, &ast.Ident{NamePos: maker.Pos(), Name: name})
	return &c
}

func replaced(e ast.Expr, maker *ast.CallExpr, id *ast.Ident) ast.Expr {
	switch n := e.(type) {
	case *ast.CallExpr:
		if n == maker {
			return id
		}
		c := *n // a conversion on the way
		c.Args = []ast.Expr{replaced(n.Args[0], maker, id)}
		return &c
	case *ast.ParenExpr:
		x := replaced(n.X, maker, id)
		if x == id {
			return id // (done)(err) reads better without the parentheses
		}
		c := *n
		c.X = x
		return &c
	case *ast.SelectorExpr:
		c := *n
		c.X = replaced(n.X, maker, id)
		return &c
	}
	return e
}

// makerAdvice is the remedy for a deferred call whose function is made by maker,
// with an example written in the code's own terms.
func makerAdvice(fset *token.FileSet, call, maker *ast.CallExpr, name string) string {
	fun := edit.Render(fset, maker.Fun, "the function")
	args := "()"
	if len(maker.Args) > 0 {
		args = "(...)"
	}
	return fmt.Sprintf("call %s first and defer a function literal that calls its result: %s := %s%s; defer func() { %s }()",
		fun, name, fun, args, edit.Render(fset, callingResult(call, maker, name), "..."))
}

// resultName returns the name for the maker's result: done, or done2, done3... when
// done is taken in the function; "" when none of them is free.
func resultName(pass *analysis.Pass, fn *funcInfo, stmt *ast.DeferStmt) string {
	return edit.FreshName(pass.Pkg, fn.node, "done", stmt.Pos())
}

// canDeclareBefore reports whether a declaration of the maker's result can go on
// the line before the defer statement and change nothing else: the defer is a
// statement of a block or a case clause of its own (not a labeled statement), no
// other defer of the same list has a maker (whose fix would declare the same
// name), and the function has no goto (which must not jump over a declaration).
func canDeclareBefore(info *types.Info, fn *funcInfo, cur inspector.Cursor) bool {
	list, ok := flow.StmtList(cur.Parent().Node())
	if !ok {
		return false
	}
	for _, s := range list {
		if d, ok := s.(*ast.DeferStmt); ok && s != cur.Node() && makerCall(info, d.Call) != nil {
			return false
		}
	}
	return !flow.HasGoto(fn.body)
}

// makerFix offers, when offer is true, to make the maker call at the defer
// statement into a variable and defer a function literal that calls its result.
func makerFix(pass *analysis.Pass, stmt *ast.DeferStmt, maker *ast.CallExpr, name string, offer bool) []analysis.SuggestedFix {
	if !offer || name == "" {
		return nil
	}
	made := edit.Render(pass.Fset, maker, "")
	later := edit.Render(pass.Fset, callingResult(stmt.Call, maker, name), "")
	if made == "" || later == "" {
		return nil
	}
	return []analysis.SuggestedFix{{
		Message: fmt.Sprintf("Call %s at the defer statement and evaluate the arguments when its result is called",
			edit.Render(pass.Fset, maker.Fun, "the function")),
		TextEdits: []analysis.TextEdit{{
			Pos:     stmt.Pos(),
			End:     stmt.Pos(),
			NewText: []byte(name + " := " + made + "\n" + edit.Indentation(pass, stmt.Pos())),
		}, {
			Pos:     stmt.Call.Pos(),
			End:     stmt.Call.End(),
			NewText: []byte("func() { " + later + " }()"),
		}},
	}}
}
