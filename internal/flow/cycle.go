package flow

import (
	"go/ast"

	"golang.org/x/tools/go/cfg"
)

// Find returns the live block that records node n (a statement such as a defer,
// compared by identity) and n's index in it, or nil when n is in dead code or is not a
// node of the graph.
func (g *Graph) Find(n ast.Node) (*cfg.Block, int) {
	for _, b := range g.CFG.Blocks {
		if !b.Live {
			continue
		}
		for i, m := range b.Nodes {
			if m == n {
				return b, i
			}
		}
	}
	return nil, 0
}

// Repeats reports whether node n can run again after it has run, within one call of
// the function: some path leads from n back to n's own block. When within is not nil,
// the path may only pass through blocks for which it reports true. Calls that never
// return end their paths (see MayReturn).
func (g *Graph) Repeats(n ast.Node, within func(*cfg.Block) bool) bool {
	start, _ := g.Find(n)
	if start == nil {
		return false
	}
	seen := make(map[*cfg.Block]bool)
	stack := []*cfg.Block{start}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, s := range b.Succs {
			if s == start {
				return true
			}
			if seen[s] || within != nil && !within(s) {
				continue
			}
			seen[s] = true
			stack = append(stack, s)
		}
	}
	return false
}

// Ends reports whether some path from node n ends the function call: it reaches a
// return statement (or falls off the end of the body) or a call that never returns.
// A panic runs the deferred calls and os.Exit does not; Ends counts both as an end,
// since callers cannot tell them apart. Blocks that end no path at run time, such as
// the one after the last case of a select without default, are not ends.
func (g *Graph) Ends(n ast.Node) bool {
	start, _ := g.Find(n)
	if start == nil {
		return true
	}
	seen := map[*cfg.Block]bool{start: true}
	stack := []*cfg.Block{start}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if len(b.Succs) == 0 && endsCall(b) {
			return true
		}
		for _, s := range b.Succs {
			if !seen[s] {
				seen[s] = true
				stack = append(stack, s)
			}
		}
	}
	return false
}

// endsCall reports whether a block without successors ends in a return statement or
// in a call that never returns.
func endsCall(b *cfg.Block) bool {
	if b.Return() != nil {
		return true
	}
	if len(b.Nodes) == 0 {
		return false
	}
	stmt, ok := b.Nodes[len(b.Nodes)-1].(*ast.ExprStmt)
	if !ok {
		return false
	}
	_, ok = ast.Unparen(stmt.X).(*ast.CallExpr)
	return ok
}
