package flow

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"
)

// Graph is the control-flow graph of one function body, with the lookups the
// path-sensitive checks need.
type Graph struct {
	CFG *cfg.CFG
}

// New builds the control-flow graph of body. Calls that never return (see
// MayReturn) end their block, a range over a channel that is never closed (see
// neverClosed) has no edge out of the loop, and neither has a for loop whose
// condition is the constant true (for ; true; <-t.C).
func New(info *types.Info, body *ast.BlockStmt) *Graph {
	return Build(info, body, func(call *ast.CallExpr) bool { return MayReturn(info, call) })
}

// Build is New with the caller's answer to "may this call return?" (one that also
// knows, through facts, the functions of other packages that never return).
func Build(info *types.Info, body *ast.BlockStmt, mayReturn func(*ast.CallExpr) bool) *Graph {
	g := &Graph{CFG: cfg.New(body, mayReturn)}
	for _, b := range g.CFG.Blocks {
		// A range loop's block, and the block that ends with a for loop's
		// condition, have two successors: the body, then the loop's exit.
		if len(b.Succs) != 2 {
			continue
		}
		switch loop := b.Stmt.(type) {
		case *ast.RangeStmt:
			if b.Kind == cfg.KindRangeLoop && neverClosed(info, body, loop.X) {
				b.Succs = b.Succs[:1]
			}
		case *ast.ForStmt:
			if b.Kind == cfg.KindForLoop && loop.Cond != nil && len(b.Nodes) > 0 && b.Nodes[len(b.Nodes)-1] == loop.Cond && constantTrue(info, loop.Cond) {
				b.Succs = b.Succs[:1]
			}
		}
	}
	return g
}

// constantTrue reports whether e is a constant whose value is true.
func constantTrue(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value)
}

// neverClosed reports whether ch is the channel of a time.Ticker or time.Timer
// (t.C), or a variable of body given once the channel of time.Tick and never
// changed (t := time.Tick(d)), which the runtime never closes: a range over it
// runs until the function leaves it by other means (return, break, panic), and
// otherwise for ever.
func neverClosed(info *types.Info, body *ast.BlockStmt, ch ast.Expr) bool {
	if id, ok := ast.Unparen(ch).(*ast.Ident); ok {
		return tickChannel(info, body, id)
	}
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

// tickChannel reports whether id names a variable of body whose only write is
// its declaration with the channel of time.Tick (t := time.Tick(d), var t =
// time.Tick(d); see SoleValue).
func tickChannel(info *types.Info, body *ast.BlockStmt, id *ast.Ident) bool {
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	call, ok := ast.Unparen(SoleValue(info, body, v)).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() == "time" && fn.Name() == "Tick"
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
