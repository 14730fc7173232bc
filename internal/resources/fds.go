package resources

import (
	"go/ast"
	"go/types"
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

// socketFile reports whether fn is the File method of a net listener or
// connection (net.TCPListener, net.UnixListener, and the conn that TCPConn,
// UnixConn, UDPConn and IPConn embed): it returns an *os.File holding a
// duplicate of the socket's descriptor, which keeps the socket (and its
// address) open for as long as the file is open, whatever becomes of the
// listener or connection.
func socketFile(fn types.Object) bool {
	return knowledge.IsMethod(fn, "net", "TCPListener", "File") ||
		knowledge.IsMethod(fn, "net", "UnixListener", "File") ||
		knowledge.IsMethod(fn, "net", "conn", "File")
}

// socketFileHandedOn reports whether stack[at], a call l.File() of a net
// listener's or connection's File method, hands the socket on: the file it
// returns leaves the function where a descriptor number would (see
// fdHandedOn): returned (return listener.File(), wireguard's UAPIOpen),
// stored, sent, or kept in a local variable (f, err := l.File()) that is
// itself handed on so. Whoever receives the file holds the socket through it,
// and closing the listener would not release the socket but would undo what
// they hold it for: a UnixListener's Close unlinks the socket's path
// (measurement 25). A file used only in place and dropped hands nothing on:
// the listener still owns its socket.
func (t *Tracker) socketFileHandedOn(stack []ast.Node, at int) bool {
	call, ok := stack[at].(*ast.CallExpr)
	if !ok || at == 0 {
		return false
	}
	switch p := stack[at-1].(type) {
	case *ast.AssignStmt: // f, err := l.File()
		if len(p.Rhs) == 1 && p.Rhs[0] == call && len(p.Lhs) == 2 {
			return t.numberStoreEscapes(stack[0], p.Lhs[0], true)
		}
	case *ast.ValueSpec: // var f, err = l.File()
		if len(p.Values) == 1 && p.Values[0] == call && len(p.Names) == 2 {
			return t.numberStoreEscapes(stack[0], p.Names[0], true)
		}
	}
	return t.numberHandedOn(stack, at, true)
}
