package deferloop

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/knowledge"
	"github.com/deferlint/deferlint/internal/resources"
	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"
)

// This file judges deferred closes of response bodies that hold nothing: the body
// of a response to a HEAD request, and a body decoded until io.EOF.

// closesHeadResponse reports whether the deferred call is x.Body.Close() (see
// closedBody) on a response variable x that the function assigns only, and at
// least once, from calls returning the response to a HEAD request (see
// resources.HeadResponse: http.Head, Client.Head, a Do of a request built for
// HEAD). Such a body is http.NoBody, and the transport has handed the connection
// back before returning the response: the deferred Close does nothing, and nothing
// is held per iteration. Only the delay is left, reported with -deferloop.delayed.
func closesHeadResponse(info *types.Info, fnBody *ast.BlockStmt, call *ast.CallExpr) bool {
	body := closedBody(info, call)
	if body == nil {
		return false
	}
	v := flow.RootVar(info, body)
	if v == nil || !declaredIn(fnBody, v) {
		return false
	}
	head, other := false, false
	ast.Inspect(fnBody, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if !isVar(info, lhs, v) {
					continue
				}
				if len(n.Rhs) != 1 || i != 0 {
					other = true // resp, err = a, b: not a call's response
					continue
				}
				c, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr)
				if ok && resources.HeadResponse(info, fnBody, c) {
					head = true
				} else {
					other = true
				}
			}
		case *ast.ValueSpec:
			for _, id := range n.Names {
				if info.Defs[id] == v && len(n.Values) > 0 {
					other = true // var resp = ...: not followed
				}
			}
		case *ast.UnaryExpr:
			other = other || n.Op == token.AND && isVar(info, n.X, v)
		}
		return !other
	})
	return head && !other
}

// decodedToEOF returns, for a deferred x.Body.Close() (see closedBody), a test of
// whether a block of the function's graph is the then branch of an if statement
// entered only when a JSON decoder over x.Body has returned io.EOF: if err ==
// io.EOF (or errors.Is(err, io.EOF)), err given by dec.Decode(...) in the if's own
// init, or in the init of an if err != nil around it (the if being one of that
// body's statements, nothing before it assigning err), or by the statement just
// before either; dec assigned only json.NewDecoder(x.Body). A json.Decoder returns
// io.EOF only once its reader has (at the end of its input, with nothing but white
// space left), so a body decoded until io.EOF has been read to its end, which
// hands the response's connection back to the pool: a path through that branch
// has nothing left for the deferred Close to release (for { if err :=
// dec.Decode(&v); err != nil { if err == io.EOF { break }; return err } }). It
// returns nil for any other deferred call.
func decodedToEOF(info *types.Info, region *ast.BlockStmt, call *ast.CallExpr) func(*cfg.Block) bool {
	body := closedBody(info, call)
	if body == nil || region == nil {
		return nil
	}
	decs := decodersOf(info, region, types.ExprString(body))
	if len(decs) == 0 {
		return nil
	}
	eofIfs := make(map[*ast.IfStmt]bool)
	decodes := func(s ast.Stmt) *types.Var { return decodeResult(info, s, decs) }
	ast.Inspect(region, func(n ast.Node) bool {
		list, ok := flow.StmtList(n)
		if !ok {
			return true
		}
		for i, s := range list {
			ifStmt, ok := s.(*ast.IfStmt)
			if !ok {
				continue
			}
			err := decodes(ifStmt.Init)
			if err == nil && i > 0 && ifStmt.Init == nil {
				err = decodes(list[i-1])
			}
			if err != nil {
				markEOFTests(info, ifStmt, err, eofIfs)
			}
		}
		return true
	})
	return func(b *cfg.Block) bool {
		s, ok := b.Stmt.(*ast.IfStmt)
		return ok && b.Kind == cfg.KindIfThen && eofIfs[s]
	}
}

