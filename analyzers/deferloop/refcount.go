package deferloop

import (
	"go/ast"
	"go/types"
)

// releasesShared reports whether the deferred call is x.Release() on a value of
// a reference-counted type: one whose method set has both Retain() and
// Release(), neither taking arguments (Arrow's arrays, records, array data,
// datums and memory buffers, and any other library's refcounted handles). Such
// a value is shared by design: the deferred Release drops the function's own
// reference, and whether the value stays held until return depends on its other
// holders, which the iteration itself usually makes from it (a result built from
// x.Data(), a column or datum wrapping x, a goroutine using it until a wait, a
// parent owning a zero-copy view's buffers). Constructors retain inside, out of
// sight, so the pass cannot tell a pile from an idiom ("build, hand on, then
// drop my reference at return"), and releasing at the end of the iteration, as
// the message would advise, frees what the result still reads. So the pile is
// not a consequence message reports for it; a loop that never exits or whose
// input sets its count is reported all the same.
func releasesShared(info *types.Info, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Release" || len(call.Args) > 0 {
		return false
	}
	if s, ok := info.Selections[sel]; !ok || s.Kind() != types.MethodVal {
		return false
	}
	t := info.TypeOf(sel.X)
	return t != nil && (refCounted(t) || wrapsRefCounted(t))
}

// refCounted reports whether t's method set has both Retain() and Release().
func refCounted(t types.Type) bool {
	return hasNiladicMethod(t, "Retain") && hasNiladicMethod(t, "Release")
}

// wrapsRefCounted reports whether t is an interface with Release() that one of
// its package's own types implements by holding a reference-counted value in a
// field (Arrow's compute.Datum, whose ArrayDatum holds an arrow.ArrayData and
// whose NewDatum retains it): a value of t may be such a wrapper, sharing what
// it holds with the value it was made from, and the pass cannot tell which
// implementation it has.
func wrapsRefCounted(t types.Type) bool {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || !types.IsInterface(t) || named.Obj().Pkg() == nil {
		return false
	}
	iface := t.Underlying().(*types.Interface)
	scope := named.Obj().Pkg().Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) || isGeneric(tn.Type()) {
			continue // types.Implements is unspecified for an uninstantiated generic type
		}
		impl := tn.Type()
		if !types.Implements(impl, iface) {
			impl = types.NewPointer(impl)
			if !types.Implements(impl, iface) {
				continue
			}
		}
		if holdsRefCounted(tn.Type()) {
			return true
		}
	}
	return false
}

// isGeneric reports whether t is a named type with type parameters.
func isGeneric(t types.Type) bool {
	named, ok := t.(*types.Named)
	return ok && named.TypeParams().Len() > 0
}

// holdsRefCounted reports whether t is a struct with a field of a
// reference-counted type.
func holdsRefCounted(t types.Type) bool {
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		if refCounted(f.Type()) {
			return true
		}
	}
	return false
}

// hasNiladicMethod reports whether t (or *t, for an addressable value) has a
// method of that name taking no arguments.
func hasNiladicMethod(t types.Type, name string) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.Params().Len() == 0
}
