package deferargs

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/deferlint/deferlint/internal/flow"
)

// A write is one place in a function that gives a variable a value, or may change
// the value it holds.
type write struct {
	pos  token.Pos
	kind writeKind
	// value is the expression assigned, when the statement names one for this
	// variable; nil for a declaration without a value, a tuple assignment from a
	// call, a range clause, a return statement, ++ and --.
	value ast.Expr
	// zero marks a declaration without a value (var v T, a named result): the
	// variable starts at its zero value.
	zero bool
	// accumulates marks v++, v--, v op= x and v = v op x: a counter or a total.
	accumulates bool
	// derived marks an assignment whose value is computed from the variable's old
	// value: v = v[:0], v = append(v, x), r = r.WithContext(ctx), x = f(x).
	derived bool
	// disables marks an assignment of nil: after the defer it disables the variable
	// (as with channels in a select loop), and the deferred call keeps the old
	// value on purpose.
	disables bool
	// inLiteral marks a write inside a nested function literal, whose timing is
	// unknown.
	inLiteral bool
}

type writeKind int

const (
	declared writeKind = iota // var v T, v := x, a parameter or a named result
	assigned                  // v = x, v, w := x, y for an existing v, ++, op=, range with =
	returned                  // a return statement with results, for a named result
	touched                   // v.f = x, v[i] = x, v.M() with a pointer receiver: changed in place
	aliased                   // &v: it may be changed through the pointer at any time
)

// writesOf returns, in source order, the writes of v in fn: in its signature, in its
// body and in the function literals of its body.
func writesOf(info *types.Info, fn *funcInfo, v *types.Var) []write {
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && (info.Uses[id] == v || info.Defs[id] == v)
	}
	var writes []write
	if typ := flow.FuncType(fn.node); typ != nil {
		for _, list := range []*ast.FieldList{typ.Params, typ.Results} {
			for _, field := range fieldsOf(list) {
				for _, name := range field.Names {
					if info.Defs[name] == v {
						// a parameter has the caller's value; a named result starts at zero
						writes = append(writes, write{pos: name.Pos(), kind: declared, zero: list == typ.Results})
					}
				}
			}
		}
	}
	namedResult := fn.isNamedResult(info, v)
	ast.PreorderStack(fn.body, nil, func(n ast.Node, stack []ast.Node) bool {
		w := write{inLiteral: inLiteral(stack)}
		add := func(pos token.Pos, kind writeKind) {
			w.pos, w.kind = pos, kind
			writes = append(writes, w)
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				switch {
				case is(lhs):
					w.value = nil
					if len(n.Lhs) == len(n.Rhs) {
						w.value = n.Rhs[i]
					}
					w.disables = isNil(info, w.value)
					w.accumulates = n.Tok != token.ASSIGN && n.Tok != token.DEFINE || accumulation(w.value, is)
					w.derived = w.accumulates || w.value != nil && reads(w.value, is)
					kind := assigned
					if id := ast.Unparen(lhs).(*ast.Ident); info.Defs[id] == v {
						kind = declared
					}
					add(n.Pos(), kind)
				case rootedAt(lhs, is):
					add(n.Pos(), touched)
				}
			}
		case *ast.IncDecStmt:
			if is(n.X) {
				w.accumulates, w.derived = true, true
				add(n.Pos(), assigned)
			} else if rootedAt(n.X, is) {
				add(n.Pos(), touched)
			}
		case *ast.RangeStmt:
			if is(n.Key) || n.Value != nil && is(n.Value) {
				kind := assigned
				if n.Tok == token.DEFINE {
					kind = declared
				}
				add(n.Key.Pos(), kind)
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if info.Defs[name] == v {
					switch len(n.Values) {
					case 0:
						w.zero = true
					case len(n.Names):
						w.value = n.Values[i]
					}
					add(name.Pos(), declared)
				}
			}
		case *ast.ReturnStmt:
			if namedResult && len(n.Results) > 0 && !w.inLiteral {
				add(n.Pos(), returned)
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && rootedAt(n.X, is) {
				add(n.Pos(), aliased)
			}
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && takesAddress(info, sel) && rootedAt(sel.X, is) {
				add(n.Pos(), touched)
			}
		}
		return true
	})
	return writes
}

// inLiteral reports whether a node with these ancestors (from the function body
// down) lies in a nested function literal.
func inLiteral(stack []ast.Node) bool {
	for _, n := range stack {
		if _, ok := n.(*ast.FuncLit); ok {
			return true
		}
	}
	return false
}

// rootedAt reports whether e is a selector, index, slice or dereference whose
// operand chain starts at a variable that is reports true for (v.f, v[i], v.f[i],
// *v), or that variable itself.
func rootedAt(e ast.Expr, is func(ast.Expr) bool) bool {
	for {
		if is(e) {
			return true
		}
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.SliceExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return false
		}
	}
}

// accumulation reports whether value is an arithmetic combination of the variable
// with something else, v + x or x * v: the assignment keeps a running total.
func accumulation(value ast.Expr, is func(ast.Expr) bool) bool {
	bin, ok := ast.Unparen(value).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	switch bin.Op {
	case token.ADD, token.SUB, token.MUL, token.QUO, token.REM,
		token.AND, token.OR, token.XOR, token.SHL, token.SHR, token.AND_NOT:
		return is(bin.X) || is(bin.Y)
	}
	return false
}

// reads reports whether e refers to the variable anywhere.
func reads(e ast.Expr, is func(ast.Expr) bool) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if x, ok := n.(ast.Expr); ok && is(x) {
			found = true
		}
		return !found
	})
	return found
}

// takesAddress reports whether sel selects a method with a pointer receiver on an
// operand that is not a pointer: the call takes the operand's address implicitly and
// may change it in place.
func takesAddress(info *types.Info, sel *ast.SelectorExpr) bool {
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.MethodVal {
		return false
	}
	fn, ok := s.Obj().(*types.Func)
	if !ok {
		return false
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return false
	}
	_, ptrRecv := recv.Type().(*types.Pointer)
	_, ptrOperand := s.Recv().Underlying().(*types.Pointer)
	return ptrRecv && !ptrOperand
}

func isNil(info *types.Info, e ast.Expr) bool {
	return e != nil && info.Types[ast.Unparen(e)].IsNil()
}

// constantValue returns the value of e when it is a constant expression or nil
// (reported as ok with a nil value), and ok false otherwise.
func constantValue(info *types.Info, e ast.Expr) (value constant.Value, ok bool) {
	if e == nil {
		return nil, false
	}
	tv := info.Types[ast.Unparen(e)]
	if tv.IsNil() {
		return nil, true
	}
	return tv.Value, tv.Value != nil
}

// isZero reports whether a constant value (nil for the nil value) is its type's
// zero value.
func isZero(value constant.Value) bool {
	if value == nil {
		return true
	}
	switch value.Kind() {
	case constant.Bool:
		return !constant.BoolVal(value)
	case constant.String:
		return constant.StringVal(value) == ""
	case constant.Int, constant.Float, constant.Complex:
		return constant.Sign(value) == 0
	}
	return false
}

func fieldsOf(list *ast.FieldList) []*ast.Field {
	if list == nil {
		return nil
	}
	return list.List
}