// markEOFTests marks ifStmt when its condition tests err for io.EOF, or, when it
// is if err != nil, the statements of its body that are such tests, up to the
// first statement that assigns err.
func markEOFTests(info *types.Info, ifStmt *ast.IfStmt, err *types.Var, marks map[*ast.IfStmt]bool) {
	if testsEOF(info, ifStmt.Cond, err) {
		marks[ifStmt] = true
		return
	}
	if !testsNonNilVar(info, ifStmt.Cond, err) {
		return
	}
	for _, s := range ifStmt.Body.List {
		if inner, ok := s.(*ast.IfStmt); ok && inner.Init == nil && testsEOF(info, inner.Cond, err) {
			marks[inner] = true
		}
		if assignsVar(info, s, err) {
			return
		}
	}
}

// testsEOF reports whether cond is err == io.EOF (either way round) or
// errors.Is(err, io.EOF).
func testsEOF(info *types.Info, cond ast.Expr, err *types.Var) bool {
	isEOF := func(e ast.Expr) bool {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		v, isVar := info.Uses[sel.Sel].(*types.Var)
		return ok && isVar && v.Pkg() != nil && v.Pkg().Path() == "io" && v.Name() == "EOF"
	}
	switch c := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		return c.Op == token.EQL && (isVar(info, c.X, err) && isEOF(c.Y) || isEOF(c.X) && isVar(info, c.Y, err))
	case *ast.CallExpr:
		return knowledge.IsFunc(typeutil.Callee(info, c), "errors", "Is") && len(c.Args) == 2 &&
			isVar(info, c.Args[0], err) && isEOF(c.Args[1])
	}
	return false
}

// testsNonNilVar reports whether cond is err != nil (or nil != err).
func testsNonNilVar(info *types.Info, cond ast.Expr, err *types.Var) bool {
	x, equal, ok := flow.ComparedWithNil(info, cond)
	return ok && !equal && isVar(info, x, err)
}

// assignsVar reports whether s assigns v anywhere in it.
func assignsVar(info *types.Info, s ast.Stmt, v *types.Var) bool {
	found := false
	ast.Inspect(s, func(n ast.Node) bool {
		if a, ok := n.(*ast.AssignStmt); ok {
			for _, lhs := range a.Lhs {
				found = found || isVar(info, lhs, v)
			}
		}
		return !found
	})
	return found
}

// decodeResult returns err for a statement err := dec.Decode(...) or err =
// dec.Decode(...), dec one of decs; else nil.
func decodeResult(info *types.Info, s ast.Stmt, decs map[*types.Var]bool) *types.Var {
	a, ok := s.(*ast.AssignStmt)
	if !ok || len(a.Lhs) != 1 || len(a.Rhs) != 1 {
		return nil
	}
	id, ok := ast.Unparen(a.Lhs[0]).(*ast.Ident)
	if !ok {
		return nil
	}
	err, ok := info.ObjectOf(id).(*types.Var)
	c, isCall := ast.Unparen(a.Rhs[0]).(*ast.CallExpr)
	if !ok || !isCall {
		return nil
	}
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok || !knowledge.IsMethod(typeutil.Callee(info, c), "encoding/json", "Decoder", "Decode") {
		return nil
	}
	if d := flow.RootVar(info, sel.X); d == nil || !decs[d] || !isVar(info, sel.X, d) {
		return nil
	}
	return err
}

// decodersOf returns the variables of region that are assigned, every time and at
// least once, json.NewDecoder(body), body the expression written so.
func decodersOf(info *types.Info, region *ast.BlockStmt, body string) map[*types.Var]bool {
	good := make(map[*types.Var]bool)
	bad := make(map[*types.Var]bool)
	ast.Inspect(region, func(n ast.Node) bool {
		a, ok := n.(*ast.AssignStmt)
		if !ok {
			return true
		}
		for i, lhs := range a.Lhs {
			id, ok := ast.Unparen(lhs).(*ast.Ident)
			if !ok {
				continue
			}
			v, ok := info.ObjectOf(id).(*types.Var)
			if !ok {
				continue
			}
			c, isCall := ast.Unparen(a.Rhs[min(i, len(a.Rhs)-1)]).(*ast.CallExpr)
			if len(a.Lhs) == len(a.Rhs) && isCall && knowledge.IsFunc(typeutil.Callee(info, c), "encoding/json", "NewDecoder") &&
				len(c.Args) == 1 && types.ExprString(ast.Unparen(c.Args[0])) == body {
				good[v] = true
			} else {
				bad[v] = true
			}
		}
		return true
	})
	for v := range bad {
		delete(good, v)
	}
	return good
}

