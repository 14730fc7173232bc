package resources

import (
	"go/ast"
	"slices"

	"github.com/deferlint/deferlint/internal/knowledge"
	"golang.org/x/tools/go/types/typeutil"
)

// fdHandedOn reports whether stack[at], a call v.Fd() of a method named Fd on a
// tracked resource, hands the descriptor number on: through conversions
// (int(f.Fd()), py.Int(f.Fd())), it is returned, sent, stored in a composite
// value, a field, an element or a variable declared outside root, or given to
// os.NewFile, which makes a second file owning the same descriptor. Whoever
// receives the number then owns the descriptor: closing the file would close
// it under them (measurement 15: gpython's mkstemp returns f.Fd() to the
// Python caller, who closes it). A number passed to a call in place
// (unix.Flock(int(f.Fd()), ...), a syscall that uses it and returns) or kept in
// a local variable that is itself used only that way hands nothing on: the file
// still owns its descriptor.
func (t *Tracker) fdHandedOn(stack []ast.Node, at int) bool {
	return t.numberHandedOn(stack, at, true)
}

// numberHandedOn is fdHandedOn for the expression stack[at]; follow says
// whether a local variable it is assigned to is followed (once).
func (t *Tracker) numberHandedOn(stack []ast.Node, at int, follow bool) bool {
	info := t.Pass.TypesInfo
	e, ok := stack[at].(ast.Expr)
	if !ok {
		return false
	}
	for at > 0 {
		switch p := stack[at-1].(type) {
		case *ast.ParenExpr:
			e, at = p, at-1
			continue
		case *ast.CallExpr:
			if tv, ok := info.Types[p.Fun]; ok && tv.IsType() && len(p.Args) == 1 {
				e, at = p, at-1 // a conversion: int(f.Fd()), uintptr(...), py.Int(...)
				continue
			}
			return knowledge.IsFunc(typeutil.Callee(info, p), "os", "NewFile") && slices.Index(p.Args, e) == 0
		}
		break
	}
	if at == 0 {
		return false
	}
	switch p := stack[at-1].(type) {
	case *ast.ReturnStmt, *ast.CompositeLit:
		return true
	case *ast.KeyValueExpr:
		return p.Value == e
	case *ast.SendStmt:
		return p.Value == e
	case *ast.AssignStmt:
		if len(p.Lhs) == len(p.Rhs) {
			if j := slices.Index(p.Rhs, e); j >= 0 {
				return t.numberStoreEscapes(stack[0], p.Lhs[j], follow)
			}
		}
	case *ast.ValueSpec:
		if len(p.Names) == len(p.Values) && follow {
			if j := slices.Index(p.Values, e); j >= 0 {
				return t.numberStoreEscapes(stack[0], p.Names[j], follow)
			}
		}
	}
	return false
}

// numberStoreEscapes reports whether assigning a descriptor number to lhs lets
// it leave the function whose body is root: lhs is a field, an element or a
// pointer's target, or a variable declared outside root, or (when follow is
// set) a local variable whose own uses hand it on (fd := f.Fd(); return fd).
// The blank identifier keeps nothing.
func (t *Tracker) numberStoreEscapes(root ast.Node, lhs ast.Expr, follow bool) bool {
	v, escapes := t.storeTarget(root, lhs)
	if v == nil {
		return escapes
	}
	if !follow {
		return false
	}
	found := false
	ast.PreorderStack(root, nil, func(n ast.Node, stack []ast.Node) bool {
		if use, isIdent := n.(*ast.Ident); !found && isIdent && t.Pass.TypesInfo.Uses[use] == v {
			path := append(stack, n)
			found = t.numberHandedOn(path, len(path)-1, false)
		}
		return !found // once found, nothing more is walked
	})
	return found
}
