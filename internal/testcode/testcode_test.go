package testcode

import (
	"go/types"
	"testing"
)

func TestIsHandle(t *testing.T) {
	testingPkg := types.NewPackage("testing", "testing")
	other := types.NewPackage("example.com/testing", "testing")
	iface := types.NewPackage("github.com/mitchellh/go-testing-interface", "testing")
	named := func(pkg *types.Package, name string) *types.Named {
		return types.NewNamed(types.NewTypeName(0, pkg, name, nil), types.NewStruct(nil, nil), nil)
	}
	for _, tt := range []struct {
		typ  types.Type
		want bool
	}{
		{types.NewPointer(named(testingPkg, "T")), true},
		{types.NewPointer(named(testingPkg, "B")), true},
		{named(testingPkg, "F"), true},
		{named(testingPkg, "TB"), true},
		{types.NewPointer(named(testingPkg, "M")), false},
		{types.NewPointer(named(other, "T")), false},
		{named(iface, "T"), true},
		{types.NewPointer(named(iface, "RuntimeT")), false},
		{types.Typ[types.Int], false},
		{nil, false},
	} {
		if got := IsHandle(tt.typ); got != tt.want {
			t.Errorf("IsHandle(%v) = %v, want %v", tt.typ, got, tt.want)
		}
	}
}
