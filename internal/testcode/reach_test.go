package testcode

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// reachSrc is a package's non-test file: each function's name says who refers
// to it.
const reachSrc = `package server

import "net"

type Server struct{ ln net.Listener }

// onlyTests starts a server for the package's tests, which alone call it.
func onlyTests() *Server {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	go func() { _ = ln }()
	return &Server{ln: ln}
}

// recursiveOnlyTests calls itself: that call runs only once a test has called it.
func recursiveOnlyTests(n int) {
	if n > 0 {
		recursiveOnlyTests(n - 1)
	}
}

func genericOnlyTests[T any](v T) T { return v }

// production is called by Serve as well as by the tests.
func production() {}

// uncalled: nothing refers to it.
func uncalled() {}

// valueTaken is called by the tests, and its value is taken here: whoever
// holds hooks may call it.
func valueTaken() {}

var hooks = []func(){valueTaken}

// Exported is called only by the tests, but other packages may call it too.
func Exported() {}

// method is called only by the tests, but an interface may reach it.
func (s *Server) method() {}

//go:linkname linked
func linked() {}

// pulled is named by a directive in another comment of the package.
func pulled() {}

//export exported
func exported() {}

func init() {}

func main() {}

func Serve() { production() }

//go:linkname pulled
`

// reachTestSrc is the package's _test.go file.
const reachTestSrc = `package server

import "testing"

func TestServer(t *testing.T) {
	onlyTests()
	recursiveOnlyTests(2)
	genericOnlyTests(1)
	production()
	valueTaken()
	Exported()
	new(Server).method()
	linked()
	pulled()
	exported()
	main()
}
`

func TestEnclosesFunctionsOnlyTestsCall(t *testing.T) {
	fset := token.NewFileSet()
	var files []*ast.File
	for _, file := range [][2]string{{"/p/server.go", reachSrc}, {"/p/server_test.go", reachTestSrc}} {
		f, err := parser.ParseFile(fset, file[0], file[1], parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	check := func(files []*ast.File) *analysis.Pass {
		info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
		pkg, err := (&types.Config{Importer: importer.Default()}).Check("example.com/server", fset, files, info)
		if err != nil {
			t.Fatal(err)
		}
		return &analysis.Pass{Fset: fset, Pkg: pkg, TypesInfo: info, Files: files}
	}
	plain := files[:1]
	// The test variant: the package with its _test.go file, as go vet analyzes it.
	want := map[string]bool{
		"onlyTests": true, "onlyTests.func": true, "recursiveOnlyTests": true, "genericOnlyTests": true,
		"TestServer": true, // in the _test.go file
		"production": false, "uncalled": false, "valueTaken": false, "Exported": false, "method": false,
		"linked": false, "pulled": false, "exported": false, "init": false, "main": false, "Serve": false,
	}
	judge(t, "test variant", check(files), files, want)
	// The plain package sees no _test.go file: a function only tests call looks
	// uncalled, and is judged as other code (a known false positive, left to a
	// driver that, as go vet does, analyzes the test variant in its place).
	for name := range want {
		want[name] = false
	}
	delete(want, "TestServer")
	judge(t, "plain package", check(plain), plain, want)
}

// judge checks Encloses for each function declaration of files and each
// function literal (named for its declaration, with .func) against want.
func judge(t *testing.T, variant string, pass *analysis.Pass, files []*ast.File, want map[string]bool) {
	t.Helper()
	seen := 0
	for fn := range inspector.New(files).Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var name string
		for c := range fn.Enclosing((*ast.FuncDecl)(nil)) {
			name = c.Node().(*ast.FuncDecl).Name.Name
		}
		if _, ok := fn.Node().(*ast.FuncLit); ok {
			name += ".func"
		}
		w, ok := want[name]
		if !ok {
			continue
		}
		seen++
		if got := Encloses(pass, fn); got != w {
			t.Errorf("%s: Encloses(%s) = %v, want %v", variant, name, got, w)
		}
	}
	if seen != len(want) {
		t.Errorf("%s: judged %d functions, want %d", variant, seen, len(want))
	}
}
