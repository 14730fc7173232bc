package ctxcancel

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/obligation"
	"golang.org/x/tools/go/cfg"
)

// This file handles a cancel function held in a variable declared in a block
// that paths leave before they reach a return: the body of a loop (cancelctx,
// cancel := context.WithCancelCause(ctx) per element, then continue on an
// error), a case, an if statement. A return after the block cannot call the
// variable, which is out of scope there, so "call cancel() first" at that return
// cannot be followed, and the leak it reports is the one that happened where
// the path left the block: the continue, the break, the end of the body. That
// place is named instead, in the report at the acquisition, and the return is
// not reported (kwok's stages manager, measurement 40).

// inScope reports whether pos lies in the scope of v.
func inScope(v *types.Var, pos token.Pos) bool {
	s := v.Parent()
	return s != nil && s.Pos() <= pos && pos < s.End()
}

// splitReturns sorts the returns that paths reach still holding v into those in
// v's scope (the first of them, or nil, and all of them) and those outside it
// (whether any).
func splitReturns(v *types.Var, returns []*ast.ReturnStmt) (first *ast.ReturnStmt, inside []*ast.ReturnStmt, outside bool) {
	for _, ret := range returns {
		switch {
		case !inScope(v, ret.Pos()):
			outside = true
		default:
			inside = append(inside, ret)
			if first == nil || ret.Pos() < first.Pos() {
				first = ret
			}
		}
	}
	return first, inside, outside
}

// blockInScope reports whether the block b of the graph runs in v's scope: its
// first node lies there or, for a block without nodes, the place where it runs
// (the end of a statement for the block after it, the start otherwise).
func blockInScope(v *types.Var, b *cfg.Block) bool {
	if len(b.Nodes) > 0 {
		return inScope(v, b.Nodes[0].Pos())
	}
	if b.Stmt == nil {
		return false
	}
	switch b.Kind {
	case cfg.KindIfDone, cfg.KindForDone, cfg.KindRangeDone, cfg.KindSwitchDone, cfg.KindSelectDone:
		return inScope(v, b.Stmt.End())
	}
	return inScope(v, b.Stmt.Pos())
}

// exit is a place where a path leaves v's scope still holding the cancel
// function: a branch statement, or the end of the block.
type exit struct {
	pos   token.Pos
	what  string // "the continue at line 108", "the end of the loop body at line 120"
	short string // "the continue", "the end of the loop body"
}

// scopeExits returns where the paths of search leave the scope of its variable
// v with the obligation held, in source order. It runs the search again with
// every block outside the scope skipped: the search asks Skips of each block a
// path would enter, so the blocks it asks about and enters are the ones reached,
// and an edge from one of them (or from the acquisition's block) to a block
// outside the scope is an exit, unless a node of the block ends the path first.
// An exit that cannot be named (nil what) makes the result nil: the caller then
// words the report without one.
func (c *checker) scopeExits(g *flow.Graph, body *ast.BlockStmt, search obligation.Search, v *types.Var, ends func(ast.Node) bool) []exit {
	start, index := g.Find(search.Acquire)
	if start == nil {
		return nil
	}
	skips := search.Skips
	reached := map[*cfg.Block]bool{}
	search.Skips = func(b *cfg.Block) bool {
		if skips != nil && skips(b) || !blockInScope(v, b) {
			return true
		}
		reached[b] = true
		return false
	}
	search.Run(g, body)
	passes := func(b *cfg.Block, nodes []ast.Node) bool {
		return b.Return() == nil && !slices.ContainsFunc(nodes, func(n ast.Node) bool {
			return n == search.Acquire || ends(n) || flow.Changes(c.info, n, v)
		})
	}
	var out []exit
	seen := map[token.Pos]bool{}
	for _, b := range g.CFG.Blocks {
		nodes := b.Nodes
		switch {
		case b == start:
			nodes = nodes[index+1:]
		case !reached[b]:
			continue
		}
		if !passes(b, nodes) || !slices.ContainsFunc(b.Succs, func(s *cfg.Block) bool {
			return !blockInScope(v, s) && (skips == nil || !skips(s))
		}) {
			continue
		}
		e := c.describeExit(body, v, b)
		if e.what == "" {
			return nil
		}
		if !seen[e.pos] {
			seen[e.pos] = true
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b exit) int { return int(a.pos - b.pos) })
	return out
}

