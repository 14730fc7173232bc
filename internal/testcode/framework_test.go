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

// packages is an importer over packages type-checked from source in a test.
type packages map[string]*types.Package

func (p packages) Import(path string) (*types.Package, error) {
	if pkg, ok := p[path]; ok {
		return pkg, nil
	}
	return nil, fmt.Errorf("no package %s", path)
}

// handleSrc declares a test framework's T (as go-ethereum's internal/utesting
// does), a type without a handle's methods, and a logger, which can log at
// error and fatal level but has no Error or Errorf of testing's shape.
const handleSrc = `package %s

type T struct{ failed bool }

func (t *T) Error(vs ...any)                 {}
func (t *T) Errorf(format string, vs ...any) {}
func (t *T) Fatalf(format string, vs ...any) {}

// TB is the handle as an interface, as gomock's TestReporter is.
type TB interface {
	Errorf(format string, args ...any)
	FailNow()
}

// Result is what a test returns: not a handle.
type Result struct{ Name string }

// Reporter records failures but cannot stop a test.
type Reporter struct{}

func (Reporter) Errorf(format string, vs ...any) {}

// Err is an error with a Fatal method: its Error is not testing's.
type Err struct{}

func (Err) Error() string      { return "" }
func (Err) Fatal(vs ...any)    {}
`

func TestFrameworkHandle(t *testing.T) {
	fset := token.NewFileSet()
	pkgs := packages{}
	check := func(path, src string) (*ast.File, *types.Package, *types.Info) {
		f, err := parser.ParseFile(fset, path+"/x.go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
		pkg, err := (&types.Config{Importer: pkgs}).Check(path, fset, []*ast.File{f}, info)
		if err != nil {
			t.Fatal(err)
		}
		pkgs[path] = pkg
		return f, pkg, info
	}
	check("example.com/m/internal/utesting", fmt.Sprintf(handleSrc, "utesting"))
	check("example.com/m/internal/runner", fmt.Sprintf(handleSrc, "runner"))
	f, pkg, info := check("example.com/m/cmd/suite", `package suite

import (
	"example.com/m/internal/runner"
	"example.com/m/internal/utesting"
)

type Suite struct{}

// A test of the module's own framework: it takes the framework's T.
func (s *Suite) TestHandshake(t *utesting.T) {}

func (s *Suite) TestByInterface(t utesting.TB) {}

// The same T from a package not named for tests: a product's type.
func (s *Suite) Serve(t *runner.T) {}

// A test-support package's types without a handle's methods.
func (s *Suite) Record(r utesting.Result) {}

func (s *Suite) Report(r utesting.Reporter) {}

func (s *Suite) Wrap(e utesting.Err) {}

// fixture holds the framework's T, as a fake server keeps testing's.
type fixture struct{ t *utesting.T }

func (f *fixture) close() {}
`)
	pass := &analysis.Pass{Fset: fset, Pkg: pkg, TypesInfo: info, Files: []*ast.File{f}, Module: &analysis.Module{Path: "example.com/m"}}
	want := map[string]bool{
		"TestHandshake": true, "TestByInterface": true, "close": true,
		"Serve": false, "Record": false, "Report": false, "Wrap": false,
	}
	for fn := range inspector.New([]*ast.File{f}).Root().Preorder((*ast.FuncDecl)(nil)) {
		name := fn.Node().(*ast.FuncDecl).Name.Name
		if got := Encloses(pass, fn); got != want[name] {
			t.Errorf("Encloses(%s) = %v, want %v", name, got, want[name])
		}
	}
	// Without the module, which some drivers do not give, the package's
	// directories cannot be judged, and the framework's T is not known.
	pass.Module = nil
	for fn := range inspector.New([]*ast.File{f}).Root().Preorder((*ast.FuncDecl)(nil)) {
		if name := fn.Node().(*ast.FuncDecl).Name.Name; name == "TestHandshake" && Encloses(pass, fn) {
			t.Errorf("Encloses(%s) without a module = true, want false", name)
		}
	}
}
