package flow

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/cfg"
)

// Reach is the part of a function that can run after a given node on a path that
// passes no stopping node: what ReachWithout computes.
type Reach struct {
	g          *Graph
	start      *cfg.Block
	startIndex int
	startStop  int                // index of the first stopping node after startIndex in start
	prefix     map[*cfg.Block]int // for each block entered from its top: how many leading nodes run
}

// ReachWithout follows the paths from the node containing from (exclusive) and
// stops each path at the first node for which stop reports true; that node and
// everything after it on the path are not reached. A nil stop stops nothing. The
// result answers which positions and which loop iterations can still run.
//
// For a node in a loop, the nodes before it in the loop body count as reached when
// the loop can come round again.
func (g *Graph) ReachWithout(from token.Pos, stop func(ast.Node) bool) *Reach {
	return g.ReachWithoutBlocks(from, stop, nil)
}

// ReachWithoutBlocks is ReachWithout that also stops each path on entering a block
// for which stopBlock reports true: nothing of that block, nor after it on the path,
// is reached. It serves a stop that no node marks, such as taking one case of a
// select statement (a block of kind cfg.KindSelectCaseBody, whose case may have no
// statements; the cases' communications are all nodes of the block before the
// select). A nil stopBlock stops no block.
func (g *Graph) ReachWithoutBlocks(from token.Pos, stop func(ast.Node) bool, stopBlock func(*cfg.Block) bool) *Reach {
	r := &Reach{g: g, prefix: make(map[*cfg.Block]int)}
	r.start, r.startIndex = g.locate(from)
	if r.start == nil {
		return r
	}
	firstStop := func(nodes []ast.Node, offset int) int {
		for i, n := range nodes {
			if stop != nil && stop(n) {
				return offset + i
			}
		}
		return offset + len(nodes)
	}
	var enter func(b *cfg.Block)
	enter = func(b *cfg.Block) {
		if _, seen := r.prefix[b]; seen {
			return
		}
		if stopBlock != nil && stopBlock(b) {
			r.prefix[b] = 0
			return
		}
		k := firstStop(b.Nodes, 0)
		r.prefix[b] = k
		if k == len(b.Nodes) {
			for _, s := range b.Succs {
				enter(s)
			}
		}
	}
	r.startStop = firstStop(r.start.Nodes[r.startIndex+1:], r.startIndex+1)
	if r.startStop == len(r.start.Nodes) {
		for _, s := range r.start.Succs {
			enter(s)
		}
	}
	return r
}

// Pos reports whether the node containing pos is reached. It is false for positions
// in dead code or in nested function literals.
func (r *Reach) Pos(pos token.Pos) bool {
	if r.start == nil {
		return false
	}
	b, i := r.g.locate(pos)
	if b == nil {
		return false
	}
	if k, ok := r.prefix[b]; ok && i < k {
		return true
	}
	return b == r.start && r.startIndex < i && i < r.startStop
}

// Iterates reports whether loop, a *ast.ForStmt or *ast.RangeStmt of the function,
// can start another iteration: whether a reached path comes to its post statement,
// its condition or, for a range loop, the step to the next element.
func (r *Reach) Iterates(loop ast.Stmt) bool {
	if r.start == nil {
		return false
	}
	want := cfg.KindRangeLoop
	if s, ok := loop.(*ast.ForStmt); ok {
		switch {
		case s.Post != nil:
			want = cfg.KindForPost
		case s.Cond != nil:
			want = cfg.KindForLoop
		default:
			want = cfg.KindForBody
		}
	}
	for b := range r.prefix {
		if b.Stmt == loop && b.Kind == want {
			return true
		}
	}
	return false
}
