// Package flow answers control-flow questions about function bodies: which calls
// never return, and which statements can run after a given one.
package flow

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// noReturnFuncs lists well-known functions and methods that never return to their
// caller, by package path and name (methods by receiver type name and method name).
var noReturnFuncs = map[string]map[string]bool{
	"os":      {"Exit": true},
	"runtime": {"Goexit": true},
	"log": {
		"Fatal": true, "Fatalf": true, "Fatalln": true,
		"Panic": true, "Panicf": true, "Panicln": true,
		"Logger.Fatal": true, "Logger.Fatalf": true, "Logger.Fatalln": true,
		"Logger.Panic": true, "Logger.Panicf": true, "Logger.Panicln": true,
	},
	"testing": {
		"common.Fatal": true, "common.Fatalf": true, "common.FailNow": true,
		"common.Skip": true, "common.Skipf": true, "common.SkipNow": true,
	},
}

// MayReturn reports whether call may return to its caller. It is false for the
// builtin panic and for well-known functions that end the goroutine or the process
// (os.Exit, log.Fatal*, t.Fatal*, runtime.Goexit); true for everything else,
// which is the safe answer for path-sensitive checks.
func MayReturn(info *types.Info, call *ast.CallExpr) bool {
	switch callee := typeutil.Callee(info, call).(type) {
	case *types.Builtin:
		return callee.Name() != "panic"
	case *types.Func:
		if callee.Pkg() == nil {
			return true
		}
		names := noReturnFuncs[callee.Pkg().Path()]
		return !names[qualifiedName(callee)]
	}
	return true
}

// qualifiedName returns "Name" for a function and "Recv.Name" for a method.
func qualifiedName(fn *types.Func) string {
	sig := fn.Signature()
	if sig.Recv() == nil {
		return fn.Name()
	}
	t := sig.Recv().Type()
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	if named, ok := t.(*types.Named); ok {
		return named.Obj().Name() + "." + fn.Name()
	}
	return fn.Name()
}
