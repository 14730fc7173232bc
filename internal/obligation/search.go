package obligation

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/deferlint/deferlint/internal/flow"
	"golang.org/x/tools/go/cfg"
)

// Search is one obligation held in a local variable, and what its analyzer knows
// about the paths that carry it.
type Search struct {
	Info *types.Info
	// Acquire is the statement that acquires the obligation: an *ast.AssignStmt
	// or an *ast.ValueSpec, a node of the graph.
	Acquire ast.Node
	// Var is the variable that holds it.
	Var *types.Var
	// Pair is the variable that receives the acquiring call's other result (an
	// error, a comma-ok flag, or anything else), or nil.
	Pair *types.Var
	// Named says that Var is a named result: a bare return hands it on.
	Named bool

	// Ends reports whether node n ends a path with the obligation met: it
	// releases or hands on the value, or asserts that there is none. Paired says
	// whether Pair still speaks for the obligation. Nil ends nothing.
	Ends func(n ast.Node, paired bool) bool
	// Knows reads a condition, or a part of one, that the search does not
	// understand (see Eval). Nil knows nothing.
	Knows func(cond ast.Expr, paired bool) Gone
	// Skips reports whether a path never enters block b. Nil skips nothing.
	Skips func(b *cfg.Block) bool
}

// Paths is what the paths leaving the acquisition reach with the obligation held.
type Paths struct {
	// Returns holds every return statement reached, First the first of them in
	// source order (nil for none).
	Returns []*ast.ReturnStmt
	First   *ast.ReturnStmt
	// Again says that a path comes back to the acquisition: each iteration of
	// the loop around it leaves one obligation behind.
	Again bool
	// Drops holds every node reached where the variable takes a new value that
	// does not derive from it (the acquisition again, or another assignment):
	// the old obligation can no longer be met. Dropped is the first in source
	// order, or nil.
	Drops   []ast.Node
	Dropped ast.Node
}

// Run follows every path from the acquisition through g, the graph of body, and
// stops each one at the first node that ends it (see Ends), at a bare return of
// a named result, or where the variable is dropped. On a branch condition, a
// path does not take a branch on which nothing is held (see Eval). Pairing ends
// where Pair is assigned again.
func (s *Search) Run(g *flow.Graph, body *ast.BlockStmt) Paths {
	var p Paths
	start, index := g.Find(s.Acquire)
	if start == nil {
		return p
	}
	conds := conditions(body)
	flags, learnable := boolFlags(s.Info, body, s.Pair).withFixed(s.Info, body, conds, s.Pair, s.Var)
	fixed := learnable   // the booleans no statement changes (see withFixed)
	var exits []ast.Expr // conditions false on every path to the acquisition (see earlyExits)
	flags, loops := flags.withCountedLoops(s.Info, body, conds)
	learnable |= loops
	flags, nils := flags.withNilTracked(s.Info, body, conds, s.Pair, s.Var)
	learnable |= nils
	type state struct {
		b      *cfg.Block
		paired bool
		known  flagValues
	}
	visited := make(map[state]bool)
	var walk func(b *cfg.Block, nodes []ast.Node, paired bool, known flagValues)
	walk = func(b *cfg.Block, nodes []ast.Node, paired bool, known flagValues) {
		follow := []bool{true, true}
		var taught []flagValues // what each branch of the block's condition teaches (see withFixed)
		for i, n := range nodes {
			known = flags.after(s.Info, n, known)
			known = flags.forgetDeclared(s.Info, n, known, learnable)
			known = flags.writeNil(s.Info, n, known)
			if n == s.Acquire {
				p.Again = true
				p.drop(n)
				return
			}
			if s.reassigns(n) {
				p.drop(n) // resp, err = c.Get(next): the old value is out of reach
				return
			}
			if paired && s.Pair != nil && assigns(s.Info, n, s.Pair) {
				paired = false
			}
			if s.Ends != nil && s.Ends(n, paired) {
				return
			}
			if ret, ok := n.(*ast.ReturnStmt); ok && s.Named && len(ret.Results) == 0 {
				return // a bare return hands on the named result
			}
			if cond, ok := n.(ast.Expr); ok && i == len(nodes)-1 && len(b.Succs) == 2 {
				if init, isCond := conds[cond]; isCond {
					g := s.branch(cond, init, paired, flags, known)
					follow = []bool{!g.IfTrue, !g.IfFalse}
					if learnable != 0 {
						taught = []flagValues{s.learn(flags, cond, true, paired, known, learnable), s.learn(flags, cond, false, paired, known, learnable)}
						for i := range follow {
							follow[i] = follow[i] && !flags.contradicts(s.Info, exits, taught[i], fixed)
						}
					}
				}
			}
		}
		if ret := b.Return(); ret != nil {
			p.Returns = append(p.Returns, ret)
			if p.First == nil || ret.Pos() < p.First.Pos() {
				p.First = ret
			}
			return
		}
		for i, next := range b.Succs {
			if i < len(follow) && !follow[i] || s.Skips != nil && s.Skips(next) {
				continue
			}
			k := known
			if i < len(taught) {
				k = taught[i]
			}
			if st := (state{next, paired, k}); !visited[st] {
				visited[st] = true
				walk(next, next.Nodes, paired, k)
			}
		}
	}
	entry := flags.enclosing(s.Info, body, s.Acquire, learnable)
	if fixed != 0 {
		exits = earlyExits(s.Info, body, s.Acquire)
		for _, cond := range exits {
			entry = flags.learn(s.Info, cond, false, entry, fixed)
		}
	}
	walk(start, start.Nodes[index+1:], s.Pair != nil, entry)
	return p
}

