package obligation

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/deferlint/deferlint/internal/flow"
)

// A nil-tracked variable is a local of the function that some condition compares
// with nil and whose every write the path sees: statements of the body, not a
// function literal, and no taken address. A path knows whether it is nil from
// the last write it passed: a declaration without a value or an assignment of
// nil makes it nil; &T{...}, a composite literal, new(T) or make(...) make it
// non-nil; any other value leaves it unknown. A later test of it against nil
// then takes only the branch that write allows. A value set up only on some
// paths (var sconn *sharedConn; if shared { sconn = &sharedConn{conn} }; ...; if
// sconn != nil { use(sconn) } else { use(conn) }) is nil on the others, so the
// resource is handed on in the else branch there (erigon's discovery set-up,
// measurement 40). The tracked variable itself, whose nil tests the search reads
// on its own, and the paired result are none.

// maxNilVars bounds the nil-tracked variables of a search, as maxFixed bounds the
// fixed ones.
const maxNilVars = 4

// withNilTracked returns set extended with the nil-tracked variables that the
// conditions conds compare with nil, and the mask of their indices (learnt from
// the branches, and set by the writes).
func (set boolFlagSet) withNilTracked(info *types.Info, body *ast.BlockStmt, conds map[ast.Expr]ast.Stmt, pair, v *types.Var) (boolFlagSet, flagValues) {
	var learnable flagValues
	var untracked map[*types.Var]bool // computed on the first candidate
	added := 0
	for cond := range conds {
		ast.Inspect(cond, func(n ast.Node) bool {
			e, ok := n.(*ast.BinaryExpr)
			if !ok || added == maxNilVars {
				return added < maxNilVars
			}
			f, ok := comparison(info, e)
			if !ok || f.with != nil || f.v == pair || f.v == v || !flow.DeclaredIn(f.v, body) || set.find(f) >= 0 {
				return true
			}
			if untracked == nil {
				untracked = writesUnseen(info, body)
			}
			if untracked[f.v] {
				return true
			}
			f.nilTracked = true
			set = append(set, f)
			learnable |= 1 << (2 * (len(set) - 1))
			added++
			return true
		})
	}
	return set, learnable
}

// writesUnseen returns the variables of body written where a path through body
// does not see it: in a function literal, or through a taken address.
func writesUnseen(info *types.Info, body *ast.BlockStmt) map[*types.Var]bool {
	unseen := make(map[*types.Var]bool)
	mark := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if w, ok := info.Uses[id].(*types.Var); ok {
				unseen[w] = true
			}
		}
	}
	inLiteral := false
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			if !inLiteral {
				inLiteral = true
				ast.Inspect(n.Body, visit)
				inLiteral = false
				return false
			}
		case *ast.AssignStmt:
			if inLiteral {
				for _, l := range n.Lhs {
					mark(l)
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				mark(n.X)
			}
		}
		return true
	}
	ast.Inspect(body, visit)
	return unseen
}

// writeNil returns what the path knows of the nil-tracked variables once it has
// passed node n: a write sets whether the variable is nil, or forgets it.
func (set boolFlagSet) writeNil(info *types.Info, n ast.Node, known flagValues) flagValues {
	for j, f := range set {
		if !f.nilTracked {
			continue
		}
		switch n := n.(type) {
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if info.Defs[id] != f.v {
					continue
				}
				if len(n.Values) == 0 {
					known = known.set(j, true) // var sconn *sharedConn
				} else if i < len(n.Values) && len(n.Values) == len(n.Names) {
					known = setNil(known, j, nilness(info, n.Values[i]))
				} else {
					known = known.forget(j)
				}
			}
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				id, ok := ast.Unparen(l).(*ast.Ident)
				if !ok || info.Uses[id] != f.v && info.Defs[id] != f.v {
					continue
				}
				if len(n.Lhs) == len(n.Rhs) && n.Tok != token.ADD_ASSIGN {
					known = setNil(known, j, nilness(info, n.Rhs[i]))
				} else {
					known = known.forget(j)
				}
			}
		}
	}
	return known
}

// nilAnswer says whether a value is nil, certainly not nil, or unknown.
type nilAnswer int

const (
	unknownNil nilAnswer = iota
	isNilValue
	notNilValue
)

// nilness reads whether the value e is nil.
func nilness(info *types.Info, e ast.Expr) nilAnswer {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if info.Uses[e] == types.Universe.Lookup("nil") {
			return isNilValue
		}
	case *ast.CompositeLit:
		return notNilValue
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return notNilValue // &T{...}, &x
		}
	case *ast.CallExpr:
		if flow.CallsBuiltin(info, e, "new", "make") {
			return notNilValue
		}
	}
	return unknownNil
}

func setNil(known flagValues, j int, a nilAnswer) flagValues {
	switch a {
	case isNilValue:
		return known.set(j, true)
	case notNilValue:
		return known.set(j, false)
	}
	return known.forget(j)
}
