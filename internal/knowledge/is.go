package knowledge

import (
	"go/types"
	"slices"
)

// IsFunc reports whether obj is a package-level function of the package at
// pkgPath with one of the given names (a generic one in any instantiation).
func IsFunc(obj types.Object, pkgPath string, names ...string) bool {
	fn, ok := obj.(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() == pkgPath &&
		fn.Signature().Recv() == nil && slices.Contains(names, fn.Name())
}

// IsMethod reports whether obj is a method, with one of the given names, of the
// type pkgPath.typeName, on a value or a pointer receiver (also when called
// through a type that embeds it, which calls the same method).
func IsMethod(obj types.Object, pkgPath, typeName string, names ...string) bool {
	fn, ok := obj.(*types.Func)
	if !ok || !slices.Contains(names, fn.Name()) {
		return false
	}
	tn, _ := Receiver(fn.Origin())
	return tn != nil && tn.Pkg() != nil && tn.Pkg().Path() == pkgPath && tn.Name() == typeName
}

// IsType reports whether t is (or is an alias of) the named type pkgPath.name,
// for one of the given names; a pointer to it is not.
func IsType(t types.Type, pkgPath string, names ...string) bool {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := named.Obj()
	return obj.Pkg() != nil && obj.Pkg().Path() == pkgPath && slices.Contains(names, obj.Name())
}
