package recovery

import (
	"go/ast"
	"go/types"
	"slices"
)

// derive recomputes the facts of l that depend on other functions.
func (x *Index) derive(l *local) {
	status := x.Body(l.body)
	l.fact.Recovered = status == Recovered
	l.fact.Unsure = status == Unknown
	l.fact.Delegates = status == NotRecovered && x.Delegates(l.body)
	l.fact.Propagates = x.Propagates(l.body) || l.fact.Recovers && repanics(x.info, l.body)
	l.fact.Narrow = x.Narrow(l.body) || l.fact.Recovers && narrowRecover(x.info, l.body)
	m := paramUses{runs: make(map[int]bool), starts: make(map[int]bool), launches: make(map[int]bool), wrapped: make(map[int]bool)}
	if len(l.params) > 0 {
		x.walkParams(l, l.body, status, false, m)
	}
	l.fact.RunsRecovered = sortedKeys(m.runs, nil)
	l.fact.StartsRecovered = sortedKeys(m.starts, nil)
	l.fact.Launches = sortedKeys(m.launches, m.runs)
	for i := range m.launches {
		delete(m.wrapped, i)
	}
	l.fact.LaunchesWrapped = sortedKeys(m.wrapped, m.runs)
}

func sortedKeys(m, except map[int]bool) []int {
	var keys []int
	for k := range m {
		if !except[k] {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}

// paramUses collects, by parameter index, how a function runs its function
// parameters (see walkParams).
type paramUses struct{ runs, starts, launches, wrapped map[int]bool }

// ran records that parameter i runs recovered, in a new goroutine or not.
func (m paramUses) ran(i int, newGoroutine bool) {
	m.runs[i] = true
	if newGoroutine {
		m.starts[i] = true
	}
}

// walkParams records how the function parameters of l are run from a frame of
// l whose panics have the given status, in l's own goroutine or a new one:
// called in a recovered frame or handed to a function that runs them recovered
// (runs; starts when that is in a new goroutine), started in a new goroutine
// that nothing recovers (launches), or called from such a goroutine (wrapped).
func (x *Index) walkParams(l *local, root ast.Node, frame Status, newGoroutine bool, m paramUses) {
	param := func(e ast.Expr) (int, bool) {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return 0, false
		}
		v, ok := x.info.Uses[id].(*types.Var)
		if !ok {
			return 0, false
		}
		i, ok := l.params[v]
		return i, ok
	}
	type role struct {
		frame        Status
		newGoroutine bool
	}
	roles := make(map[*ast.FuncLit]role) // literals whose frame is known
	started := func(fun ast.Expr, into map[int]bool) {
		if i, ok := param(fun); ok {
			into[i] = true
		} else if lit, ok := ast.Unparen(fun).(*ast.FuncLit); ok {
			roles[lit] = role{x.Body(lit.Body), true}
		}
	}
	ast.Inspect(root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			if r, ok := roles[n]; ok {
				x.walkParams(l, n.Body, r.frame, r.newGoroutine, m)
			}
			return false
		case *ast.GoStmt:
			if i, ok := param(n.Call.Fun); ok {
				m.launches[i] = true
			} else if lit, ok := ast.Unparen(n.Call.Fun).(*ast.FuncLit); ok {
				x.walkParams(l, lit.Body, x.Body(lit.Body), true, m)
			}
			for _, a := range x.RunsRecovered(n.Call) {
				if i, ok := param(n.Call.Args[a]); ok {
					m.ran(i, true)
				}
			}
			direct, wrap, _ := x.Launches(n.Call)
			for _, a := range append(direct, wrap...) {
				started(n.Call.Args[a], m.launches)
			}
			for _, arg := range n.Call.Args {
				x.walkParams(l, arg, frame, newGoroutine, m)
			}
			return false
		case *ast.DeferStmt:
			if lit, ok := ast.Unparen(n.Call.Fun).(*ast.FuncLit); ok {
				roles[lit] = role{frame, newGoroutine}
			}
		case *ast.CallExpr:
			if lit, ok := ast.Unparen(n.Fun).(*ast.FuncLit); ok {
				if _, seen := roles[lit]; !seen {
					roles[lit] = role{frame, newGoroutine}
				}
			}
			if i, ok := param(n.Fun); ok {
				if frame == Recovered {
					m.ran(i, newGoroutine)
				} else if frame == NotRecovered && newGoroutine {
					m.wrapped[i] = true
				}
			}
			starts := x.StartsRecovered(n)
			for _, a := range x.RunsRecovered(n) {
				inNew := newGoroutine || slices.Contains(starts, a)
				if i, ok := param(n.Args[a]); ok {
					m.ran(i, inNew)
				} else if lit, ok := ast.Unparen(n.Args[a]).(*ast.FuncLit); ok {
					roles[lit] = role{Recovered, inNew}
				}
			}
			direct, wrap, _ := x.Launches(n)
			for _, a := range direct {
				started(n.Args[a], m.launches)
			}
			for _, a := range wrap {
				started(n.Args[a], m.wrapped)
			}
		}
		return true
	})
}
