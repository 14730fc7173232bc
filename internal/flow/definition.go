package flow

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/cfg"
)

// Defines reports whether n gives v a value: it changes v (see Changes) or is
// the var specification that declares it.
func Defines(info *types.Info, n ast.Node, v *types.Var) bool {
	if spec, ok := n.(*ast.ValueSpec); ok {
		for _, id := range spec.Names {
			if info.Defs[id] == v {
				return true
			}
		}
	}
	return Changes(info, n, v)
}

// OnlyDefinition reports whether, whenever the node at runs, v holds the value
// that the node def gave it: def reaches at, every path from the function's
// entry to at passes def, and no path from def (or from any other node that
// defines v, at itself included) reaches at without passing def again. Both
// nodes must be nodes of g, the graph of body. A function literal of body
// that changes v, or a pointer taken to v, makes the answer false: such a
// change happens where the graph does not show it.
func (g *Graph) OnlyDefinition(info *types.Info, body *ast.BlockStmt, v *types.Var, def, at ast.Node) bool {
	defBlock, defIndex := g.Find(def)
	if defBlock == nil || len(g.CFG.Blocks) == 0 || changedOutOfSight(info, body, v) {
		return false
	}
	if atBlock, _ := g.Find(at); atBlock == nil {
		return false
	}
	defines := func(n ast.Node) bool { return Defines(info, n, v) }
	isAt := func(n ast.Node) bool { return n == at }
	if !g.reachesFirst(defBlock, defIndex+1, isAt, defines) {
		return false // def never reaches at
	}
	if g.reachesFirst(g.CFG.Blocks[0], 0, isAt, defines) {
		return false // the value v had on entry (a parameter, a captured variable) reaches at
	}
	for _, b := range g.CFG.Blocks {
		if !b.Live {
			continue
		}
		for i, n := range b.Nodes {
			if n != def && defines(n) && g.reachesFirst(b, i+1, isAt, defines) {
				return false // another definition reaches at
			}
		}
	}
	return true
}

// reachesFirst reports whether some path from the index-th node of block b
// meets a node for which target reports true before one for which stop does
// (a node that is both counts as a target).
func (g *Graph) reachesFirst(b *cfg.Block, index int, target, stop func(ast.Node) bool) bool {
	seen := make(map[*cfg.Block]bool)
	var walk func(b *cfg.Block, index int) bool
	walk = func(b *cfg.Block, index int) bool {
		for _, n := range b.Nodes[index:] {
			if target(n) {
				return true
			}
			if stop(n) {
				return false
			}
		}
		for _, next := range b.Succs {
			if !seen[next] {
				seen[next] = true
				if walk(next, 0) {
					return true
				}
			}
		}
		return false
	}
	return walk(b, index)
}

// ReachesFirst reports whether some path from the node from (exclusive), a
// node of g, meets a node for which target reports true before one for which
// stop does (a node that is both counts as a target).
func (g *Graph) ReachesFirst(from ast.Node, target, stop func(ast.Node) bool) bool {
	b, i := g.Find(from)
	return b != nil && g.reachesFirst(b, i+1, target, stop)
}

// changedOutOfSight reports whether a function literal in body changes v, or
// some code takes its address.
func changedOutOfSight(info *types.Info, body *ast.BlockStmt, v *types.Var) bool {
	if AddressTaken(info, body, v) {
		return true
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok {
			found = found || Changes(info, lit.Body, v)
		}
		return !found
	})
	return found
}
