package unclosed

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"

	"github.com/deferlint/deferlint/internal/edit"
	"golang.org/x/tools/go/analysis"
)

// combinedCheck returns the if statement, and the operands of its condition other
// than the error test, when a leaking return lies in the body of an if whose
// condition ORs the test of the paired error with something else (if err != nil
// || resp.StatusCode != http.StatusOK { return ... }). No deferred release can be
// placed for that return: before the if it runs on a nil value when the call
// fails, after it it comes too late. The check has to be split in two.
func combinedCheck(pass *analysis.Pass, body *ast.BlockStmt, r *tracked) (*ast.IfStmt, []ast.Expr) {
	if r.err == nil || len(r.leaks) == 0 {
		return nil, nil
	}
	var found *ast.IfStmt
	var rest []ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		ifs, ok := n.(*ast.IfStmt)
		if !ok || !containsAny(ifs.Body, r.leaks) {
			return true
		}
		operands := orOperands(ifs.Cond, nil)
		if len(operands) < 2 {
			return true
		}
		tested := false
		var others []ast.Expr
		for _, o := range operands {
			if !tested && isNonNil(pass.TypesInfo, o, r.err) {
				tested = true
				continue
			}
			others = append(others, o)
		}
		if tested {
			found, rest = ifs, others
		}
		return found == nil
	})
	return found, rest
}

// orOperands appends to list the operands of the disjunction e, parentheses
// removed.
func orOperands(e ast.Expr, list []ast.Expr) []ast.Expr {
	e = ast.Unparen(e)
	if b, ok := e.(*ast.BinaryExpr); ok && b.Op == token.LOR {
		return orOperands(b.Y, orOperands(b.X, list))
	}
	return append(list, e)
}

// containsAny reports whether one of the returns lies within n.
func containsAny(n ast.Node, returns []*ast.ReturnStmt) bool {
	for _, ret := range returns {
		if n.Pos() <= ret.Pos() && ret.End() <= n.End() {
			return true
		}
	}
	return false
}

// splitCheckAdvice says how to release a resource whose leaking return lies
// under a combined check (see combinedCheck): test the error alone first, then
// defer the release (or move the existing deferred release d up there), then test
// the rest.
func splitCheckAdvice(pass *analysis.Pass, ifs *ast.IfStmt, rest []ast.Expr, release, errName string, d *ast.DeferStmt) string {
	var parts []string
	for _, o := range rest {
		parts = append(parts, edit.Render(pass.Fset, o, ""))
	}
	others := strings.Join(parts, " || ")
	if others == "" || strings.Contains(others, "\n") || len(others) > 60 {
		others = "the rest of the condition"
	}
	deferIt := "defer " + release
	if d != nil {
		what := edit.Render(pass.Fset, d, "")
		if what == "" || strings.Contains(what, "\n") || len(what) > 60 {
			what = "the deferred release"
		}
		deferIt = fmt.Sprintf("move %s at line %d up to there", what, pass.Fset.Position(d.Pos()).Line)
	}
	return fmt.Sprintf("split the check at line %d: return on %s != nil alone first (a release before it would run on a nil value), then %s, then test %s",
		pass.Fset.Position(ifs.Pos()).Line, errName, deferIt, others)
}
