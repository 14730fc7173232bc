package loopcapture

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/deferlint/deferlint/internal/flow"
)

// releaseNames are the methods that release what their receiver holds: a file
// or connection (Close), a transaction (Commit, Rollback), a timer, ticker or
// server (Stop, Shutdown), a lock (Unlock, RUnlock) or a pooled value (Release).
var releaseNames = []string{"Close", "Commit", "Release", "Rollback", "RUnlock", "Shutdown", "Stop", "Unlock"}

// releasedByLoop reports whether the deferred literal l releases v at return
// (defer func() { check(db.Close()) }()) while the loop releases v's current value
// itself, by a direct method call on v (db.Close()), on every path from l's start
// to an assignment of v at sites. The loop then accounts for every value it
// overwrites, and l is written to release only the value v holds at return:
// passing v as an argument would make each deferred call release again a value the
// loop has already released. (That several deferred calls then release the last
// value is deferloop's finding, not loopcapture's.)
func (c *checker) releasedByLoop(l *launch, fn ast.Node, v *types.Var, sites []site) bool {
	info := c.pass.TypesInfo
	if l.kind != deferred || !slices.ContainsFunc(l.late, func(s ast.Stmt) bool { return releasesNow(info, s, v) }) {
		return false
	}
	guards := nilGuardedReleases(info, flow.FuncBody(fn), v)
	reach := c.graph(fn).ReachWithout(l.call.Pos(), func(n ast.Node) bool {
		return releasesNow(info, n, v) || guards[n]
	})
	return !anyReached(reach, sites)
}

// nilGuardedReleases returns the conditions v != nil of the if statements in body
// whose first statement releases v (if db != nil { db.Close() }): a path through
// such a condition releases v's value, or v holds none. The first statement
// counts when it is a call or assignment that releases v, or an if statement
// whose init or condition does (if err := db.Close(); err != nil).
func nilGuardedReleases(info *types.Info, body *ast.BlockStmt, v *types.Var) map[ast.Node]bool {
	guards := make(map[ast.Node]bool)
	ast.Inspect(body, func(n ast.Node) bool {
		if _, lit := n.(*ast.FuncLit); lit {
			return false
		}
		ifStmt, ok := n.(*ast.IfStmt)
		if !ok || ifStmt.Init != nil || len(ifStmt.Body.List) == 0 {
			return true
		}
		if x, equal, ok := flow.ComparedWithNil(info, ifStmt.Cond); ok && !equal && isVar(info, x, v) &&
			releasesFirst(info, ifStmt.Body.List[0], v) {
			guards[ast.Unparen(ifStmt.Cond)] = true // the node the graph holds
		}
		return true
	})
	return guards
}

// releasesFirst reports whether stmt releases v whenever it runs: a call or
// assignment statement that releases v, or an if statement whose init or
// condition does.
func releasesFirst(info *types.Info, stmt ast.Stmt, v *types.Var) bool {
	switch stmt := stmt.(type) {
	case *ast.ExprStmt, *ast.AssignStmt:
		return releasesNow(info, stmt, v)
	case *ast.IfStmt:
		return stmt.Init != nil && releasesFirst(info, stmt.Init, v) || releasesNow(info, stmt.Cond, v)
	}
	return false
}

// releasesNow reports whether running n calls a release method directly on v
// (v.Close(), not v.Body.Close()). Calls in function literals, and the calls of
// defer and go statements, run some other time and do not count.
func releasesNow(info *types.Info, n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.DeferStmt, *ast.GoStmt:
			return false
		case *ast.CallExpr:
			found = found || isRelease(info, n, v)
		}
		return !found
	})
	return found
}

// isRelease reports whether call calls a release method (see releaseNames) with v
// itself as the receiver.
func isRelease(info *types.Info, call *ast.CallExpr, v *types.Var) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || !slices.Contains(releaseNames, sel.Sel.Name) || !isVar(info, sel.X, v) {
		return false
	}
	selection, ok := info.Selections[sel]
	return ok && selection.Kind() == types.MethodVal
}
