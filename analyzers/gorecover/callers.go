package gorecover

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
)

// This file decides where a value the goroutine calls comes from: from the
// package's user (a callback handed to an exported function, a field the user
// fills) or from the package itself (a function of its own that it hands to one
// of its unexported helpers).

// fromUser reports whether variable v holds a value that the package's user
// supplies: a parameter that receives one (see userParam), an exported field
// of a struct the user can fill, an exported package-level variable, or an
// element ranged over from one of these (for _, job := range jobs).
func (c *checker) fromUser(v *types.Var) bool {
	switch v.Kind() {
	case types.ParamVar:
		return c.userParam(v)
	case types.FieldVar:
		return c.userField(v)
	case types.PackageVar:
		return v.Exported()
	case types.LocalVar:
		list := c.rangedLists()[v]
		return list != nil && c.fromUser(list)
	}
	return false
}

// A paramSlot says which function a parameter belongs to, and where.
type paramSlot struct {
	fn       types.Object  // the declared function, or the variable its literal is bound to
	call     *ast.CallExpr // the call of a literal called, deferred or started on the spot
	index    int           // the parameter's index in the signature
	variadic bool          // the parameter is variadic: it receives the arguments from index on
}

// userParam reports whether parameter v receives a value the package's user
// supplies. A parameter of an exported function or method does, since any
// package may call it. A parameter of an unexported function, or of a
// function literal, does only if a call the package makes passes such a value
// (fromUser), however many unexported calls away from the exported entry:
// when every caller passes the package's own functions (a poller's doPoll
// handed its RPC code, a reconnect handed its handshake), the code is the
// package's, which its author controls. A function whose uses cannot all be
// seen (its value is passed around, or an interface of the package declares
// it) is taken as receiving nothing of the user's: when unsure, quiet.
func (c *checker) userParam(v *types.Var) bool {
	if c.fromUserParams == nil {
		c.fromUserParams = make(map[*types.Var]bool)
	}
	if user, seen := c.fromUserParams[v]; seen {
		return user
	}
	c.fromUserParams[v] = false // a cycle of calls brings in nothing new
	user := c.paramFromUser(v)
	c.fromUserParams[v] = user
	return user
}

func (c *checker) paramFromUser(v *types.Var) bool {
	slot, ok := c.paramSlots()[v]
	if !ok {
		return false
	}
	if slot.call != nil {
		return c.argsFromUser(slot.call, slot)
	}
	if slot.fn == nil {
		return false // a literal handed to code that calls it with arguments unseen
	}
	if c.callableOutside(slot.fn) {
		return true
	}
	u := c.uses[slot.fn]
	if u == nil || u.escaped > 0 || !c.allUsesVisible(slot.fn) {
		return false
	}
	for _, call := range u.calls {
		if c.argsFromUser(call, slot) {
			return true
		}
	}
	return false
}

// callableOutside reports whether other packages may call obj: an exported
// function or method, or an exported package-level variable, of a package
// other than main.
func (c *checker) callableOutside(obj types.Object) bool {
	if !obj.Exported() || c.pass.Pkg.Name() == "main" {
		return false
	}
	switch obj := obj.(type) {
	case *types.Func:
		return true
	case *types.Var:
		return obj.Parent() == c.pass.Pkg.Scope()
	}
	return false
}

// argsFromUser reports whether call passes, for the parameter of slot, a
// value the package's user supplies.
func (c *checker) argsFromUser(call *ast.CallExpr, slot paramSlot) bool {
	i := slot.index
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s := c.pass.TypesInfo.Selections[sel]; s != nil && s.Kind() == types.MethodExpr {
			i++ // T.m(recv, args...): the receiver comes first
		}
	}
	if i >= len(call.Args) {
		return false
	}
	args := call.Args[i : i+1]
	if slot.variadic && !call.Ellipsis.IsValid() {
		args = call.Args[i:]
	}
	for _, arg := range args {
		if c.valueFromUser(arg) {
			return true
		}
	}
	return false
}

// valueFromUser reports whether the expression e, passed as an argument, is a
// function value the package's user supplies: a variable that holds one (see
// fromUser), or a method value of an interface the user implements (s.h.Handle).
// A function literal, a function or method of the package, or a value computed
// by a call is not.
func (c *checker) valueFromUser(e ast.Expr) bool {
	switch obj := c.x.FuncOf(e).(type) {
	case *types.Var:
		return c.x.VarLit(obj) == nil && c.fromUser(obj)
	case *types.Func:
		return c.foreignMethod(obj)
	}
	return false
}

// paramSlots maps the parameters of the package's functions and function
// literals to their slots.
func (c *checker) paramSlots() map[*types.Var]paramSlot {
	if c.slots != nil {
		return c.slots
	}
	c.slots = make(map[*types.Var]paramSlot)
	for cur := range c.in.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var slot paramSlot
		var typ *ast.FuncType
		switch fn := cur.Node().(type) {
		case *ast.FuncDecl:
			typ = fn.Type
			slot.fn = c.pass.TypesInfo.Defs[fn.Name]
			if f, ok := slot.fn.(*types.Func); ok {
				slot.fn = f.Origin()
			}
		case *ast.FuncLit:
			typ = fn.Type
			switch kind, use := litUse(cur); kind {
			case edge.CallExpr_Fun, edge.GoStmt_Call, edge.DeferStmt_Call:
				slot.call = use.Node().(*ast.CallExpr)
			default:
				if v := c.boundVar(fn); v != nil {
					slot.fn = v
				}
			}
		}
		index := 0
		for _, field := range typ.Params.List {
			_, slot.variadic = field.Type.(*ast.Ellipsis)
			if len(field.Names) == 0 {
				index++
			}
			for _, name := range field.Names {
				if v, ok := c.pass.TypesInfo.Defs[name].(*types.Var); ok {
					slot.index = index
					c.slots[v] = slot
				}
				index++
			}
		}
	}
	return c.slots
}

// rangedLists maps the variables that take, one by one, the elements of
// another variable (for _, job := range jobs) to that variable.
func (c *checker) rangedLists() map[*types.Var]*types.Var {
	if c.ranged != nil {
		return c.ranged
	}
	c.ranged = make(map[*types.Var]*types.Var)
	for cur := range c.in.Root().Preorder((*ast.RangeStmt)(nil)) {
		r := cur.Node().(*ast.RangeStmt)
		value, ok := r.Value.(*ast.Ident)
		if !ok {
			continue
		}
		elem, _ := c.pass.TypesInfo.Defs[value].(*types.Var)
		list, _ := c.x.FuncOf(r.X).(*types.Var)
		if elem != nil && list != nil && elem != list {
			c.ranged[elem] = list
		}
	}
	return c.ranged
}
