package flow

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/cfg"
)

// ExitWithout searches the paths that lead from the graph node containing from to a
// return of the function, and returns the first return statement (in source order)
// that some path reaches without passing a node for which done reports true; nil when
// every path passes one. The node containing from is not tested itself.
//
// Paths that end in a call that never returns (panic, os.Exit, log.Fatal) do not
// reach a return. A return statement that falls off the end of the body is
// synthetic: its position is the closing brace.
func (g *Graph) ExitWithout(from token.Pos, done func(ast.Node) bool) *ast.ReturnStmt {
	start, index := g.locate(from)
	if start == nil {
		return nil
	}
	var found *ast.ReturnStmt
	visited := make(map[*cfg.Block]bool)
	var walk func(b *cfg.Block, nodes []ast.Node)
	walk = func(b *cfg.Block, nodes []ast.Node) {
		for _, n := range nodes {
			if done(n) {
				return
			}
		}
		if ret := b.Return(); ret != nil {
			if found == nil || ret.Pos() < found.Pos() {
				found = ret
			}
			return
		}
		for _, s := range b.Succs {
			if !visited[s] {
				visited[s] = true
				walk(s, s.Nodes)
			}
		}
	}
	walk(start, start.Nodes[index+1:])
	return found
}
