package loopcapture

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/knowledge"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"
)

// lockedShared reports whether v is shared state that one mutex guards: every
// access to v in l's late statements and every assignment to it in loop (sites)
// happens while holding the same sync.Mutex or sync.RWMutex, the same variable or
// field, declared outside the loop and not assigned in it (Lock, or RLock for an
// access that only reads). The author synchronised the accesses so that the
// literal reads v's current value: that it sees a later iteration's value is the
// design, and passing v as an argument would change what it does. A range loop's
// step to its next element is never under a lock.
func lockedShared(info *types.Info, file *ast.File, l *launch, loop ast.Stmt, v *types.Var, sites []site) bool {
	var common []held
	first := true
	need := func(pos token.Pos, exclusive bool) bool {
		path, _ := astutil.PathEnclosingInterval(file, pos, pos)
		here := heldAt(info, path, pos)
		if first {
			first = false
			for _, h := range here {
				if h.exclusive || !exclusive {
					common = append(common, h)
				}
			}
		} else {
			common = keepHeld(info, common, here, exclusive)
		}
		return len(common) > 0
	}
	for _, s := range sites {
		if s.loop != nil || !need(s.pos, true) {
			return false
		}
	}
	for _, a := range accesses(info, l, v) {
		if a.addressed || !need(a.id.Pos(), a.writes) {
			return false
		}
	}
	for _, h := range common {
		if root := flow.RootVar(info, h.mutex); root != nil && !within(loop, root.Pos()) && len(assignments(info, loop, root)) == 0 {
			return true
		}
	}
	return false
}

// held is a mutex held at some point: its expression, and whether it is held with
// Lock rather than RLock.
type held struct {
	mutex     ast.Expr
	exclusive bool
}

// keepHeld returns the members of common that are also in here, held exclusively
// when exclusive is set.
func keepHeld(info *types.Info, common, here []held, exclusive bool) []held {
	var kept []held
	for _, c := range common {
		for _, h := range here {
			if sameMutex(info, c.mutex, h.mutex) && (h.exclusive || !exclusive) {
				kept = append(kept, held{c.mutex, c.exclusive && h.exclusive})
				break
			}
		}
	}
	return kept
}

// access is one use of a variable in a literal.
type access struct {
	id        *ast.Ident
	writes    bool // assigned (=, op=, ++, --): needs Lock, not RLock
	addressed bool // &v: the pointer may be used after the unlock
}

// accesses returns every use of v in l's late statements, nested literals included.
func accesses(info *types.Info, l *launch, v *types.Var) []access {
	var out []access
	writes := make(map[*ast.Ident]bool)
	addressed := make(map[*ast.Ident]bool)
	for _, stmt := range l.late {
		ast.Inspect(stmt, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				// assigning v.f or v[i] writes v itself when v is a struct or an
				// array, so it needs Lock as assigning v does
				for _, lhs := range n.Lhs {
					if id := flow.RootIdent(info, lhs); id != nil {
						writes[id] = true
					}
				}
			case *ast.IncDecStmt:
				if id := flow.RootIdent(info, n.X); id != nil {
					writes[id] = true
				}
			case *ast.UnaryExpr:
				if id := flow.RootIdent(info, n.X); id != nil && n.Op == token.AND {
					addressed[id] = true
				}
			case *ast.Ident:
				if info.Uses[n] == v {
					out = append(out, access{id: n, writes: writes[n], addressed: addressed[n]})
				}
			}
			return true
		})
	}
	return out
}

// heldAt returns the mutexes held at pos, whose enclosing nodes are path
// (innermost first), within the innermost function around it: those locked by a
// statement of an enclosing block before the one holding pos, and released after
// it by an Unlock of the same block or by a defer right after the Lock.
func heldAt(info *types.Info, path []ast.Node, pos token.Pos) []held {
	var out []held
	for k := 1; k < len(path); k++ {
		switch path[k].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return out
		}
		list, ok := flow.StmtList(path[k])
		if !ok {
			continue
		}
		for j, stmt := range list {
			if stmt == path[k-1] {
				out = append(out, lockedAround(info, list, j, path[:k], pos)...)
			}
		}
	}
	return nil // not inside a function
}

