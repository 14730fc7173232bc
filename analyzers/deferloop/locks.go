package deferloop

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/deferlint/deferlint/internal/flow"
	"golang.org/x/tools/go/types/typeutil"
)

// This file judges a deferred unlock in a loop: the same mutex locked again (a
// deadlock), or a lock per element held on purpose while what was read under it
// is used after the loop.

// syncUnlocked returns the receiver of a deferred call to the method name (Unlock,
// RUnlock) of a sync.Mutex or sync.RWMutex (directly, through embedding, or
// through sync.Locker), or nil.
func syncUnlocked(info *types.Info, call *ast.CallExpr, name string) ast.Expr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != name {
		return nil
	}
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "sync" {
		return nil
	}
	return sel.X
}

// collectedUnderLock reports whether the deferred call unlocks (Unlock or RUnlock)
// a mutex that differs per iteration, rooted in a variable the loop declares or
// assigns (the other of for _, other := range others { other.RLock(); defer
// other.RUnlock(); ... }), and the iteration, after the defer, hands on something
// read under that lock to a variable that outlives it (bms = append(bms,
// other.bitmap), m[k] = s.items, res.x = s.p), which shares memory with the locked
// value (see sharesMemory). What is read under each lock is used after the
// iteration, so every lock is held until then, as influxdb's Merge does while it
// ors the collected bitmaps: the author holds all the locks at once on purpose. A
// mutex that is the same in every iteration is not such a lock: locking it again
// deadlocks (message reports that first). A copy that shares nothing (total +=
// s.n) needs no lock after it is made, and an iteration that carries nothing out
// holds its lock for nothing: both stay reported.
func collectedUnderLock(info *types.Info, loop ast.Stmt, body *ast.BlockStmt, stmt *ast.DeferStmt, call *ast.CallExpr) bool {
	mu := syncUnlocked(info, call, "Unlock")
	if mu == nil {
		mu = syncUnlocked(info, call, "RUnlock")
	}
	if mu == nil || body == nil || invariant(info, mu, loop) {
		return false
	}
	root := flow.RootVar(info, mu)
	if root == nil || !declaredIn(loop, root) && !assignedIn(info, body, root) {
		return false
	}
	return assignmentsAfter(body, stmt, func(n *ast.AssignStmt) bool {
		if n.Tok == token.DEFINE {
			return false
		}
		for _, lhs := range n.Lhs {
			if declaredOutside(info, loop, lhs) && slices.ContainsFunc(n.Rhs, func(rhs ast.Expr) bool { return readsUnder(info, rhs, root) }) {
				return true
			}
		}
		return false
	})
}

// assignmentsAfter calls visit, in source order, for each assignment of the
// iteration body that follows the defer stmt, outside function literals, until
// visit reports true, and reports whether it did: what the iteration stores once
// the release is deferred, to which the held value may lend something.
func assignmentsAfter(body *ast.BlockStmt, stmt *ast.DeferStmt, visit func(*ast.AssignStmt) bool) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found || n == nil || n.End() <= stmt.End() {
			return false // only what follows the defer
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			found = visit(n)
		}
		return !found
	})
	return found
}

// readsUnder reports whether e reads, through root, a value that shares memory with
// what root refers to (see sharesMemory): a selector, index or dereference chain
// rooted in root (other.bitmap, s.items[k]), or the result of a method called on
// one (s.Snapshot()).
func readsUnder(info *types.Info, e ast.Expr, root *types.Var) bool {
	shares := func(e ast.Expr) bool {
		t := info.TypeOf(e)
		return t != nil && sharesMemory(t, 0)
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && flow.RootVar(info, sel.X) == root {
				found = shares(x)
				for _, arg := range x.Args {
					found = found || readsUnder(info, arg, root)
				}
				return false
			}
		case *ast.Ident, *ast.SelectorExpr, *ast.IndexExpr, *ast.StarExpr:
			if flow.RootVar(info, x.(ast.Expr)) == root {
				found = shares(x.(ast.Expr))
				return false
			}
		}
		return true
	})
	return found
}

// sharesMemory reports whether a copy of a value of type t still shares memory
// with the original: all but numbers, strings, booleans, and arrays and structs of
// those. A string is immutable, so a copy of one needs no lock. A type may be its
// own element: past a depth no real type reaches, the answer is the cautious one.
func sharesMemory(t types.Type, depth int) bool {
	if depth > 8 {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return false
	case *types.Array:
		return sharesMemory(u.Elem(), depth+1)
	case *types.Struct:
		for i := range u.NumFields() {
			if sharesMemory(u.Field(i).Type(), depth+1) {
				return true
			}
		}
		return false
	case *types.Tuple:
		for i := range u.Len() {
			if sharesMemory(u.At(i).Type(), depth+1) {
				return true
			}
		}
		return false
	}
	return true
}

// declaredOutside reports whether the assignment target e is stored outside loop:
// rooted in a variable declared outside it, or a package-level selector such as
// pkg.Var (not the blank identifier).
func declaredOutside(info *types.Info, loop ast.Stmt, e ast.Expr) bool {
	v := flow.RootVar(info, e)
	if v == nil {
		_, blank := ast.Unparen(e).(*ast.Ident)
		return !blank
	}
	return !declaredIn(loop, v)
}

// readLockedAgain returns the mutex of a deferred RUnlock of a sync.RWMutex that
// is the same in every iteration of loop (see invariant) and that region read-locks,
// or nil: every iteration takes one more read lock on it before the deferred calls
// release any. sync.RWMutex forbids recursive read locking: once a writer waits in
// Lock, a new RLock blocks until the writer is done, and the writer waits for the
// read locks this goroutine holds: a deadlock.
func readLockedAgain(info *types.Info, loop ast.Stmt, region *ast.BlockStmt, call *ast.CallExpr) ast.Expr {
	mu := syncUnlocked(info, call, "RUnlock")
	if mu == nil || !invariant(info, mu, loop) || !callsMethod(info, region, mu, "RLock") {
		return nil
	}
	return mu
}
