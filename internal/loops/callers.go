package loops

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/deferlint/deferlint/internal/flow"
	"golang.org/x/tools/go/ast/inspector"
)

// CallerFixedCount returns how many times loop repeats at most when its count is
// fixed by the calls of its function rather than by its header: loop is for range N
// or for i := K; i < N; i++ (or <=), K a constant, in an unexported function that is
// not a method, and N is built from constants and one parameter p of that function
// with + - * (p, p+2, 2*p) that the body never assigns. Every use of the function
// in the package's files must be a call that passes a constant for p (ntpChecks in
// sntpDrift(ntpChecks)); n is the largest count over those calls. Only the
// package can name an unexported function, and a function that is never used as
// a value is run only where its calls stand, so the count is one of those the
// package writes out, as surely as for i := 0; i < 5; i++ fixes its own. ok is
// false for any other loop, for a function without calls, and for a body that
// assigns the counter. A call through go:linkname from another package is not
// seen.
func CallerFixedCount(info *types.Info, loop inspector.Cursor) (n int64, ok bool) {
	limit, start, inclusive, ok := countedShape(info, loop.Node())
	if !ok || !isInteger(info.TypeOf(limit)) {
		return 0, false
	}
	if l, isFor := loop.Node().(*ast.ForStmt); isFor && assignsInBody(info, l) {
		return 0, false
	}
	var k int64
	if start != nil {
		if k, ok = int64Value(info.Types[start].Value); !ok {
			return 0, false
		}
	}
	decl, fn := declaringFunc(info, loop)
	if fn == nil || fn.Exported() || decl.Recv != nil || decl.Body == nil {
		return 0, false
	}
	p, _ := limitParam(info, fn, limit)
	values, ok := callerValues(info, loop, decl, fn, p, func(_ inspector.Cursor, arg ast.Expr) (int64, bool) {
		v := info.Types[arg].Value
		if v == nil {
			return 0, false // the caller passes a count it computes
		}
		return int64Value(v)
	})
	if !ok {
		return 0, false
	}
	for _, v := range values {
		limitValue, ok := evalWith(info, limit, p, constant.MakeInt64(v))
		if !ok {
			return 0, false
		}
		count := limitValue - k
		if inclusive {
			count++
		}
		n = max(n, count)
	}
	return n, true
}

// callerValues returns, for each use of fn (declared by decl, around loop) in
// the package, the value value reads from the argument it passes for the
// parameter p: every use must be a call that passes each parameter its own
// argument (not the function as a value, nor a spread result), p must be
// neither variadic nor changed by the body, and there must be a call. It walks
// the package's identifiers once.
func callerValues(info *types.Info, loop inspector.Cursor, decl *ast.FuncDecl, fn *types.Func, p *types.Var,
	value func(call inspector.Cursor, arg ast.Expr) (int64, bool)) ([]int64, bool) {
	params := fn.Signature().Params()
	index := paramIndex(params, p)
	if index < 0 || fn.Signature().Variadic() && index == params.Len()-1 || flow.Changes(info, decl.Body, p) {
		return nil, false
	}
	var values []int64
	for id := range loop.Inspector().Root().Preorder((*ast.Ident)(nil)) {
		if info.Uses[id.Node().(*ast.Ident)] != fn {
			continue
		}
		arg := callArg(id, fn, index)
		if arg == nil {
			return nil, false // used as a value, or called with a spread result
		}
		v, ok := value(id, arg)
		if !ok {
			return nil, false
		}
		values = append(values, v)
	}
	return values, len(values) > 0
}

// declaringFunc returns the function declaration around loop and its object.
func declaringFunc(info *types.Info, loop inspector.Cursor) (*ast.FuncDecl, *types.Func) {
	for c := range loop.Enclosing((*ast.FuncDecl)(nil)) {
		decl := c.Node().(*ast.FuncDecl)
		fn, _ := info.Defs[decl.Name].(*types.Func)
		return decl, fn
	}
	return nil, nil
}

// limitParam returns the one parameter of fn that limit mentions, and its index,
// when limit mentions exactly one parameter, not a variadic one, and nothing
// else but constants (evalWith says whether their operators are ones it folds).
func limitParam(info *types.Info, fn *types.Func, limit ast.Expr) (*types.Var, int) {
	params := fn.Signature().Params()
	var p *types.Var
	index, other := -1, false
	ast.Inspect(limit, func(n ast.Node) bool {
		e, isExpr := n.(ast.Expr)
		if !isExpr || info.Types[e].Value != nil {
			return false // a constant, whatever it is built from
		}
		id, isIdent := e.(*ast.Ident)
		if !isIdent {
			return true
		}
		i := paramIndex(params, info.Uses[id])
		switch {
		case i < 0 || p != nil && params.At(i) != p:
			other = true
		default:
			p, index = params.At(i), i
		}
		return false
	})
	if other || p == nil || fn.Signature().Variadic() && index == params.Len()-1 {
		return nil, -1
	}
	return p, index
}

func paramIndex(params *types.Tuple, obj types.Object) int {
	for i := range params.Len() {
		if params.At(i) == obj {
			return i
		}
	}
	return -1
}

// callArg returns the argument at index of the call whose callee is the
// identifier at id, or nil when id is not the callee of a call passing each
// parameter its own argument.
func callArg(id inspector.Cursor, fn *types.Func, index int) ast.Expr {
	call, ok := id.Parent().Node().(*ast.CallExpr)
	if !ok || call.Fun != id.Node() || call.Ellipsis.IsValid() || len(call.Args) != fn.Signature().Params().Len() {
		return nil
	}
	return call.Args[index]
}

// evalWith returns the value of limit with p standing for the constant v, when
// limit is built from constants and p with parentheses, + - and *.
func evalWith(info *types.Info, limit ast.Expr, p *types.Var, v constant.Value) (int64, bool) {
	var eval func(e ast.Expr) constant.Value
	eval = func(e ast.Expr) constant.Value {
		if c := info.Types[e].Value; c != nil {
			return constant.ToInt(c)
		}
		switch e := e.(type) {
		case *ast.ParenExpr:
			return eval(e.X)
		case *ast.Ident:
			if info.Uses[e] == p {
				return constant.ToInt(v)
			}
		case *ast.BinaryExpr:
			switch e.Op {
			case token.ADD, token.SUB, token.MUL:
				x, y := eval(e.X), eval(e.Y)
				if x.Kind() == constant.Int && y.Kind() == constant.Int {
					return constant.BinaryOp(x, e.Op, y)
				}
			}
		}
		return constant.MakeUnknown()
	}
	return int64Value(eval(limit))
}

func isInteger(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}