// drainedBeforeDefer reports whether the deferred call is x.Body.Close() (see
// closedBody) on a body that every path from where x gets its value to the defer
// has read to its end (see drainsBody: io.ReadAll(x.Body), io.Copy(io.Discard,
// x.Body)): resp, err := http.ReadResponse(r, req); ...; io.Copy(io.Discard,
// resp.Body); defer resp.Body.Close(). A response body read to its end has handed
// its connection back to the pool (net/http returns it when the body reaches EOF,
// and closes it when a read fails); the body of http.ReadResponse over a
// connection the caller owns holds nothing past its end either. The deferred
// Close has nothing left to release, as when the iteration closes the body itself
// after the defer. x must be declared by a statement of region (x := ..., var x),
// so that every path to the defer passes a definition of it, and neither a
// function literal nor a pointer may change it out of sight. Only a field Body of
// interface type is a response's body: a file read to its end keeps its
// descriptor until it is closed.
func drainedBeforeDefer(info *types.Info, g *flow.Graph, region *ast.BlockStmt, stmt *ast.DeferStmt, call *ast.CallExpr) bool {
	body := closedBody(info, call)
	if body == nil || region == nil {
		return false
	}
	v := flow.RootVar(info, body)
	if v == nil || !declaredByStatement(info, region, v) || changedOutOfSight(info, region, v) {
		return false
	}
	isDefer := func(n ast.Node) bool { return n == stmt }
	gives := func(n ast.Node) bool { return givesValue(info, n, v) }
	drains := func(n ast.Node) bool { return gives(n) || drainsBody(info, n, call) }
	found := false
	for _, b := range g.CFG.Blocks {
		if !b.Live {
			continue
		}
		for _, n := range b.Nodes {
			if !gives(n) {
				continue
			}
			found = true
			if g.ReachesFirst(n, isDefer, drains) {
				return false // a path from this value to the defer reads nothing of the body
			}
		}
	}
	return found
}

// declaredByStatement reports whether v is declared in region, outside function
// literals, by a short variable declaration or a var declaration: a statement
// every path into v's scope passes (Go allows no jump over a declaration into its
// scope), unlike a range header, a parameter or a named result.
func declaredByStatement(info *types.Info, region *ast.BlockStmt, v *types.Var) bool {
	found := false
	ast.Inspect(region, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				found = found || slices.ContainsFunc(n.Lhs, func(e ast.Expr) bool {
					id, ok := e.(*ast.Ident)
					return ok && info.Defs[id] == v
				})
			}
		case *ast.ValueSpec:
			found = found || slices.ContainsFunc(n.Names, func(id *ast.Ident) bool { return info.Defs[id] == v })
		}
		return !found
	})
	return found
}

// givesValue reports whether the node n, outside function literals, declares v or
// assigns v or a part of it (resp = ..., resp.Body = ...).
func givesValue(info *types.Info, n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		switch m := m.(type) {
		case *ast.FuncLit:
			return false
		case *ast.Ident:
			found = found || info.Defs[m] == v
		case *ast.AssignStmt:
			for _, lhs := range m.Lhs {
				found = found || isVar(info, lhs, v) || flow.RootVar(info, lhs) == v
			}
		}
		return !found
	})
	return found
}

// changedOutOfSight reports whether a function literal in region assigns v or a
// part of it, or region takes the address of v or of a part of it: a change the
// graph does not show.
func changedOutOfSight(info *types.Info, region *ast.BlockStmt, v *types.Var) bool {
	found := false
	ast.Inspect(region, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			ast.Inspect(n.Body, func(m ast.Node) bool {
				if a, ok := m.(*ast.AssignStmt); ok {
					for _, lhs := range a.Lhs {
						found = found || flow.RootVar(info, lhs) == v
					}
				}
				return !found
			})
		case *ast.UnaryExpr:
			found = found || n.Op == token.AND && flow.RootVar(info, n.X) == v
		}
		return !found
	})
	return found
}
