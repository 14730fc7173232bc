package gorecover

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/deferlint/deferlint/internal/recovery"
)

// policy is the goroutine rule of -gorecover.goroutines: which of the
// goroutines that nothing recovers are reported. A code base that recovers none
// of its goroutines crashes on purpose, and a recover added to each goroutine
// is not what its maintainers want; so a goroutine is reported when the package has shown that it recovers goroutines,
// and this goroutine is where a crash is most likely or least intended:
//
//   - it departs from the package's own convention: another goroutine that runs
//     the same function recovers;
//   - it runs code the package does not control (a function passed in, a
//     function-typed field the user fills, a method of an interface whose
//     implementations are the user's), which can panic in ways its author
//     cannot prevent.
//
// A goroutine that calls panic() itself is not reported by this rule (only by
// -gorecover.strict): in code the rule was measured on, such a panic was the
// author's chosen crash (a local relay that cannot start) or a branch that
// cannot be reached (an invariant, an unknown variant), not a failure that a
// recover should hide.
//
// Only the package's own goroutines show that it recovers: another package of
// the module (a test helper, a worker pool) recovers for reasons of its own.
// And only a recover that keeps the panic: one that passes it on (re-panics it,
// or every value but a sentinel) is propagation, not recovery.
//
// That most goroutines of a function, file or package recover is no reason: a
// goroutine recovers because of the work it runs (a pool's workers run their
// users' tasks), and its siblings that run the package's own housekeeping need
// not.
type policy struct {
	c *checker
	// ownRecovered: some goroutine of this package is recovered, and keeps
	// the panic.
	ownRecovered  bool
	recoveredWork map[types.Object]bool // functions some such goroutine runs
}

func (c *checker) newPolicy(sites []*site) *policy {
	p := &policy{c: c, recoveredWork: make(map[types.Object]bool)}
	for _, s := range sites {
		if s.state != recovered || s.propagates || s.narrow {
			continue
		}
		p.ownRecovered = true
		if s.work != nil {
			p.recoveredWork[s.work] = true
		}
	}
	return p
}

// A verdict is why the goroutine rule reports an unrecovered goroutine.
type verdict struct {
	why string // a clause of the message
	// around: the call of the user's code whose panic should be recovered
	// around it, because a recover at the top of the goroutine would lose
	// what aroundWhy says (see topRecoverLoses).
	around    *ast.CallExpr
	aroundWhy string
}

// reason returns why the unrecovered goroutine s should recover, or a verdict
// with why == "" when the goroutine rule does not report it.
func (p *policy) reason(s *site) verdict {
	if !p.ownRecovered {
		return verdict{} // the package recovers no goroutine: it crashes on purpose
	}
	const others = "other goroutines of this package recover"
	if s.body != nil {
		if call := p.c.foreignCall(s.body); call != nil {
			v := verdict{why: fmt.Sprintf("though it runs code this package does not control (%s) and %s", types.ExprString(call.Fun), others)}
			if loses := p.c.topRecoverLoses(s.body, call); loses != "" {
				v.around, v.aroundWhy = call, loses
			}
			return v
		}
	}
	if s.work != nil && p.recoveredWork[s.work] {
		return verdict{why: fmt.Sprintf("unlike another goroutine that runs %s", s.work.Name())}
	}
	return verdict{}
}

// eachOwnCall is eachCall without the function literals whose code does not
// run in the goroutine unrecovered: those that recover themselves (func() {
// defer handlePanic(); b.cache.Flush() }(), called on the spot or bound to a
// variable), whose code is recovered where it runs, and those handed to
// something that keeps them for later or for another goroutine (see
// runsHere).
func (c *checker) eachOwnCall(body *ast.BlockStmt, f func(*ast.CallExpr) bool) bool {
	return eachCall(body, func(call *ast.CallExpr) bool {
		if c.notOwn(body, call) {
			return true
		}
		return f(call)
	})
}

// notOwn reports whether call lies, within body, in a function literal that
// defers a call that recovers, or that does not run in the goroutine.
func (c *checker) notOwn(body *ast.BlockStmt, call *ast.CallExpr) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found || n == nil || n.Pos() > call.Pos() || n.End() < call.End() {
			return false
		}
		if lit, ok := n.(*ast.FuncLit); ok {
			found = c.x.Body(lit.Body) == recovery.Recovered || !c.runsHere(lit)
		}
		return !found
	})
	return found
}

