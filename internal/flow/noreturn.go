// Package flow answers control-flow questions about function bodies: which calls
// never return, and which statements can run after a given one.
package flow

import (
	"go/ast"
	"go/types"

	"github.com/deferlint/deferlint/internal/knowledge"
	"golang.org/x/tools/go/types/typeutil"
)

// MayReturn reports whether call may return to its caller. It is false for the
// builtin panic and for well-known functions that end the goroutine or the process
// (knowledge.NeverReturns: os.Exit, log.Fatal*, t.Fatal*, runtime.Goexit); true
// for everything else, which is the safe answer for path-sensitive checks.
func MayReturn(info *types.Info, call *ast.CallExpr) bool {
	switch callee := typeutil.Callee(info, call).(type) {
	case *types.Builtin:
		return callee.Name() != "panic"
	case *types.Func:
		return !knowledge.NeverReturns(callee)
	}
	return true
}