// lockedAround returns the mutexes that a statement of list before list[j] locks
// and that stay held up to pos, inside list[j] (whose enclosing nodes up from pos
// are inner): no statement in between, nor the part of list[j] that can run before
// pos, releases the mutex or carries a label a goto could jump to; and list
// releases it after list[j], or defers its release right after the Lock.
func lockedAround(info *types.Info, list []ast.Stmt, j int, inner []ast.Node, pos token.Pos) []held {
	var out []held
	for i := j - 1; i >= 0; i-- {
		m, exclusive, ok := lockCall(info, list[i])
		if !ok {
			continue
		}
		if labelled(list[i+1:j+1]) || releasedBetween(info, m, list[i+1:j], list[j], inner, pos) {
			continue
		}
		if deferredRelease(info, list[i+1], m, exclusive) || releasedAfter(info, list[j+1:], m, exclusive) {
			out = append(out, held{m, exclusive})
		}
	}
	return out
}

// lockCall reports whether stmt is m.Lock() or m.RLock() on a sync.Mutex or
// sync.RWMutex, and which.
func lockCall(info *types.Info, stmt ast.Stmt) (m ast.Expr, exclusive, ok bool) {
	expr, isExpr := stmt.(*ast.ExprStmt)
	if !isExpr {
		return nil, false, false
	}
	m, name := mutexCall(info, expr.X)
	switch name {
	case "Lock":
		return m, true, true
	case "RLock":
		return m, false, true
	}
	return nil, false, false
}

// mutexCall returns the receiver and the method name of a call of a sync.Mutex or
// sync.RWMutex method (also through a type that embeds one), or nil.
func mutexCall(info *types.Info, e ast.Expr) (ast.Expr, string) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil, ""
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, ""
	}
	fn := typeutil.Callee(info, call)
	if knowledge.IsMethod(fn, "sync", "Mutex", "Lock", "Unlock") ||
		knowledge.IsMethod(fn, "sync", "RWMutex", "Lock", "Unlock", "RLock", "RUnlock") {
		return sel.X, fn.Name()
	}
	return nil, ""
}

// releases reports whether n is a call that unlocks m (Unlock or RUnlock).
func releases(info *types.Info, n ast.Node, m ast.Expr) bool {
	e, ok := n.(ast.Expr)
	if !ok {
		return false
	}
	x, name := mutexCall(info, e)
	return (name == "Unlock" || name == "RUnlock") && sameMutex(info, x, m)
}

// releasedBetween reports whether m may be released after its Lock and before pos:
// in the statements between, unless deferred (defer m.Unlock()) or in a branch that
// then leaves them (if bad { m.Unlock(); continue }), function literals included,
// which may be called there; or in last, the statement holding pos, before pos or
// within a loop around pos, whose next round runs after it.
func releasedBetween(info *types.Info, m ast.Expr, between []ast.Stmt, last ast.Stmt, inner []ast.Node, pos token.Pos) bool {
	for _, stmt := range between {
		if _, deferred := stmt.(*ast.DeferStmt); !deferred && releasesAndGoesOn(info, stmt, m) {
			return true
		}
	}
	found := false
	for _, n := range inner {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			ast.Inspect(n, func(n ast.Node) bool {
				found = found || releases(info, n, m)
				return !found
			})
		}
	}
	ast.Inspect(last, func(n ast.Node) bool {
		if n == nil || n.Pos() >= pos {
			return false
		}
		found = found || releases(info, n, m)
		return !found
	})
	return found
}

// releasesAndGoesOn reports whether stmt holds a release of m after which control
// may reach the end of stmt: any release except a statement of a block that ends
// by leaving stmt (return, goto, a labelled break or continue, whose label cannot
// be inside the statements checked, or a break or continue whose loop or switch
// encloses stmt).
func releasesAndGoesOn(info *types.Info, stmt ast.Stmt, m ast.Expr) bool {
	found := false
	var stack []ast.Node
	ast.Inspect(stmt, func(n ast.Node) bool {
		if found {
			return false
		}
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		if releases(info, n, m) && !leavesAfter(stack) {
			found = true
			return false
		}
		stack = append(stack, n)
		return true
	})
	return found
}

