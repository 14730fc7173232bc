package obligation

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/deferlint/deferlint/internal/flow"
)

// A fixed field is a boolean field read through a variable of the function that
// nothing changes (s.NoDiscovery, with s the receiver), when no statement of the
// body assigns that field through any value or takes its address: the
// configuration a function reads, as a fixed boolean is the one it declares.
// Every test of it on a path has the answer the first test had. Another
// goroutine, or a call, could change it in between; the search then follows
// fewer paths than run, which can only keep it quiet.
//
// An early exit, if cond { ...; return } before the acquisition in a block
// around it, says that cond was false on every path that reached the
// acquisition. When cond reads only fixed booleans, fixed comparisons and fixed
// fields, it stays false: a path whose later branches would make it true is one
// that never ran. Setting up a listener after `if srv.NoDiscovery &&
// !srv.DiscoveryV5 { return nil }`, a path that skips both the V4 and the V5
// set-up that hand the connection on is not one of the function's (erigon's
// discovery set-up, measurement 40).

// fieldFlag reads e as a candidate fixed field: x.f with x a variable of the
// function and f a boolean field.
func fieldFlag(info *types.Info, e *ast.SelectorExpr) (flag, bool) {
	x, ok := ast.Unparen(e.X).(*ast.Ident)
	if !ok {
		return flag{}, false
	}
	base, ok := info.Uses[x].(*types.Var)
	if !ok {
		return flag{}, false
	}
	f, ok := info.Uses[e.Sel].(*types.Var)
	if !ok || !f.IsField() || !types.Identical(f.Type().Underlying(), types.Typ[types.Bool]) {
		return flag{}, false
	}
	return flag{v: f, base: base}, true
}

// changedFields returns the fields that body assigns through any value, or
// whose address it takes.
func changedFields(info *types.Info, body *ast.BlockStmt) map[*types.Var]bool {
	changed := make(map[*types.Var]bool)
	mark := func(e ast.Expr) {
		if sel, ok := ast.Unparen(e).(*ast.SelectorExpr); ok {
			if f, ok := info.Uses[sel.Sel].(*types.Var); ok && f.IsField() {
				changed[f] = true
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				mark(l)
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				mark(n.X)
			}
		}
		return true
	})
	return changed
}

// fieldIndex returns the index of the fixed field base.f in set, or -1.
func (set boolFlagSet) fieldIndex(base, f *types.Var) int {
	for i, g := range set {
		if g.base != nil && g.base == base && g.v == f {
			return i
		}
	}
	return -1
}

// earlyExits returns the conditions of the ifs that leave the blocks around
// acquire before it: if cond { ...; return } with no else, in a block (or case)
// that holds the acquisition, before the statement that does. Each was false on
// every path that reached the acquisition. Inside a loop's body, an exit is
// taken or not in each iteration anew (its variables may be declared anew there):
// none is collected from there on.
func earlyExits(info *types.Info, body *ast.BlockStmt, acquire ast.Node) []ast.Expr {
	var exits []ast.Expr
	var visit func(list []ast.Stmt, collect bool) bool
	visit = func(list []ast.Stmt, collect bool) bool {
		for _, st := range list {
			if st.Pos() <= acquire.Pos() && acquire.End() <= st.End() {
				return visitInner(st, collect, visit)
			}
			if ifs, ok := st.(*ast.IfStmt); ok && collect && ifs.Else == nil && ifs.Init == nil && leaves(info, ifs.Body) {
				exits = append(exits, ifs.Cond)
			}
		}
		return false
	}
	if !visit(body.List, true) {
		return nil
	}
	return exits
}

// visitInner goes on into the statement st that holds the acquisition, through
// the blocks that run it unconditionally or as one branch: a nested block, an
// if's branch, a case's body, a loop's body (collecting nothing there).
func visitInner(st ast.Stmt, collect bool, visit func([]ast.Stmt, bool) bool) bool {
	switch st := st.(type) {
	case *ast.BlockStmt:
		return visit(st.List, collect)
	case *ast.IfStmt:
		if visit(st.Body.List, collect) {
			return true
		}
		if st.Else != nil {
			return visitInner(st.Else, collect, visit)
		}
	case *ast.ForStmt:
		return visit(st.Body.List, false)
	case *ast.RangeStmt:
		return visit(st.Body.List, false)
	case *ast.SwitchStmt:
		return visitClauses(st.Body, collect, visit)
	case *ast.TypeSwitchStmt:
		return visitClauses(st.Body, collect, visit)
	case *ast.SelectStmt:
		return visitClauses(st.Body, collect, visit)
	case *ast.LabeledStmt:
		return visitInner(st.Stmt, collect, visit)
	}
	return true // the acquisition itself, or a statement holding it in an expression
}

func visitClauses(body *ast.BlockStmt, collect bool, visit func([]ast.Stmt, bool) bool) bool {
	for _, c := range body.List {
		if list, ok := flow.StmtList(c); ok && visit(list, collect) {
			return true
		}
	}
	return false
}

// leaves reports whether block ends in a return or a call of the builtin panic: a
// path through it does not reach the statements after the if.
func leaves(info *types.Info, block *ast.BlockStmt) bool {
	if len(block.List) == 0 {
		return false
	}
	switch last := block.List[len(block.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.ExprStmt:
		if flow.CallsBuiltin(info, last.X, "panic") {
			return true
		}
	}
	return false
}

// truth evaluates cond from what the path knows of the booleans of fixed (a mask
// of set's indices): true or false when the known ones decide it.
func (set boolFlagSet) truth(info *types.Info, cond ast.Expr, known, fixed flagValues) (value, ok bool) {
	known &= fixed | fixed<<1
	switch e := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			v, ok := set.truth(info, e.X, known, fixed)
			return !v, ok
		}
		return false, false
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND, token.LOR:
			x, okx := set.truth(info, e.X, known, fixed)
			y, oky := set.truth(info, e.Y, known, fixed)
			short := e.Op == token.LOR // the value that decides alone
			switch {
			case okx && x == short, oky && y == short:
				return short, true
			case okx && oky:
				return !short, true
			}
			return false, false
		}
	}
	v, ok := set.value(info, ast.Unparen(cond), known)
	if e, isCmp := ast.Unparen(cond).(*ast.BinaryExpr); isCmp && e.Op == token.NEQ {
		v = !v // value answers a != with whether its operands are equal
	}
	return v, ok
}

// contradicts reports whether a path that knows known makes one of exits true:
// a condition that was false on every path to the acquisition and reads only
// booleans nothing changes (fixed), so that such a path never ran.
func (set boolFlagSet) contradicts(info *types.Info, exits []ast.Expr, known, fixed flagValues) bool {
	for _, cond := range exits {
		if v, ok := set.truth(info, cond, known, fixed); ok && v {
			return true
		}
	}
	return false
}
