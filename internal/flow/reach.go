package flow

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"
)

// Graph is the control-flow graph of one function body, with the lookups the
// path-sensitive checks need.
type Graph struct {
	CFG *cfg.CFG
}

// New builds the control-flow graph of body. Calls that never return (see
// MayReturn) end their block, and a range over a channel that is never closed (see
// neverClosed) has no edge out of the loop.
func New(info *types.Info, body *ast.BlockStmt) *Graph {
	return Build(info, body, func(call *ast.CallExpr) bool { return MayReturn(info, call) })
}

// Build is New with the caller's answer to "may this call return?" (one that also
// knows, through facts, the functions of other packages that never return).
func Build(info *types.Info, body *ast.BlockStmt, mayReturn func(*ast.CallExpr) bool) *Graph {
	g := &Graph{CFG: cfg.New(body, mayReturn)}
	for _, b := range g.CFG.Blocks {
		// A range loop's block has two successors: the body, then the loop's exit.
		if r, ok := b.Stmt.(*ast.RangeStmt); ok && b.Kind == cfg.KindRangeLoop && len(b.Succs) == 2 && neverClosed(info, r.X) {
			b.Succs = b.Succs[:1]
		}
	}
	return g
}

// neverClosed reports whether ch is the channel of a time.Ticker or time.Timer
// (t.C), which the runtime never closes: a range over it runs until the function
// leaves it by other means (return, break, panic), and otherwise for ever.
func neverClosed(info *types.Info, ch ast.Expr) bool {
	sel, ok := ast.Unparen(ch).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "C" {
		return false
	}
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return false
	}
	recv := s.Recv()
	if p, ok := types.Unalias(recv).(*types.Pointer); ok {
		recv = p.Elem()
	}
	named, ok := types.Unalias(recv).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != "time" {
		return false
	}
	return named.Obj().Name() == "Ticker" || named.Obj().Name() == "Timer"
}

// locate returns the block and node index of the innermost graph node that contains
// pos, or nil when pos lies in no node (dead code, or inside a function literal's
// body, which has a graph of its own).
func (g *Graph) locate(pos token.Pos) (*cfg.Block, int) {
	var (
		best  *cfg.Block
		index int
		width token.Pos
	)
	for _, b := range g.CFG.Blocks {
		for i, n := range b.Nodes {
			if n.Pos() <= pos && pos < n.End() && (best == nil || n.End()-n.Pos() < width) {
				best, index, width = b, i, n.End()-n.Pos()
			}
		}
	}
	return best, index
}

// After returns a predicate telling whether the node containing a position can run
// after the node containing from, on some path through the function (for a node in
// a loop, that includes the nodes before it in the loop). The predicate is false for
// positions in dead code or in nested function literals.
func (g *Graph) After(from token.Pos) func(pos token.Pos) bool {
	start, startIndex := g.locate(from)
	if start == nil {
		return func(token.Pos) bool { return false }
	}
	reached := make(map[*cfg.Block]bool)
	var walk func(b *cfg.Block)
	walk = func(b *cfg.Block) {
		for _, s := range b.Succs {
			if !reached[s] {
				reached[s] = true
				walk(s)
			}
		}
	}
	walk(start)
	return func(pos token.Pos) bool {
		b, i := g.locate(pos)
		switch {
		case b == nil:
			return false
		case reached[b]:
			return true
		default:
			return b == start && i > startIndex
		}
	}
}
