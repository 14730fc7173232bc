package ctxcancel

import (
	"fmt"
	"github.com/deferlint/deferlint/internal/resources"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/deferlint/deferlint/internal/edit"
	"github.com/deferlint/deferlint/internal/loops"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// discardFix names a discarded cancel function and defers a call of it after the
// statement, when that is safe (see deferSite).
func (c *checker) discardFix(stmt, fnCur inspector.Cursor, inFunc bool, blank *ast.Ident, src *source, tok token.Token) []analysis.SuggestedFix {
	if !inFunc || tok != token.DEFINE && tok != token.VAR {
		return nil
	}
	site, ok := c.deferSite(stmt, fnCur)
	if !ok {
		return nil
	}
	name := edit.FreshName(c.pass.Pkg, fnCur.Node(), src.word(), stmt.Node().Pos())
	if name == "" {
		return nil
	}
	return []analysis.SuggestedFix{{
		Message: fmt.Sprintf("Name the %s function and defer a call of it", src.word()),
		TextEdits: []analysis.TextEdit{
			{Pos: blank.Pos(), End: blank.End(), NewText: []byte(name)},
			c.deferEdit(site, name, src),
		},
	}}
}

// neverCalledFix defers a call of v, which is never called, after the statement
// that declares it, when that is safe (see deferSite).
func (c *checker) neverCalledFix(stmt, fnCur inspector.Cursor, v *types.Var, src *source) []analysis.SuggestedFix {
	if !definesFresh(c.info, stmt.Node(), v) {
		return nil
	}
	site, ok := c.deferSite(stmt, fnCur)
	if !ok {
		return nil
	}
	return []analysis.SuggestedFix{{
		Message:   fmt.Sprintf("Defer a call of %s", v.Name()),
		TextEdits: []analysis.TextEdit{c.deferEdit(site, v.Name(), src)},
	}}
}

// deferEdit writes a deferred call of name after site; when the source may return
// a nil cancel function, under a test that it is not nil (a deferred call of nil
// panics when the function returns).
func (c *checker) deferEdit(site ast.Stmt, name string, src *source) analysis.TextEdit {
	arg := ""
	if src.cause {
		arg = "nil"
	}
	line := "defer " + name + "(" + arg + ")"
	if src.mayBeNil {
		indent := edit.Indentation(c.pass, site.Pos())
		line = "if " + name + " != nil {\n" + indent + "\t" + line + "\n" + indent + "}"
	}
	return edit.AfterStatement(c.pass, site, line)
}

// deferSite returns the statement after which a defer may be inserted for the
// assignment or declaration stmt: the statement must be directly in a block, not
// in a loop (the calls would pile up until the function returns), and the other
// variables it assigns (the derived context) must not outlive the function: they
// may only be passed to calls and have methods called, outside function literals,
// go statements and return statements.
func (c *checker) deferSite(stmt, fnCur inspector.Cursor) (ast.Stmt, bool) {
	site := stmt
	if _, ok := stmt.Node().(*ast.ValueSpec); ok {
		site = stmt.Parent().Parent() // GenDecl, DeclStmt
	}
	switch kind, _ := site.ParentEdge(); kind {
	case edge.BlockStmt_List, edge.CaseClause_Body, edge.CommClause_Body:
	default:
		return nil, false
	}
	if len(loops.Enclosing(site)) > 0 {
		return nil, false
	}
	if !c.contextsStayLocal(stmt, fnCur, false) {
		return nil, false
	}
	s, ok := site.Node().(ast.Stmt)
	return s, ok
}

// contextsStayLocal reports whether the values other than functions that the
// assignment or declaration stmt gives (the derived context) stay in the
// function: see staysLocal. Lenient is for the advice: it also lets a call's
// result whose type cannot hold a context be returned.
func (c *checker) contextsStayLocal(stmt, fnCur inspector.Cursor, lenient bool) bool {
	lhs, _ := lhsOf(stmt.Node())
	for _, e := range lhs {
		id, ok := e.(*ast.Ident)
		if !ok {
			return false
		}
		v := resources.VarOf(c.info, id)
		if v == nil || resources.IsFunc(v.Type()) {
			continue
		}
		if !c.staysLocal(fnCur, v, stmt.Node().End(), lenient, 0) {
			return false
		}
	}
	return true
}

// maxFollow bounds how far staysLocal follows values that calls make from the
// context.
const maxFollow = 4

// staysLocal reports whether every mention of v after pos passes it to a
// function or method known by name, or calls a method on it, outside function
// literals, go and return statements. A context passed to an interface method
// or a function value may be kept by code we cannot see (a publisher that hands
// it to delivery goroutines): a deferred cancel would cancel it under that
// code. A call's result that may hold the context (context.WithValue's, a
// request's) must stay local too.
func (c *checker) staysLocal(fnCur inspector.Cursor, v *types.Var, pos token.Pos, lenient bool, depth int) bool {
	if depth > maxFollow {
		return false
	}
	for cur := range fnCur.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if c.info.Uses[id] != v || id.Pos() < pos {
			continue
		}
		if !c.usedLocally(fnCur, cur, lenient, depth) {
			return false
		}
	}
	return true
}

