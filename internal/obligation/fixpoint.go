package obligation

import (
	"go/ast"
	"go/types"
)

// Fixpoint computes facts about a package's functions that depend on the facts
// of the functions they call: a helper returns a fresh value because it returns
// another helper's; a parameter is only used because it is passed on to another
// function that only uses it.
//
// update works out the facts of one declared function from its body and the
// facts known so far, and reports whether they grew. Each function is updated
// once, in the order of decls; after that, a function is updated again whenever
// a function it refers to (a call, a method value) grew, until nothing grows.
// update must only ever add to a function's facts, each drawn from a finite set
// (its results, its parameters, a flag that stays set): then every update that
// reports growth adds something, and the worklist ends.
func Fixpoint(info *types.Info, decls []*ast.FuncDecl, update func(*ast.FuncDecl, *types.Func) bool) {
	funcs := make(map[*types.Func]*ast.FuncDecl, len(decls))
	for _, fd := range decls {
		if fn, ok := info.Defs[fd.Name].(*types.Func); ok {
			funcs[fn] = fd
		}
	}
	callers := callersOf(info, decls, funcs)
	queued := make(map[*ast.FuncDecl]bool, len(decls))
	work := make([]*ast.FuncDecl, 0, len(decls))
	for _, fd := range decls {
		if _, ok := info.Defs[fd.Name].(*types.Func); ok && !queued[fd] {
			queued[fd] = true
			work = append(work, fd)
		}
	}
	for len(work) > 0 {
		fd := work[0]
		work = work[1:]
		queued[fd] = false
		fn := info.Defs[fd.Name].(*types.Func)
		if !update(fd, fn) {
			continue
		}
		for _, caller := range callers[fn] {
			if !queued[caller] {
				queued[caller] = true
				work = append(work, caller)
			}
		}
	}
}

// callersOf returns, for each function of funcs, the declarations among decls
// that refer to it anywhere in their bodies, function literals included.
func callersOf(info *types.Info, decls []*ast.FuncDecl, funcs map[*types.Func]*ast.FuncDecl) map[*types.Func][]*ast.FuncDecl {
	callers := make(map[*types.Func][]*ast.FuncDecl)
	for _, fd := range decls {
		if fd.Body == nil {
			continue
		}
		seen := make(map[*types.Func]bool)
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			fn, ok := info.Uses[id].(*types.Func)
			if !ok {
				return true
			}
			fn = fn.Origin()
			if _, local := funcs[fn]; local && !seen[fn] {
				seen[fn] = true
				callers[fn] = append(callers[fn], fd)
			}
			return true
		})
	}
	return callers
}