// describeExit names the way the block b, the last on a path in v's scope,
// leaves it: the branch statement that follows its last node (or that opens it,
// for a block with no nodes), or the end of the scope's block when nothing does.
func (c *checker) describeExit(body *ast.BlockStmt, v *types.Var, b *cfg.Block) exit {
	at := runsFrom(b)
	if !at.IsValid() {
		return exit{}
	}
	list, owner := innermostList(body, at)
	for _, s := range list {
		if s.Pos() < at {
			continue
		}
		if br, ok := s.(*ast.BranchStmt); ok && br.Tok != token.FALLTHROUGH {
			short := "the " + br.Tok.String()
			return exit{br.Pos(), fmt.Sprintf("%s at line %d", short, c.pass.Fset.Position(br.Pos()).Line), short}
		}
		return exit{} // a statement of its own block follows: not where the path leaves
	}
	if owner == nil || owner.Pos() != v.Parent().Pos() {
		return exit{}
	}
	end := owner.End() - 1
	short := "the end of its block"
	switch {
	case isLoopBody(body, owner):
		short = "the end of the loop body"
	case !isBlock(owner):
		short = "the end of its case"
	}
	return exit{end, fmt.Sprintf("%s at line %d", short, c.pass.Fset.Position(end).Line), short}
}

// runsFrom returns the position after which the statements of b's path go on:
// the end of its last node or, for a block with no nodes, the start of what it
// runs (the body of an if, a case, a loop) or the end of the statement it
// follows.
func runsFrom(b *cfg.Block) token.Pos {
	if len(b.Nodes) > 0 {
		return b.Nodes[len(b.Nodes)-1].End()
	}
	switch s := b.Stmt.(type) {
	case *ast.IfStmt:
		switch b.Kind {
		case cfg.KindIfThen:
			return s.Body.Lbrace + 1
		case cfg.KindIfElse:
			if blk, ok := s.Else.(*ast.BlockStmt); ok {
				return blk.Lbrace + 1
			}
		case cfg.KindIfDone:
			return s.End()
		}
	case *ast.CaseClause:
		return s.Colon + 1
	case *ast.CommClause:
		return s.Colon + 1
	case *ast.ForStmt:
		if b.Kind == cfg.KindForBody {
			return s.Body.Lbrace + 1
		}
	case *ast.RangeStmt:
		if b.Kind == cfg.KindRangeBody {
			return s.Body.Lbrace + 1
		}
	}
	if b.Stmt != nil && (b.Kind == cfg.KindForDone || b.Kind == cfg.KindRangeDone || b.Kind == cfg.KindSwitchDone || b.Kind == cfg.KindSelectDone) {
		return b.Stmt.End()
	}
	return token.NoPos
}

// innermostList returns the innermost statement list of body, outside function
// literals, that holds the position at, and the node that holds the list (a
// block, a case or a communication clause).
func innermostList(body *ast.BlockStmt, at token.Pos) ([]ast.Stmt, ast.Node) {
	var list []ast.Stmt
	var owner ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil || at < n.Pos() || at > n.End() {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BlockStmt:
			if n.Lbrace < at && at <= n.Rbrace {
				list, owner = n.List, n
			}
		case *ast.CaseClause:
			if n.Colon < at {
				list, owner = n.Body, n
			}
		case *ast.CommClause:
			if n.Colon < at {
				list, owner = n.Body, n
			}
		}
		return true
	})
	return list, owner
}

// isBlock reports whether n is a block statement (not a case clause).
func isBlock(n ast.Node) bool {
	_, ok := n.(*ast.BlockStmt)
	return ok
}

// isLoopBody reports whether blk is the body of a for or range statement of body.
func isLoopBody(body *ast.BlockStmt, blk ast.Node) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ForStmt:
			found = found || n.Body == blk
		case *ast.RangeStmt:
			found = found || n.Body == blk
		}
		return !found
	})
	return found
}

// exitsPhrase lists the exits: "the continue at line 108", "the continue at
// line 108 and the end of the loop body at line 120".
func exitsPhrase(exits []exit) string {
	names := make([]string, len(exits))
	for i, e := range exits {
		names[i] = e.what
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
