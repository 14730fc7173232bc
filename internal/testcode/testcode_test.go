package testcode

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
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

// fakeTesting type-checks a stand-in for package testing, enough for IsHandle.
type fakeTesting struct{ pkg *types.Package }

func (f fakeTesting) Import(path string) (*types.Package, error) {
	if path != "testing" {
		return nil, fmt.Errorf("no package %s", path)
	}
	return f.pkg, nil
}

func TestEnclosesMethodsOfTypesHoldingHandle(t *testing.T) {
	fset := token.NewFileSet()
	check := func(name, src string, imp types.Importer) (*ast.File, *types.Package, *types.Info) {
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
		pkg, err := (&types.Config{Importer: imp}).Check(name, fset, []*ast.File{f}, info)
		if err != nil {
			t.Fatal(err)
		}
		return f, pkg, info
	}
	_, testingPkg, _ := check("testing", "package testing\ntype T struct{}\n", nil)
	f, pkg, info := check("fake", `package fake

import "testing"

// CAServer is a fake server for tests: it keeps the test's T.
type CAServer struct {
	t    *testing.T
	addr string
}

func NewCAServer(t *testing.T) *CAServer { return &CAServer{t: t} }

// verify never touches ca.t, yet runs only under the test that made ca.
func (ca *CAServer) verify() {}

// Server is production code: it holds no test's handle.
type Server struct{ addr string }

func (s *Server) verify() {}

type ids []int

func (ids) verify() {}
`, fakeTesting{testingPkg})
	pass := &analysis.Pass{Fset: fset, Pkg: pkg, TypesInfo: info, Files: []*ast.File{f}}
	want := map[string]bool{"NewCAServer": true, "CAServer.verify": true, "Server.verify": false, "ids.verify": false}
	for fn := range inspector.New([]*ast.File{f}).Root().Preorder((*ast.FuncDecl)(nil)) {
		decl := fn.Node().(*ast.FuncDecl)
		name := decl.Name.Name
		if decl.Recv != nil {
			recv := types.Unalias(info.Defs[decl.Name].(*types.Func).Signature().Recv().Type())
			if ptr, ok := recv.(*types.Pointer); ok {
				recv = ptr.Elem()
			}
			name = recv.(*types.Named).Obj().Name() + "." + name
		}
		if got := Encloses(pass, fn); got != want[name] {
			t.Errorf("Encloses(%s) = %v, want %v", name, got, want[name])
		}
	}
}
