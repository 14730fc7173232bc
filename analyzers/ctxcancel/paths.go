package ctxcancel

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/deferlint/deferlint/internal/flow"
	"golang.org/x/tools/go/cfg"
)

// paths is what the paths leaving the statement that assigns a cancel function
// to a variable reach before a node that calls it.
type paths struct {
	ret       *ast.ReturnStmt // the first return statement, in source order
	overwrite ast.Node        // the first assignment of a new value to the variable
	again     bool            // the statement itself, declaring a fresh variable (a loop)
}

// searchPaths follows every path from the statement from, which assigns a fresh
// cancel function to v, and stops each one at the first node for which done is
// true. It records the returns, the assignments to v and the repetitions of from
// that the paths reach first. On a branch on v == nil or v != nil, the branch where
// v is nil is not taken: v was just assigned a function. When errVar is not nil,
// it received the error of the call that returned v, and the branch where it is
// not nil is not taken, at any condition on it until errVar is assigned again
// (the pairing rule unclosed applies to its resources too).
//
// A select case body whose case receives from a context in ctxs (the derived
// context: its Done channel is closed, so it is released) also stops a path.
func searchPaths(info *types.Info, g *flow.Graph, from ast.Node, v, errVar *types.Var, ctxs []*types.Var, done func(ast.Node) bool) paths {
	var p paths
	start, index := g.Find(from)
	if start == nil {
		return p
	}
	fresh := definesFresh(info, from, v)
	type state struct {
		b       *cfg.Block
		errLive bool
	}
	visited := make(map[state]bool)
	var walk func(b *cfg.Block, nodes []ast.Node, errLive bool)
	walk = func(b *cfg.Block, nodes []ast.Node, errLive bool) {
		for _, n := range nodes {
			if errVar != nil && n != from && assigns(info, n, errVar) {
				errLive = false
			}
			switch {
			case done(n):
				return
			case n == from && fresh:
				p.again = true
				return
			case assigns(info, n, v):
				if p.overwrite == nil || n.Pos() < p.overwrite.Pos() {
					p.overwrite = n
				}
				return
			}
		}
		if ret := b.Return(); ret != nil {
			if p.ret == nil || ret.Pos() < p.ret.Pos() {
				p.ret = ret
			}
			return
		}
		succs := b.Succs
		if len(succs) == 2 && len(b.Nodes) > 0 {
			switch nilTest(info, b.Nodes[len(b.Nodes)-1], v) {
			case token.NEQ: // v != nil: true
				succs = succs[:1]
			case token.EQL: // v == nil: false
				succs = succs[1:]
			}
			if errLive && errVar != nil && len(succs) == 2 {
				switch nilTest(info, b.Nodes[len(b.Nodes)-1], errVar) {
				case token.NEQ: // err != nil: false
					succs = succs[1:]
				case token.EQL: // err == nil: true
					succs = succs[:1]
				}
			}
		}
		for _, s := range succs {
			if clause, ok := s.Stmt.(*ast.CommClause); ok && s.Kind == cfg.KindSelectCaseBody && clause.Comm != nil && waitsDone(info, clause.Comm, ctxs) {
				continue
			}
			if st := (state{s, errLive}); !visited[st] {
				visited[st] = true
				walk(s, s.Nodes, errLive)
			}
		}
	}
	walk(start, start.Nodes[index+1:], true)
	return p
}

// definesFresh reports whether the statement n declares v (rather than assigning
// to an existing v): running it again creates a new variable.
func definesFresh(info *types.Info, n ast.Node, v *types.Var) bool {
	switch n := n.(type) {
	case *ast.AssignStmt:
		for _, lhs := range n.Lhs {
			if id, ok := lhs.(*ast.Ident); ok && info.Defs[id] == v {
				return true
			}
		}
	case *ast.ValueSpec:
		return true
	}
	return false
}

// assigns reports whether the graph node n assigns to v.
func assigns(info *types.Info, n ast.Node, v *types.Var) bool {
	switch n := n.(type) {
	case *ast.AssignStmt:
		for _, lhs := range n.Lhs {
			if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && (info.Uses[id] == v || info.Defs[id] == v) {
				return true
			}
		}
	case *ast.ValueSpec:
		for _, id := range n.Names {
			if info.Defs[id] == v {
				return true
			}
		}
	}
	return false
}

// nilTest returns token.EQL for the condition v == nil, token.NEQ for v != nil,
// and token.ILLEGAL for any other node.
func nilTest(info *types.Info, n ast.Node, v *types.Var) token.Token {
	bin, ok := n.(*ast.BinaryExpr)
	if !ok {
		if paren, ok := n.(*ast.ParenExpr); ok {
			return nilTest(info, paren.X, v)
		}
		return token.ILLEGAL
	}
	if !isNilComparison(info, bin) {
		return token.ILLEGAL
	}
	for _, operand := range []ast.Expr{bin.X, bin.Y} {
		if id, ok := ast.Unparen(operand).(*ast.Ident); ok && info.Uses[id] == v {
			return bin.Op
		}
	}
	return token.ILLEGAL
}

// waitsDone reports whether n receives from the Done channel of one of ctxs:
// after it, the context is canceled or past its deadline, and released.
func waitsDone(info *types.Info, n ast.Node, ctxs []*types.Var) bool {
	if len(ctxs) == 0 {
		return false
	}
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if _, ok := m.(*ast.FuncLit); ok {
			return false
		}
		recv, ok := m.(*ast.UnaryExpr)
		if !ok || recv.Op != token.ARROW {
			return !found
		}
		call, ok := ast.Unparen(recv.X).(*ast.CallExpr)
		if !ok || len(call.Args) != 0 {
			return !found
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Done" {
			return !found
		}
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
			for _, ctx := range ctxs {
				if info.Uses[id] == ctx {
					found = true
				}
			}
		}
		return !found
	})
	return found
}
