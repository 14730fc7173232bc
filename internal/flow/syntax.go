package flow

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
)

// Mentions reports whether n refers to v anywhere, function literals included.
func Mentions(info *types.Info, n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == v {
			found = true
		}
		return !found
	})
	return found
}

// HasGoto reports whether body holds a goto statement outside the function literals
// in it: a goto may jump back and run code again, so a loop can be made of one.
func HasGoto(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BranchStmt:
			found = found || n.Tok == token.GOTO
		}
		return !found
	})
	return found
}

// StmtList returns the statement list that n holds directly: a block's
// statements, or the body of a switch case or select clause. ok is false for any
// other node.
func StmtList(n ast.Node) (list []ast.Stmt, ok bool) {
	switch n := n.(type) {
	case *ast.BlockStmt:
		return n.List, true
	case *ast.CaseClause:
		return n.Body, true
	case *ast.CommClause:
		return n.Body, true
	}
	return nil, false
}

// Returns returns the return statements of body that return from its own
// function: those outside the function literals in it, in source order.
func Returns(body *ast.BlockStmt) []*ast.ReturnStmt {
	var returns []*ast.ReturnStmt
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			returns = append(returns, n)
		}
		return true
	})
	return returns
}

// Sides returns the left- and right-hand sides of an assignment or a var spec
// (its names as identifiers, its values); ok is false for any other node.
func Sides(n ast.Node) (lhs, rhs []ast.Expr, ok bool) {
	switch n := n.(type) {
	case *ast.AssignStmt:
		return n.Lhs, n.Rhs, true
	case *ast.ValueSpec:
		lhs := make([]ast.Expr, len(n.Names))
		for i, name := range n.Names {
			lhs[i] = name
		}
		return lhs, n.Values, true
	}
	return nil, nil, false
}

// Changes reports whether n assigns v (its declaration with := included),
// increments or decrements it, or takes the address of v or of a part of it,
// after which it may change anywhere.
func Changes(info *types.Info, n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok && (info.Defs[id] == v || info.Uses[id] == v) {
					found = true
				}
			}
		case *ast.IncDecStmt:
			found = found || Mentions(info, n.X, v)
		case *ast.UnaryExpr:
			found = found || n.Op == token.AND && Mentions(info, n.X, v)
		}
		return !found
	})
	return found
}

// AddressTaken reports whether n takes the address of v or of a part of it (&v,
// &v.f, &v[i]), after which v may change, or be read, anywhere.
func AddressTaken(info *types.Info, n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.AND && Mentions(info, u.X, v) {
			found = true
		}
		return !found
	})
	return found
}

// ComparedWithNil reports whether e is a comparison with the predeclared nil (x
// == nil, x != nil, or either with nil first), returning the other operand and
// whether the comparison is ==.
func ComparedWithNil(info *types.Info, e ast.Expr) (x ast.Expr, equal, ok bool) {
	bin, isBinary := ast.Unparen(e).(*ast.BinaryExpr)
	if !isBinary || bin.Op != token.EQL && bin.Op != token.NEQ {
		return nil, false, false
	}
	switch {
	case IsNil(info, bin.Y):
		x = bin.X
	case IsNil(info, bin.X):
		x = bin.Y
	default:
		return nil, false, false
	}
	return x, bin.Op == token.EQL, true
}

// IsNil reports whether e is the predeclared nil (not a variable or constant that
// holds nil: the identifier itself, parenthesized or not).
func IsNil(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := info.Uses[id].(*types.Nil)
	return isNil
}

// RootVar returns the variable at the root of a chain of selections, indexes and
// dereferences (see RootIdent), or nil when the chain starts elsewhere (a call,
// a literal).
func RootVar(info *types.Info, e ast.Expr) *types.Var {
	id := RootIdent(info, e)
	if id == nil {
		return nil
	}
	v, _ := info.Uses[id].(*types.Var)
	return v
}

// RootIdent returns the identifier at the root of a chain of selections, indexes
// and dereferences: f in f, f.conn, fs[i].conn or *f; V in a package's pkg.V and
// pkg.V.Fd; nil when the chain starts elsewhere (a call, a literal).
func RootIdent(info *types.Info, e ast.Expr) *ast.Ident {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return x
		case *ast.SelectorExpr:
			if pkg, ok := x.X.(*ast.Ident); ok {
				if _, qualified := info.Uses[pkg].(*types.PkgName); qualified {
					return x.Sel
				}
			}
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// SoleValue returns the value v is declared with, when that is its only write in
// body: nil if it is assigned again, incremented, ranged into or has its address
// taken.
func SoleValue(info *types.Info, body *ast.BlockStmt, v *types.Var) ast.Expr {
	var value ast.Expr
	writes := 0
	write := func(lhs []ast.Expr, rhs []ast.Expr) {
		for i, l := range lhs {
			id, ok := ast.Unparen(l).(*ast.Ident)
			if !ok || info.Defs[id] != v && info.Uses[id] != v {
				continue
			}
			writes++
			if len(lhs) == len(rhs) && info.Defs[id] == v {
				value = rhs[i]
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		if lhs, rhs, ok := Sides(n); ok {
			write(lhs, rhs)
			return true
		}
		switch n := n.(type) {
		case *ast.RangeStmt:
			write([]ast.Expr{n.Key, n.Value}, nil)
		case *ast.IncDecStmt:
			write([]ast.Expr{n.X}, nil)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				write([]ast.Expr{n.X}, nil)
			}
		}
		return true
	})
	if writes != 1 {
		return nil
	}
	return value
}

// DeclaredIn reports whether v belongs to the function whose body is body: a
// local declared in it, or a parameter, receiver or result, whose scope is the
// function's and ends where the body ends (go/types extends a function's scope
// to the end of its declaration or literal). A variable of an enclosing
// function, which a literal captures, is not: that function may change it
// between two calls of the literal.
func DeclaredIn(v *types.Var, body *ast.BlockStmt) bool {
	if body.Pos() <= v.Pos() && v.Pos() < body.End() {
		return true
	}
	scope := v.Parent()
	return scope != nil && scope.End() == body.End() && scope.Pos() <= v.Pos() && v.Pos() < body.Pos()
}

// CallsBuiltin reports whether e is a call of one of the named builtin functions
// (make, new, panic...), by the object its name resolves to: a local function
// named make is no such call.
func CallsBuiltin(info *types.Info, e ast.Expr, names ...string) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && slices.Contains(names, b.Name())
}

// FileOf returns the file among files that holds pos, or nil.
func FileOf(files []*ast.File, pos token.Pos) *ast.File {
	for _, f := range files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}