// learn is flags.learn on a path that holds the obligation: an operand of && or
// || whose other answer would mean that nothing is held has, on this path, the
// answer that keeps it, so the branch teaches what it says of the other operand
// (on the false branch of err == nil && i+1 < n, with the response held, err is
// nil and i+1 < n is false).
func (s *Search) learn(flags boolFlagSet, cond ast.Expr, truth, paired bool, known, learnable flagValues) flagValues {
	if e, ok := ast.Unparen(cond).(*ast.BinaryExpr); ok && (e.Op == token.LAND && !truth || e.Op == token.LOR && truth) {
		for _, operands := range [][2]ast.Expr{{e.X, e.Y}, {e.Y, e.X}} {
			g := s.eval(operands[0], paired, nil)
			if !g.Soft && (e.Op == token.LAND && g.IfFalse || e.Op == token.LOR && g.IfTrue) {
				return s.learn(flags, operands[1], truth, paired, known, learnable)
			}
		}
	}
	return flags.learn(s.Info, cond, truth, known, learnable)
}

// drop records n as a place where the obligation is dropped.
func (p *Paths) drop(n ast.Node) {
	p.Drops = append(p.Drops, n)
	if p.Dropped == nil || n.Pos() < p.Dropped.Pos() {
		p.Dropped = n
	}
}

// branch reads the condition of an if, for or tagless case, with the if's init
// statement. A condition on a value the init statement derives from the paired
// error alone (if _, ok := err.(*T); ok) holds only for a non-nil error.
func (s *Search) branch(cond ast.Expr, init ast.Stmt, paired bool, flags boolFlagSet, known flagValues) Gone {
	if init != nil && paired && s.pairIsError() && flow.Mentions(s.Info, init, s.Pair) && !flow.Mentions(s.Info, cond, s.Pair) {
		return GoneIf(true)
	}
	return s.eval(cond, paired, func(e ast.Expr) (value, ok bool) { return flags.value(s.Info, e, known) })
}

// reassigns reports whether n, another statement than the acquisition, assigns
// the variable a new value that does not derive from it (f = wrap(f) hands the
// old value on; resp.Body = io.NopCloser(&buf) replaces only a field).
func (s *Search) reassigns(n ast.Node) bool {
	as, ok := n.(*ast.AssignStmt)
	if !ok || n == s.Acquire {
		return false
	}
	for _, l := range as.Lhs {
		if id, ok := ast.Unparen(l).(*ast.Ident); ok && s.Info.Uses[id] == s.Var {
			for _, e := range as.Rhs {
				if flow.Mentions(s.Info, e, s.Var) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// assigns reports whether node n assigns variable v outside function literals,
// or takes its address (a callee may assign it).
func assigns(info *types.Info, n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if id, ok := l.(*ast.Ident); ok && (info.Uses[id] == v || info.Defs[id] == v) {
					found = true
				}
			}
		case *ast.UnaryExpr:
			if id, ok := n.X.(*ast.Ident); ok && n.Op == token.AND && info.Uses[id] == v {
				found = true
			}
		}
		return !found
	})
	return found
}

// conditions returns the branch conditions of body, each with its if statement's
// init: if and for conditions and the cases of tagless switches (a tagged
// switch's case values are no conditions).
func conditions(body *ast.BlockStmt) map[ast.Expr]ast.Stmt {
	conds := make(map[ast.Expr]ast.Stmt)
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			conds[n.Cond] = n.Init
		case *ast.ForStmt:
			if n.Cond != nil {
				conds[n.Cond] = nil
			}
		case *ast.SwitchStmt:
			if n.Tag == nil {
				for _, c := range n.Body.List {
					if cc, ok := c.(*ast.CaseClause); ok {
						for _, e := range cc.List {
							conds[e] = nil
						}
					}
				}
			}
		}
		return true
	})
	return conds
}