// foreignCall returns a call, made by a goroutine running body itself (outside
// literals that recover), of code the package does not control, or nil: a
// function value received as a parameter, held in an exported function-typed
// field or in an exported package-level variable (a callback, hook, handler or
// dialer the user sets), or a method of an exported interface that is not the
// standard library's, called on a value that the user supplies (see
// foreignMethod). A logger is not such code (see logs).
func (c *checker) foreignCall(body *ast.BlockStmt) *ast.CallExpr {
	var found *ast.CallExpr
	c.eachOwnCall(body, func(call *ast.CallExpr) bool {
		if c.logs(call) {
			return true
		}
		switch obj := c.x.FuncOf(call.Fun).(type) {
		case *types.Var:
			if c.foreignFunc(obj) {
				found = call
			}
		case *types.Func:
			if c.foreignMethod(obj) && !c.assertedFromStd(call.Fun) {
				found = call
			}
		}
		return found == nil
	})
	return found
}

// foreignFunc reports whether calling v calls a function the package's user
// supplies (see fromUser): a parameter that receives the user's callback, an
// exported field of a struct the user fills, an exported package-level
// variable. An unexported field is set by the package itself (a hasher, a
// clock, a test seam), and so is a parameter that every caller fills with the
// package's own functions.
func (c *checker) foreignFunc(v *types.Var) bool {
	if _, isFunc := underlyingOf(v.Type()).(*types.Signature); !isFunc || c.x.VarLit(v) != nil {
		return false
	}
	if named, ok := types.Unalias(v.Type()).(*types.Named); ok && c.x.IsStd(named.Obj().Pkg()) {
		return false // context.CancelFunc and the like
	}
	return c.fromUser(v)
}

// userField reports whether the user of the package can set field v: it is
// exported, and not a field of an unexported type of this package.
func (c *checker) userField(v *types.Var) bool {
	if !v.Exported() {
		return false
	}
	return !c.unexportedOwner(v)
}

// unexportedOwner reports whether field v belongs to a struct type named by an
// unexported type of this package.
func (c *checker) unexportedOwner(v *types.Var) bool {
	scope := c.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.Exported() {
			continue
		}
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for f := range st.Fields() {
			if f == v {
				return true
			}
		}
	}
	return false
}

// foreignMethod reports whether fn is a method of an interface whose
// implementations the package does not see: an exported interface declared
// outside the standard library, that not only its module implements (see
// moduleInterface). The method of an interface literal (a small
// capability such as interface{ CloseWrite() error }) or of an unexported
// interface is asked of values the package holds, not declared for the user to
// implement.
func (c *checker) foreignMethod(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	if recv == nil || !types.IsInterface(recv.Type()) {
		return false
	}
	named, ok := types.Unalias(recv.Type()).(*types.Named)
	if !ok {
		return false // an interface literal: a capability asked of a value, not a contract for users
	}
	pkg := named.Obj().Pkg()
	switch {
	case pkg == nil || c.x.IsStd(pkg):
		return false // error, io.Reader, net.Conn: implemented by the standard library mostly
	case !named.Obj().Exported():
		return false
	}
	return !c.moduleInterface(named)
}

// assertedFromStd reports whether the method call fun is made on a variable
// obtained by asserting a value of a standard library type to an interface
// (if cw, ok := conn.(CloseWriter); ok { cw.CloseWrite() } with conn a
// net.Conn): the value is the standard library's, which the capability only
// names.
func (c *checker) assertedFromStd(fun ast.Expr) bool {
	sel, ok := ast.Unparen(fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	src := c.assertions()[v]
	if src == nil {
		return false
	}
	named, ok := types.Unalias(c.pass.TypesInfo.TypeOf(src)).(*types.Named)
	return ok && c.x.IsStd(named.Obj().Pkg())
}

// assertions maps the variables defined by a type assertion (v, ok := x.(T),
// v := x.(T)) to the expression asserted.
func (c *checker) assertions() map[*types.Var]ast.Expr {
	if c.asserted != nil {
		return c.asserted
	}
	c.asserted = make(map[*types.Var]ast.Expr)
	for cur := range c.in.Root().Preorder((*ast.AssignStmt)(nil)) {
		a := cur.Node().(*ast.AssignStmt)
		if len(a.Rhs) != 1 || len(a.Lhs) == 0 {
			continue
		}
		ta, ok := ast.Unparen(a.Rhs[0]).(*ast.TypeAssertExpr)
		if !ok || ta.Type == nil {
			continue
		}
		if id, ok := a.Lhs[0].(*ast.Ident); ok {
			if v, ok := c.pass.TypesInfo.Defs[id].(*types.Var); ok {
				c.asserted[v] = ta.X
			}
		}
	}
	return c.asserted
}
