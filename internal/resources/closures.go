package resources

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/deferlint/deferlint/internal/flow"
)

// A function literal that outlives the call of the function holding it keeps
// every variable it uses: the value it returns, stores or sends carries them
// with it, and whoever receives it decides when the resource in one is done.
// A logger's StreamHandler(w io.Writer, ...) builds its handler around a
// literal that writes to w and returns it, wrapped: the handler keeps the
// writer, and the file in it, for as long as the logger logs (erigon's
// simulation nodes, measurement 40). A use of a resource inside such a literal
// hands the resource on, as returning it would.
//
// A literal escapes when it is returned, stored in a field, an element, a
// composite value or a package-level variable, or sent; or when it is an
// argument of a call (a conversion included) whose value escapes in turn, or
// the one value of a local variable that escapes. A call whose results are
// errors or basic values (return filepath.Walk(root, func(...) error { ... }),
// return retry(func() error { ... })) returns nothing that can hold the literal,
// which it only calls; a call returning a value that could hold it may only
// call it too, and is taken to keep it all the same: the resource is then left
// to the caller, which is the quiet side. A literal passed to a call whose value
// is dropped, or called where it is written, does not escape.

// maxEscapeDepth bounds the calls and local variables followed from a returned
// or stored value to a literal inside it.
const maxEscapeDepth = 8

// escapingLiterals returns the function literals of root (a function body, its
// nested literals' bodies not searched for returns) whose value outlives the
// call of the function (see above). It is cached per root.
func (t *Tracker) escapingLiterals(root ast.Node) map[*ast.FuncLit]bool {
	if lits, ok := t.escaping[root]; ok {
		return lits
	}
	info := t.Pass.TypesInfo
	body, _ := root.(*ast.BlockStmt)
	lits := make(map[*ast.FuncLit]bool)
	var mark func(e ast.Expr, depth int)
	mark = func(e ast.Expr, depth int) {
		if e == nil || depth > maxEscapeDepth {
			return
		}
		switch e := ast.Unparen(e).(type) {
		case *ast.FuncLit:
			lits[e] = true
		case *ast.CallExpr:
			if !mayHoldFunc(info.TypeOf(e)) {
				return // return visit(func() { ... }): an error or a count holds no literal
			}
			for _, a := range e.Args {
				mark(a, depth+1) // FuncHandler(fn), a conversion: the value may hold its arguments
			}
		case *ast.CompositeLit:
			for _, elt := range e.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					elt = kv.Value
				}
				mark(elt, depth+1)
			}
		case *ast.UnaryExpr:
			if e.Op == token.AND {
				mark(e.X, depth+1)
			}
		case *ast.Ident:
			if v, ok := info.Uses[e].(*types.Var); ok && body != nil && flow.DeclaredIn(v, body) {
				mark(flow.SoleValue(info, body, v), depth+1)
			}
		}
	}
	ast.Inspect(root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its returns are its own; it escapes only as a value of root
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				mark(r, 0)
			}
		case *ast.SendStmt:
			mark(n.Value, 0)
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for j, l := range n.Lhs {
					if t.storesOutside(l, body) {
						mark(n.Rhs[j], 0)
					}
				}
			}
		}
		return true
	})
	t.escaping[root] = lits
	return lits
}

// mayHoldFunc reports whether a value of type t may hold a function literal:
// not when t is a basic type or error, nor a tuple of those.
func mayHoldFunc(t types.Type) bool {
	if tuple, ok := t.(*types.Tuple); ok {
		for v := range tuple.Variables() {
			if mayHoldFunc(v.Type()) {
				return true
			}
		}
		return false
	}
	if t == nil {
		return false
	}
	if _, basic := t.Underlying().(*types.Basic); basic {
		return false
	}
	return !types.Identical(t, errorType)
}

// storesOutside reports whether an assignment to l keeps the value beyond the
// function whose body is body: l is a field, an element, a dereference, or a
// variable declared outside body.
func (t *Tracker) storesOutside(l ast.Expr, body *ast.BlockStmt) bool {
	id, ok := ast.Unparen(l).(*ast.Ident)
	if !ok {
		return true // s.h = ..., m[k] = ..., *p = ...
	}
	v, ok := t.Pass.TypesInfo.Uses[id].(*types.Var)
	return ok && body != nil && !flow.DeclaredIn(v, body)
}

// inEscapingLiteral reports whether the identifier at the top of stack lies in a
// function literal of root that escapes (see escapingLiterals).
func (t *Tracker) inEscapingLiteral(root ast.Node, stack []ast.Node) bool {
	var lits map[*ast.FuncLit]bool
	for i := len(stack) - 2; i >= 0; i-- {
		lit, ok := stack[i].(*ast.FuncLit)
		if !ok {
			continue
		}
		if lits == nil {
			lits = t.escapingLiterals(root)
		}
		if lits[lit] {
			return true
		}
	}
	return false
}
