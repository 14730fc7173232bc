package loops

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/deferlint/deferlint/internal/flow"
)

// CursorWalk reports whether loop, a for statement of the function fn (a
// declaration or a literal), walks a slice, an array or a string by a cursor
// before it reaches at, a node of its body: a statement of the body's top level
// that comes before the one holding at indexes the collection with exactly the
// cursor (segment := t.segments[t.segmentToHashNext]), where it is evaluated
// whatever happens (not inside a function literal or after && or ||), and the
// only change the loop makes to the cursor is one ++ or --, which runs at the end
// of every iteration: the for statement's post statement, or a statement of the
// body's top level in a body with no continue of the loop and no goto. Each
// iteration that reaches at has then indexed the collection at a value the
// cursor never takes again, and an index out of range panics: the loop reaches
// at no more times than the collection has elements, as a range over it would.
// Its count is bounded by data the program holds, whatever its condition says
// (for {} included).
//
// The cursor is a variable i or a field x.f of a variable x, declared in fn (a
// parameter or receiver included): what reads or writes a package variable, or
// one captured from an outer function, is not all in sight. The collection is a
// variable s or a field x.g, and neither it nor the cursor may change otherwise
// in the loop's condition, post statement or body, function literals included,
// nor in a function literal of fn outside the loop: no assignment, no ++ or --,
// no address taken (anywhere in fn), no method called on it (a method of a named type could grow
// it), no range assigning it; for a field, none of these on x itself and no use
// of x other than selecting a field (a call given x, or a method of x, could set
// x.f). A map is not a collection here: a missing key yields the zero value and
// no panic, so nothing bounds the walk. Another goroutine writing the field, or
// a field reached through another path (x.sub.parent.f), is not seen.
func CursorWalk(info *types.Info, fn ast.Node, loop ast.Stmt, at ast.Node) bool {
	l, ok := loop.(*ast.ForStmt)
	if !ok || flow.HasGoto(l.Body) {
		return false
	}
	k := topLevelIndex(l.Body, at)
	if k < 0 {
		return false
	}
	for _, ix := range unconditionalIndexes(l.Body.List[:k]) {
		if !indexesSequence(info, ix) {
			continue
		}
		cur, ok1 := pathOf(info, ix.Index)
		coll, ok2 := pathOf(info, ix.X)
		if ok1 && ok2 && declaredIn(fn, cur.root) && declaredIn(fn, coll.root) && !within(l, cur.root) && !within(l, coll.root) &&
			isInteger(info.TypeOf(ix.Index)) && stepsOnce(info, fn, l, cur) && len(changesOf(info, fn, l, coll)) == 0 {
			return true
		}
	}
	return false
}

// path is a variable, or a field of a variable (x.f), as a cursor or a
// collection names it.
type path struct {
	root  *types.Var
	field *types.Var // nil for the variable itself
}

// pathOf returns the path e names: an identifier of a variable, or a selection of
// a field of one (through a pointer too).
func pathOf(info *types.Info, e ast.Expr) (path, bool) {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		return path{root: v}, ok && !v.IsField()
	case *ast.SelectorExpr:
		id, ok := ast.Unparen(x.X).(*ast.Ident)
		if !ok {
			return path{}, false
		}
		v, ok := info.Uses[id].(*types.Var)
		sel, isSel := info.Selections[x]
		if !ok || v.IsField() || !isSel || sel.Kind() != types.FieldVal || len(sel.Index()) != 1 {
			return path{}, false // x.f only: a promoted field crosses an embedded one
		}
		f, _ := sel.Obj().(*types.Var)
		return path{root: v, field: f}, f != nil
	}
	return path{}, false
}

// is reports whether e names p exactly.
func (p path) is(info *types.Info, e ast.Expr) bool {
	q, ok := pathOf(info, e)
	return ok && q == p
}

// holds reports whether e is p's root itself, or its dereference (x, *x): a
// write to it, or its address, reaches every field.
func (p path) holds(info *types.Info, e ast.Expr) bool {
	e = ast.Unparen(e)
	if star, ok := e.(*ast.StarExpr); ok {
		e = ast.Unparen(star.X)
	}
	id, ok := e.(*ast.Ident)
	return ok && info.Uses[id] == p.root
}

// stepsOnce reports whether the one change l makes to the cursor cur (see
// changesOf) is a ++ or -- at the end of every iteration: l's post statement, or
// a statement of the body's top level with no continue of l in the body (a
// continue would skip it and come round at the same value).
func stepsOnce(info *types.Info, fn ast.Node, l *ast.ForStmt, cur path) bool {
	changes := changesOf(info, fn, l, cur)
	if len(changes) != 1 {
		return false
	}
	step, ok := changes[0].(*ast.IncDecStmt)
	if !ok {
		return false
	}
	if l.Post == step {
		return true
	}
	if k := topLevelIndex(l.Body, step); k < 0 || l.Body.List[k] != step {
		return false
	}
	for b, dest := range BodyBranches(l, nil) {
		if b.Tok == token.CONTINUE && dest != StaysInBody {
			return false
		}
	}
	return true
}

// changesOf returns the nodes that may change p in l's condition, post statement
// and body, function literals included, and in the function literals of fn
// outside l, or where fn takes its address (see CursorWalk).
func changesOf(info *types.Info, fn ast.Node, l *ast.ForStmt, p path) []ast.Node {
	var found []ast.Node
	for _, n := range []ast.Node{l.Cond, l.Post, l.Body} {
		if n != nil {
			found = append(found, writesTo(info, n, p)...)
		}
	}
	body := flow.FuncBody(fn)
	if body == nil {
		return append(found, fn) // no body to look at: take it as a change
	}
	ast.Inspect(body, func(n ast.Node) bool {
		if n == l {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			found = append(found, writesTo(info, n.Body, p)...)
			return false
		case *ast.UnaryExpr: // a pointer taken before the loop may write in it
			if n.Op == token.AND && (p.is(info, n.X) || p.field != nil && p.holds(info, n.X)) {
				found = append(found, n)
			}
		}
		return true
	})
	return found
}

