package obligation

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Gone says on which branches of a condition nothing is held: the obligation is
// absent there (the paired error is non-nil) or already met.
type Gone struct {
	IfTrue, IfFalse bool
	// Soft says that the answer is inferred from a test of the paired error
	// other than against nil (errors.Is(err, x), err == io.EOF): it holds only
	// for a non-nil error, but its negation says nothing.
	Soft bool
}

// GoneIf says that nothing is held on the branch where the condition is truth.
func GoneIf(truth bool) Gone { return Gone{IfTrue: truth, IfFalse: !truth} }

// Eval reads cond: on which of its branches nothing is held. It understands the
// paired-result rule while paired (err != nil, !ok), nil tests of the variable
// (v == nil), and !, && and || over those; any other part of the condition is
// what Knows says of it.
func (s *Search) Eval(cond ast.Expr, paired bool) Gone {
	return s.eval(cond, paired, nil)
}

// eval is Eval with what the path knows of local booleans (see boolFlags): a
// flag the path set to a constant after the acquisition takes only the branch
// of that constant (fd, err = os.OpenFile(...); didOpen = true; ...; if didOpen
// { return fd.Close() }; return nil: the second return is not on this path).
//
// flag also answers a comparison it knows the answer of (addr != "", with addr
// fixed and the path inside if addr != "" { l, err = net.Listen(...) }).
func (s *Search) eval(cond ast.Expr, paired bool, flag func(ast.Expr) (value, ok bool)) Gone {
	switch e := ast.Unparen(cond).(type) {
	case *ast.Ident:
		if paired && s.pairIsFlag() && s.isVar(e, s.Pair) {
			return GoneIf(false) // ok is false when nothing was acquired
		}
		if flag != nil {
			if value, ok := flag(e); ok {
				return GoneIf(!value) // the other branch is not on this path
			}
		}
	case *ast.SelectorExpr:
		if flag != nil {
			if value, ok := flag(e); ok {
				return GoneIf(!value) // a fixed field, with its answer known
			}
		}
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			g := s.eval(e.X, paired, flag)
			if g.Soft {
				return Gone{IfTrue: true, IfFalse: true}
			}
			return Gone{IfTrue: g.IfFalse, IfFalse: g.IfTrue}
		}
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND:
			x, y := s.eval(e.X, paired, flag), s.eval(e.Y, paired, flag)
			return Gone{x.IfTrue || y.IfTrue, x.IfFalse && y.IfFalse, x.Soft || y.Soft}
		case token.LOR:
			x, y := s.eval(e.X, paired, flag), s.eval(e.Y, paired, flag)
			return Gone{x.IfTrue && y.IfTrue, x.IfFalse || y.IfFalse, x.Soft || y.Soft}
		case token.EQL, token.NEQ:
			if absentIfNil, ok := s.nilTest(e, paired); ok {
				return GoneIf(absentIfNil == (e.Op == token.EQL))
			}
			if x, value, ok := boolComparison(s.Info, e); ok && flag != nil {
				if known, ok := flag(x); ok {
					return GoneIf(known != (value == (e.Op == token.EQL))) // debug == false, with debug known
				}
			}
			if flag != nil {
				if equal, ok := flag(e); ok {
					return GoneIf(equal != (e.Op == token.EQL)) // addr != "", with its answer known
				}
			}
		case token.LSS, token.LEQ, token.GTR, token.GEQ:
			if flag != nil {
				if holds, ok := flag(e); ok {
					return GoneIf(!holds) // a counted loop's condition, with its next answer known
				}
			}
		}
	}
	if s.Knows != nil {
		return s.Knows(cond, paired)
	}
	return Gone{}
}

// nilTest reads a comparison with nil of the paired error (while paired) or of the
// variable. It returns whether nothing is held when the operand is nil: false for
// the error (a nil error comes with the value), true for the variable.
func (s *Search) nilTest(e *ast.BinaryExpr, paired bool) (absentIfNil, ok bool) {
	for _, operands := range [][2]ast.Expr{{e.X, e.Y}, {e.Y, e.X}} {
		if !isNil(s.Info, operands[1]) {
			continue
		}
		if paired && s.pairIsError() && s.isVar(operands[0], s.Pair) {
			return false, true
		}
		if s.isVar(operands[0], s.Var) {
			return true, true
		}
	}
	return false, false
}

var errorType = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// pairIsError reports whether the paired result is an error: non-nil when
// nothing was acquired.
func (s *Search) pairIsError() bool {
	return s.Pair != nil && types.Implements(s.Pair.Type(), errorType)
}

// pairIsFlag reports whether the paired result is a comma-ok bool: false when
// nothing was acquired.
func (s *Search) pairIsFlag() bool {
	return s.Pair != nil && !s.pairIsError() && types.Identical(s.Pair.Type().Underlying(), types.Typ[types.Bool])
}

func (s *Search) isVar(e ast.Expr, v *types.Var) bool {
	return v != nil && isVarIdent(s.Info, e, v)
}

func isNil(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && info.Uses[id] == types.Universe.Lookup("nil")
}