// leavesAfter reports whether the call whose enclosing nodes are stack (outermost
// first) is a statement of a block whose last statement leaves the outermost one.
func leavesAfter(stack []ast.Node) bool {
	k := len(stack) - 2
	if k < 0 {
		return false
	}
	if _, ok := stack[k+1].(*ast.ExprStmt); !ok {
		return false
	}
	list, ok := flow.StmtList(stack[k])
	if !ok {
		return false
	}
	if !slices.Contains(list, stack[k+1].(ast.Stmt)) {
		return false
	}
	switch exit := list[len(list)-1].(type) {
	case *ast.ReturnStmt:
		return !inLiteral(stack)
	case *ast.BranchStmt:
		if exit.Label != nil || exit.Tok == token.GOTO {
			return !inLiteral(stack)
		}
		for _, n := range stack[:k] {
			switch n.(type) {
			case *ast.FuncLit, *ast.ForStmt, *ast.RangeStmt:
				return false
			case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				if exit.Tok == token.BREAK {
					return false
				}
			}
		}
		return exit.Tok == token.BREAK || exit.Tok == token.CONTINUE
	}
	return false
}

func inLiteral(stack []ast.Node) bool {
	return slices.ContainsFunc(stack, func(n ast.Node) bool {
		_, ok := n.(*ast.FuncLit)
		return ok
	})
}

// labelled reports whether any of stmts is or holds a labelled statement: a goto
// could enter there past the Lock, or repeat code after an Unlock.
func labelled(stmts []ast.Stmt) bool {
	found := false
	for _, stmt := range stmts {
		ast.Inspect(stmt, func(n ast.Node) bool {
			_, ok := n.(*ast.LabeledStmt)
			found = found || ok
			return !found
		})
	}
	return found
}

// deferredRelease reports whether stmt is defer m.Unlock() (defer m.RUnlock()
// after RLock): the mutex stays held to the end of the function.
func deferredRelease(info *types.Info, stmt ast.Stmt, m ast.Expr, exclusive bool) bool {
	d, ok := stmt.(*ast.DeferStmt)
	if !ok {
		return false
	}
	x, name := mutexCall(info, d.Call)
	return name == unlockFor(exclusive) && sameMutex(info, x, m)
}

// releasedAfter reports whether one of stmts is m.Unlock() (m.RUnlock() after RLock).
func releasedAfter(info *types.Info, stmts []ast.Stmt, m ast.Expr, exclusive bool) bool {
	for _, stmt := range stmts {
		if expr, ok := stmt.(*ast.ExprStmt); ok {
			if x, name := mutexCall(info, expr.X); name == unlockFor(exclusive) && sameMutex(info, x, m) {
				return true
			}
		}
	}
	return false
}

func unlockFor(exclusive bool) string {
	if exclusive {
		return "Unlock"
	}
	return "RUnlock"
}

// sameMutex reports whether a and b are the same variable, or the same field path
// from the same variable (mu, s.mu, s.state.mu, *p); package-qualified variables
// count as variables.
func sameMutex(info *types.Info, a, b ast.Expr) bool {
	a, b = ast.Unparen(a), ast.Unparen(b)
	switch a := a.(type) {
	case *ast.Ident:
		b, ok := b.(*ast.Ident)
		return ok && info.Uses[a] != nil && info.Uses[a] == info.Uses[b]
	case *ast.StarExpr:
		b, ok := b.(*ast.StarExpr)
		return ok && sameMutex(info, a.X, b.X)
	case *ast.SelectorExpr:
		b, ok := b.(*ast.SelectorExpr)
		if !ok || info.Uses[a.Sel] == nil || info.Uses[a.Sel] != info.Uses[b.Sel] {
			return false
		}
		if sel, isField := info.Selections[a]; isField {
			return sel.Kind() == types.FieldVal && sameMutex(info, a.X, b.X)
		}
		_, qualified := info.Uses[a.Sel].(*types.Var)
		return qualified // pkg.mu: the same package-level variable
	}
	return false
}
