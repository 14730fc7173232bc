package gorecover

import (
	"fmt"
	"go/ast"
	"go/types"
)

// policy is the default rule: which of the goroutines that nothing recovers are
// reported. A code base that recovers none of its goroutines crashes on purpose,
// and a recover added to each goroutine is not what its maintainers want; so a
// goroutine is reported when the code base has shown that it recovers, and this
// goroutine is where a crash is most likely or least intended:
//
//   - it departs from the code base's own convention: another goroutine that runs
//     the same function recovers, or most goroutines started by the same
//     function, in the same file or in the same package recover;
//   - it calls panic() in its own code, which the code base's other goroutines
//     would have recovered;
//   - it runs code the package does not control (a function passed in, a
//     function-typed field, a method of an interface whose implementations are
//     not the package's own), which can panic in ways its author cannot prevent.
type policy struct {
	c *checker
	// ownRecovered: some goroutine of this package is recovered.
	ownRecovered bool
	// moduleRecovers: the path of a package of the same module, imported, whose
	// goroutines recover; "" when there is none.
	moduleRecovers string
	recoveredWork  map[types.Object]bool // functions some recovered goroutine runs
	tallies        map[any]*tally        // per function declaration, file and package
}

// tally counts the goroutines of one scope that recover and that do not.
type tally struct{ recovered, unrecovered int }

func (c *checker) newPolicy(sites []*site) *policy {
	p := &policy{c: c, recoveredWork: make(map[types.Object]bool), tallies: make(map[any]*tally)}
	for _, s := range sites {
		if s.state == ignored {
			continue
		}
		if s.state == recovered {
			p.ownRecovered = true
			if s.work != nil {
				p.recoveredWork[s.work] = true
			}
		}
		for _, key := range p.scopes(s) {
			t := p.tallies[key]
			if t == nil {
				t = new(tally)
				p.tallies[key] = t
			}
			if s.state == recovered {
				t.recovered++
			} else {
				t.unrecovered++
			}
		}
	}
	p.moduleRecovers = c.x.ImportedRecovering(c.sameModule)
	return p
}

// scopes returns the keys of the scopes s belongs to, narrowest first: the
// function declaration that starts it (if any), its file, the package.
func (p *policy) scopes(s *site) []any {
	keys := []any{s.file, p.c.pass.Pkg}
	if s.decl != nil {
		keys = append([]any{s.decl}, keys...)
	}
	return keys
}

// reason returns why the unrecovered goroutine s should recover, as a clause of
// the message, or "" when the default rule does not report it.
func (p *policy) reason(s *site) string {
	if !p.ownRecovered && p.moduleRecovers == "" {
		return "" // the code base recovers no goroutine: it crashes on purpose
	}
	others := "other goroutines of this package recover"
	if !p.ownRecovered {
		others = fmt.Sprintf("goroutines of %s, in the same module, recover", p.moduleRecovers)
	}
	if s.body != nil {
		if call := p.c.explicitPanic(s.body); call != nil {
			line := p.c.pass.Fset.Position(call.Pos()).Line
			return fmt.Sprintf("though it calls panic (line %d) and %s", line, others)
		}
		if call := p.c.foreignCall(s.body); call != nil {
			return fmt.Sprintf("though it runs code this package does not control (%s) and %s", types.ExprString(call.Fun), others)
		}
	}
	if s.work != nil && p.recoveredWork[s.work] {
		return fmt.Sprintf("unlike another goroutine that runs %s", s.work.Name())
	}
	names := []string{"this file", "this package"}
	if s.decl != nil {
		names = append([]string{s.decl.Name.Name}, names...)
	}
	for i, key := range p.scopes(s) {
		if t := p.tallies[key]; t.recovered > t.unrecovered {
			return fmt.Sprintf("unlike most goroutines started in %s (%d of %d recover)", names[i], t.recovered, t.recovered+t.unrecovered)
		}
	}
	return ""
}

// explicitPanic returns a call of the built-in panic that a goroutine running
// body makes itself, or nil. A panic one call further down is not looked for: a
// known limit.
func (c *checker) explicitPanic(body *ast.BlockStmt) *ast.CallExpr {
	var found *ast.CallExpr
	eachCall(body, func(call *ast.CallExpr) bool {
		if b, ok := c.x.FuncOf(call.Fun).(*types.Builtin); ok && b.Name() == "panic" {
			found = call
		}
		return found == nil
	})
	return found
}

// foreignCall returns a call, made by a goroutine running body itself, of code
// the package does not control, or nil: a function value received as a
// parameter, held in a function-typed field or in an exported package-level
// variable (a callback, hook, handler or dialer), or a method of an interface
// that is not the standard library's and not an unexported interface of this
// package (whose implementations are the package's own).
func (c *checker) foreignCall(body *ast.BlockStmt) *ast.CallExpr {
	var found *ast.CallExpr
	eachCall(body, func(call *ast.CallExpr) bool {
		switch obj := c.x.FuncOf(call.Fun).(type) {
		case *types.Var:
			if c.foreignFunc(obj) {
				found = call
			}
		case *types.Func:
			if c.foreignMethod(obj) {
				found = call
			}
		}
		return found == nil
	})
	return found
}

// foreignFunc reports whether calling v calls a function the package's user
// supplies.
func (c *checker) foreignFunc(v *types.Var) bool {
	if _, isFunc := underlyingOf(v.Type()).(*types.Signature); !isFunc || c.x.VarLit(v) != nil {
		return false
	}
	if named, ok := types.Unalias(v.Type()).(*types.Named); ok && c.x.IsStd(named.Obj().Pkg()) {
		return false // context.CancelFunc and the like
	}
	switch v.Kind() {
	case types.ParamVar, types.FieldVar:
		return true
	case types.PackageVar:
		return v.Exported()
	case types.LocalVar:
		return c.rangesOverForeign()[v]
	}
	return false
}

// rangesOverForeign returns the variables that take, one by one, the elements of
// a parameter or a field (for _, job := range jobs): each is a function the
// package's user supplies, as the list is.
func (c *checker) rangesOverForeign() map[*types.Var]bool {
	if c.ranged != nil {
		return c.ranged
	}
	c.ranged = make(map[*types.Var]bool)
	for cur := range c.in.Root().Preorder((*ast.RangeStmt)(nil)) {
		r := cur.Node().(*ast.RangeStmt)
		value, ok := r.Value.(*ast.Ident)
		if !ok {
			continue
		}
		elem, _ := c.pass.TypesInfo.Defs[value].(*types.Var)
		list, _ := c.x.FuncOf(r.X).(*types.Var)
		if elem != nil && list != nil && (list.Kind() == types.ParamVar || list.Kind() == types.FieldVar) {
			c.ranged[elem] = true
		}
	}
	return c.ranged
}

// foreignMethod reports whether fn is a method of an interface whose
// implementations the package does not see.
func (c *checker) foreignMethod(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	if recv == nil || !types.IsInterface(recv.Type()) {
		return false
	}
	named, ok := types.Unalias(recv.Type()).(*types.Named)
	if !ok {
		return true // an interface literal: whatever the caller passes
	}
	pkg := named.Obj().Pkg()
	switch {
	case pkg == nil || c.x.IsStd(pkg):
		return false // error, io.Reader, net.Conn: implemented by the standard library mostly
	case pkg == c.pass.Pkg:
		return named.Obj().Exported()
	}
	return true
}