// writesTo returns the nodes of n that may change p: an assignment, a ++ or --,
// a range assigning it, its address taken, a selection on it (a method), and,
// for a field, the same done to its root, or any use of the root but selecting a
// field.
func writesTo(info *types.Info, n ast.Node, p path) []ast.Node {
	var found []ast.Node
	touches := func(e ast.Expr) bool { return p.is(info, e) || p.field != nil && p.holds(info, e) }
	ast.PreorderStack(n, nil, func(n ast.Node, stack []ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if touches(lhs) {
					found = append(found, n)
				}
			}
		case *ast.IncDecStmt:
			if touches(n.X) {
				found = append(found, n)
			}
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN && (n.Key != nil && touches(n.Key) || n.Value != nil && touches(n.Value)) {
				found = append(found, n)
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && touches(n.X) {
				found = append(found, n)
			}
		case *ast.SelectorExpr:
			if p.is(info, n.X) {
				found = append(found, n) // a method of a named type, or a field of a struct cursor
			}
		case *ast.Ident:
			if p.field != nil && info.Uses[n] == p.root && !selectsField(info, n, stack) {
				found = append(found, n)
			}
		}
		return true
	})
	return found
}

// selectsField reports whether id, whose ancestors are stack, is the operand of
// a field selection (id.f, (*id).f), not used on its own or for a method.
func selectsField(info *types.Info, id *ast.Ident, stack []ast.Node) bool {
	var child ast.Node = id
	for i := len(stack) - 1; i >= 0; i-- {
		switch parent := stack[i].(type) {
		case *ast.ParenExpr:
			child = parent
			continue
		case *ast.StarExpr:
			child = parent
			continue
		case *ast.SelectorExpr:
			sel, ok := info.Selections[parent]
			return parent.X == child && ok && sel.Kind() == types.FieldVal
		}
		return false
	}
	return false
}

// unconditionalIndexes returns the index expressions the statements of list
// evaluate whenever they run: in their expressions, an if's or switch's init and
// condition or tag, a defer's or go statement's function and arguments; not
// inside a function literal, a nested block, or the right operand of && or ||.
func unconditionalIndexes(list []ast.Stmt) []*ast.IndexExpr {
	var found []*ast.IndexExpr
	var exprs func(es ...ast.Expr)
	exprs = func(es ...ast.Expr) {
		for _, e := range es {
			if e == nil {
				continue
			}
			ast.Inspect(e, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					return false
				case *ast.BinaryExpr:
					if n.Op == token.LAND || n.Op == token.LOR {
						exprs(n.X)
						return false
					}
				case *ast.IndexExpr:
					found = append(found, n)
				}
				return true
			})
		}
	}
	var stmt func(s ast.Stmt)
	stmt = func(s ast.Stmt) {
		switch s := s.(type) {
		case *ast.AssignStmt:
			exprs(s.Rhs...)
			exprs(s.Lhs...)
		case *ast.ExprStmt:
			exprs(s.X)
		case *ast.IncDecStmt:
			exprs(s.X)
		case *ast.SendStmt:
			exprs(s.Chan, s.Value)
		case *ast.DeclStmt:
			if g, ok := s.Decl.(*ast.GenDecl); ok {
				for _, spec := range g.Specs {
					if v, ok := spec.(*ast.ValueSpec); ok {
						exprs(v.Values...)
					}
				}
			}
		case *ast.IfStmt:
			stmt(s.Init)
			exprs(s.Cond)
		case *ast.SwitchStmt:
			stmt(s.Init)
			exprs(s.Tag)
		case *ast.DeferStmt:
			exprs(s.Call.Fun)
			exprs(s.Call.Args...)
		case *ast.GoStmt:
			exprs(s.Call.Fun)
			exprs(s.Call.Args...)
		}
	}
	for _, s := range list {
		stmt(s)
	}
	return found
}

// indexesSequence reports whether ix indexes a slice, an array, a pointer to an
// array or a string: an index out of range panics. A map's does not.
func indexesSequence(info *types.Info, ix *ast.IndexExpr) bool {
	t := info.TypeOf(ix.X)
	if t == nil {
		return false
	}
	u, ok := rangeable(t)
	if !ok {
		return false
	}
	switch u := u.(type) {
	case *types.Slice, *types.Array:
		return true
	case *types.Basic:
		return u.Info()&types.IsString != 0
	}
	return false
}

// topLevelIndex returns the position in body's list of the statement that is or
// holds n, or -1.
func topLevelIndex(body *ast.BlockStmt, n ast.Node) int {
	for i, s := range body.List {
		if s.Pos() <= n.Pos() && n.End() <= s.End() {
			return i
		}
	}
	return -1
}

// declaredIn reports whether v is declared inside the node fn.
func declaredIn(fn ast.Node, v *types.Var) bool {
	return fn.Pos() <= v.Pos() && v.Pos() < fn.End()
}

// within reports whether v is declared inside l: a variable of the body is made
// afresh each iteration (the loop's own init counts as outside, declared once).
func within(l *ast.ForStmt, v *types.Var) bool {
	return l.Body.Pos() <= v.Pos() && v.Pos() < l.Body.End()
}
