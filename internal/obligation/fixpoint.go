package obligation

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"
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
	NewCallGraph(info, decls).Fixpoint(decls, update)
}

// CallGraph says which of a package's declared functions refer to which: a fixed
// point re-queues a function's callers when its facts grow. Build it once per
// package and run several fixed points over it (or over a subset of its
// functions).
type CallGraph struct {
	info    *types.Info
	callers map[*types.Func][]*ast.FuncDecl
}

// NewCallGraph returns the call graph of decls.
func NewCallGraph(info *types.Info, decls []*ast.FuncDecl) *CallGraph {
	funcs := make(map[*types.Func]*ast.FuncDecl, len(decls))
	for _, fd := range decls {
		if fn, ok := info.Defs[fd.Name].(*types.Func); ok {
			funcs[fn] = fd
		}
	}
	return &CallGraph{info: info, callers: callersOf(info, decls, funcs)}
}

// Fixpoint is the package-level Fixpoint over g, for the functions of decls (all
// of g's, or some): a caller outside decls is not queued.
func (g *CallGraph) Fixpoint(decls []*ast.FuncDecl, update func(*ast.FuncDecl, *types.Func) bool) {
	info := g.info
	queued := make(map[*ast.FuncDecl]bool, len(decls))
	member := make(map[*ast.FuncDecl]bool, len(decls))
	work := make([]*ast.FuncDecl, 0, len(decls))
	for _, fd := range decls {
		if _, ok := info.Defs[fd.Name].(*types.Func); ok && !queued[fd] {
			queued[fd], member[fd] = true, true
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
		for _, caller := range g.callers[fn] {
			if member[caller] && !queued[caller] {
				queued[caller] = true
				work = append(work, caller)
			}
		}
	}
}

// callersOf returns, for each function of funcs, the declarations among decls
// that refer to it anywhere in their bodies, function literals included, in the
// order of decls. It reads the uses the type checker recorded rather than walking
// every body: each use of a local function is placed in the declaration whose
// body holds it.
func callersOf(info *types.Info, decls []*ast.FuncDecl, funcs map[*types.Func]*ast.FuncDecl) map[*types.Func][]*ast.FuncDecl {
	bodies := make([]*ast.FuncDecl, 0, len(decls))
	order := make(map[*ast.FuncDecl]int, len(decls))
	for i, fd := range decls {
		if fd.Body != nil {
			bodies = append(bodies, fd)
			order[fd] = i
		}
	}
	slices.SortFunc(bodies, func(a, b *ast.FuncDecl) int { return cmp.Compare(a.Body.Pos(), b.Body.Pos()) })
	refers := make(map[*types.Func]map[*ast.FuncDecl]bool)
	for id, obj := range info.Uses {
		fn, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		fn = fn.Origin()
		if _, local := funcs[fn]; !local {
			continue
		}
		i, _ := slices.BinarySearchFunc(bodies, id.Pos(), func(fd *ast.FuncDecl, pos token.Pos) int {
			return cmp.Compare(fd.Body.Pos(), pos)
		})
		// The body holding the use is the last one that starts before it.
		if i == len(bodies) || bodies[i].Body.Pos() != id.Pos() {
			i--
		}
		if i < 0 || id.Pos() >= bodies[i].Body.End() {
			continue // outside every body: a package-level initialiser
		}
		if refers[fn] == nil {
			refers[fn] = make(map[*ast.FuncDecl]bool)
		}
		refers[fn][bodies[i]] = true
	}
	callers := make(map[*types.Func][]*ast.FuncDecl, len(refers))
	for fn, set := range refers {
		list := slices.Collect(maps.Keys(set))
		slices.SortFunc(list, func(a, b *ast.FuncDecl) int { return cmp.Compare(order[a], order[b]) })
		callers[fn] = list
	}
	return callers
}