// usedLocally reports whether the expression at cur, which holds the context,
// is used so that it stays in the function (see staysLocal).
func (c *checker) usedLocally(fnCur, cur inspector.Cursor, lenient bool, depth int) bool {
	climbed := c.uses.Climb(cur)
	harmless := false // the use is an argument of a call that returns nothing the context can hide in
	switch kind, _ := climbed.ParentEdge(); kind {
	case edge.CallExpr_Args:
		callCur := climbed.Parent()
		call := callCur.Node().(*ast.CallExpr)
		if typeutil.StaticCallee(c.info, call) == nil {
			return false // an interface method or a function value may keep it
		}
		// A result that cannot hold the context by its type (a record of strings)
		// may be returned, when lenient: the fix asks more (a type with no
		// fields may stand for one the reader cannot see).
		harmless = plainResults(c.info.TypeOf(call)) || lenient && !mayHoldContext(c.info.TypeOf(call))
		if !harmless && !c.resultStaysLocal(fnCur, callCur, lenient, depth+1) {
			return false
		}
	case edge.SelectorExpr_X, edge.AssignStmt_Lhs:
	default:
		return false
	}
	for anc := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.GoStmt)(nil), (*ast.ReturnStmt)(nil), (*ast.FuncDecl)(nil)) {
		if anc.Node() == fnCur.Node() {
			break
		}
		if _, ok := anc.Node().(*ast.ReturnStmt); ok && harmless {
			continue
		}
		return false
	}
	return true
}

// resultStaysLocal reports whether the result of the call at callCur, which may
// hold the context, stays in the function: dropped, assigned to variables of
// the function that stay local, or used as the context itself would be.
func (c *checker) resultStaysLocal(fnCur, callCur inspector.Cursor, lenient bool, depth int) bool {
	if depth > maxFollow {
		return false
	}
	climbed := c.uses.Climb(callCur)
	switch kind, _ := climbed.ParentEdge(); kind {
	case edge.ExprStmt_X:
		return true
	case edge.AssignStmt_Rhs:
		assign := climbed.Parent().Node().(*ast.AssignStmt)
		for _, e := range assign.Lhs {
			id, ok := ast.Unparen(e).(*ast.Ident)
			if !ok {
				return false // stored in a field or an element
			}
			if id.Name == "_" {
				continue
			}
			w := resources.VarOf(c.info, id)
			if w == nil || !resources.DeclaredIn(w, fnCur.Node()) || !c.staysLocal(fnCur, w, assign.End(), lenient, depth) {
				return false
			}
		}
		return true
	}
	return c.usedLocally(fnCur, callCur, lenient, depth)
}

// plainResults reports whether a call's result type t holds nothing a context
// could hide in: no result, basic types and error.
func plainResults(t types.Type) bool {
	if tuple, ok := t.(*types.Tuple); ok {
		for v := range tuple.Variables() {
			if !plainResults(v.Type()) {
				return false
			}
		}
		return true
	}
	if t == nil {
		return false
	}
	if _, ok := t.Underlying().(*types.Basic); ok {
		return true
	}
	return types.Identical(t, types.Universe.Lookup("error").Type())
}
