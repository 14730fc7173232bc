package deferargs

import (
	"go/ast"
	"go/types"

	"github.com/deferlint/deferlint/internal/knowledge"
	"golang.org/x/tools/go/types/typeutil"
)

// earlyDuration returns the first expression in the deferred call that computes a
// duration from the current time: time.Since(...), a Time.Sub call, or arithmetic
// on time.Now(). Function literal bodies are not searched: they run later. When the
// deferred function is itself a literal, only its arguments are searched.
func earlyDuration(info *types.Info, call *ast.CallExpr, literal bool) ast.Expr {
	var found ast.Expr
	visit := func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if isTimeFunc(info, n, "Since") || isTimeSub(info, n) {
				found = n
			}
		case *ast.BinaryExpr:
			for _, operand := range []ast.Expr{n.X, n.Y} {
				if nowBased(info, operand) {
					found = n
				}
			}
		}
		return found == nil
	}
	if literal {
		for _, arg := range call.Args {
			ast.Inspect(arg, visit)
		}
	} else {
		ast.Inspect(call, visit)
	}
	return found
}

// nowBased reports whether e is time.Now() or a method chain on it, such as
// time.Now().UnixNano().
func nowBased(info *types.Info, e ast.Expr) bool {
	for {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return false
		}
		if isTimeFunc(info, call, "Now") {
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		e = sel.X
	}
}

func isTimeFunc(info *types.Info, call *ast.CallExpr, name string) bool {
	return knowledge.IsFunc(typeutil.Callee(info, call), "time", name)
}

func isTimeSub(info *types.Info, call *ast.CallExpr) bool {
	return knowledge.IsMethod(typeutil.Callee(info, call), "time", "Time", "Sub")
}
