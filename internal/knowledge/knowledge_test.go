package knowledge_test

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"testing"

	"github.com/deferlint/deferlint/internal/knowledge"
)

// fakes are packages with the paths and declarations of the real ones this test
// needs, so that it type-checks without export data.
var fakes = []struct{ path, src string }{
	{"os", "package os; func Exit(int); func Open(string) (*File, error); type File struct{}; func (*File) Close() error { return nil }"},
	{"syscall", "package syscall; func Exit(int)"},
	{"runtime", "package runtime; func Goexit(); func Gosched()"},
	{"log", "package log; func Fatal(...any); func Printf(string, ...any); type Logger struct{}; func (*Logger) Fatalf(string, ...any); func (*Logger) Printf(string, ...any)"},
	{"testing", "package testing; type common struct{}; func (c *common) Fatal(...any); func (c *common) Log(...any); type T struct{ common }; func (t *T) Run(string, func(*T)) bool { return false }; type TB interface{ FailNow(); Helper() }"},
	{"sync", "package sync; type WaitGroup struct{}; func (*WaitGroup) Go(func()); func (*WaitGroup) Wait(); type Mutex struct{}; func (*Mutex) Lock()"},
	{"mime/multipart", "package multipart; type Part struct{}; func (*Part) Close() error { return nil }; func (*Part) Read([]byte) (int, error) { return 0, nil }; type Reader struct{}; func (*Reader) NextPart() (*Part, error) { return nil, nil }; func (*Reader) NextRawPart() (*Part, error) { return nil, nil }"},
	{"golang.org/x/sync/errgroup", "package errgroup; type Group struct{}; func (*Group) Go(func() error); func (*Group) TryGo(func() error) bool { return false }; func (*Group) Wait() error { return nil }"},
	{"example.com/p", `package p
import "os"
type T struct{}
func (T) Value() {}
func (*T) Pointer() {}
type List[E any] struct{ items []E }
func (l *List[E]) Push(e E) { l.items = append(l.items, e) }
func Map[E, F any](xs []E, f func(E) F) []F { return nil }
type Closer interface{ Close() error }
type File = os.File
func F() {}
var (
	ints List[int]
	push = ints.Push
)
`},
}

// check type-checks the fakes and returns them by path.
func check(t *testing.T) map[string]*types.Package {
	t.Helper()
	fset := token.NewFileSet()
	pkgs := make(map[string]*types.Package)
	conf := types.Config{Importer: importerFunc(func(path string) (*types.Package, error) {
		if p := pkgs[path]; p != nil {
			return p, nil
		}
		return nil, fmt.Errorf("no package %s", path)
	})}
	for _, f := range fakes {
		file, err := parser.ParseFile(fset, f.path+".go", f.src, 0)
		if err != nil {
			t.Fatal(err)
		}
		pkg, err := conf.Check(f.path, fset, []*ast.File{file}, nil)
		if err != nil {
			t.Fatal(err)
		}
		pkgs[f.path] = pkg
	}
	return pkgs
}

type importerFunc func(string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// lookup returns the function or method named by "pkgpath Name" or "pkgpath Type.Method".
func lookup(t *testing.T, pkgs map[string]*types.Package, path, name string) *types.Func {
	t.Helper()
	pkg := pkgs[path]
	typ, method, isMethod := cutLast(name)
	if !isMethod {
		fn, ok := pkg.Scope().Lookup(name).(*types.Func)
		if !ok {
			t.Fatalf("no func %s.%s", path, name)
		}
		return fn
	}
	obj, _, _ := types.LookupFieldOrMethod(pkg.Scope().Lookup(typ).Type(), true, pkg, method)
	fn, ok := obj.(*types.Func)
	if !ok {
		t.Fatalf("no method %s.%s", path, name)
	}
	return fn
}

func cutLast(s string) (string, string, bool) {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '.' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

func TestFuncName(t *testing.T) {
	pkgs := check(t)
	for _, tc := range []struct{ path, name, full, short string }{
		{"example.com/p", "F", "example.com/p.F", "p.F"},
		{"example.com/p", "T.Value", "(example.com/p.T).Value", "(p.T).Value"},
		{"example.com/p", "T.Pointer", "(*example.com/p.T).Pointer", "(*p.T).Pointer"},
		{"example.com/p", "List.Push", "(*example.com/p.List).Push", "(*p.List).Push"},
		{"example.com/p", "Map", "example.com/p.Map", "p.Map"},
		{"example.com/p", "Closer.Close", "(example.com/p.Closer).Close", "(p.Closer).Close"},
		{"golang.org/x/sync/errgroup", "Group.Go", "(*golang.org/x/sync/errgroup.Group).Go", "(*errgroup.Group).Go"},
		{"testing", "T.Fatal", "(*testing.common).Fatal", "(*testing.common).Fatal"}, // promoted: the method is common's
	} {
		fn := lookup(t, pkgs, tc.path, tc.name)
		if got := knowledge.FuncName(fn); got != tc.full {
			t.Errorf("FuncName(%s) = %q, want %q", tc.name, got, tc.full)
		}
		if got := knowledge.ShortFuncName(fn); got != tc.short {
			t.Errorf("ShortFuncName(%s) = %q, want %q", tc.name, got, tc.short)
		}
	}
}

// TestFuncNameInstantiated: a method of an instantiated generic type is named
// by its origin, so one name matches every instantiation. (A generic function's
// uses record the generic function itself: Map is named by TestFuncName.)
func TestFuncNameInstantiated(t *testing.T) {
	pkgs := check(t)
	p := pkgs["example.com/p"]
	ints := p.Scope().Lookup("ints").Type() // List[int]
	obj, _, _ := types.LookupFieldOrMethod(ints, true, p, "Push")
	fn := obj.(*types.Func)
	if fn == fn.Origin() {
		t.Fatal("Push of List[int] is its origin: the test does not test instantiation")
	}
	if got, want := knowledge.FuncName(fn), "(*example.com/p.List).Push"; got != want {
		t.Errorf("FuncName(List[int].Push) = %q, want %q", got, want)
	}
	if !mustParseFuncs(t, "example.com/p.List.Push").Has(fn) {
		t.Error("example.com/p.List.Push does not match List[int].Push")
	}
	if !knowledge.IsMethod(fn, "example.com/p", "List", "Push") {
		t.Error("IsMethod(List[int].Push) = false")
	}
}

func TestFuncs(t *testing.T) {
	pkgs := check(t)
	push := lookup(t, pkgs, "example.com/p", "List.Push")
	value := lookup(t, pkgs, "example.com/p", "T.Value")
	pointer := lookup(t, pkgs, "example.com/p", "T.Pointer")
	f := lookup(t, pkgs, "example.com/p", "F")
	// The forms users write in options, and FuncName's, all match.
	for _, option := range []string{
		"example.com/p.List.Push, example.com/p.T.Value,example.com/p.T.Pointer,example.com/p.F",
		"(*example.com/p.List).Push,(example.com/p.T).Value,(*example.com/p.T).Pointer, example.com/p.F,",
		"(example.com/p.List).Push,(*example.com/p.T).Value,example.com/p.T.Pointer,example.com/p.F",
	} {
		fs := mustParseFuncs(t, option)
		for _, fn := range []*types.Func{push, value, pointer, f} {
			if !fs.Has(fn) {
				t.Errorf("ParseFuncs(%q) does not have %s", option, knowledge.FuncName(fn))
			}
		}
	}
	fs := mustParseFuncs(t, "example.com/p.T.Value,example.com/q.F")
	for _, fn := range []*types.Func{push, pointer, f, nil} {
		if fs.Has(fn) {
			t.Errorf("%q has %v", "example.com/p.T.Value,example.com/q.F", fn)
		}
	}
	if mustParseFuncs(t, "").Has(f) {
		t.Error("the empty set has F")
	}
	if got, want := knowledge.NameKey("(*net/http.Client).Do"), "net/http.Client.Do"; got != want {
		t.Errorf("NameKey = %q, want %q", got, want)
	}
	if got, want := knowledge.Key(pointer), "example.com/p.T.Pointer"; got != want {
		t.Errorf("Key = %q, want %q", got, want)
	}
}

func TestIsFuncIsMethodIsType(t *testing.T) {
	pkgs := check(t)
	exit := lookup(t, pkgs, "os", "Exit")
	closeFile := lookup(t, pkgs, "os", "File.Close")
	fatal := lookup(t, pkgs, "testing", "T.Fatal")
	run := lookup(t, pkgs, "testing", "T.Run")
	push := lookup(t, pkgs, "example.com/p", "List.Push")
	for _, tc := range []struct {
		name string
		got  bool
		want bool
	}{
		{"IsFunc(os.Exit)", knowledge.IsFunc(exit, "os", "Open", "Exit"), true},
		{"IsFunc(os.Exit) in syscall", knowledge.IsFunc(exit, "syscall", "Exit"), false},
		{"IsFunc(File.Close)", knowledge.IsFunc(closeFile, "os", "Close"), false},
		{"IsFunc(nil)", knowledge.IsFunc(nil, "os", "Exit"), false},
		{"IsMethod(File.Close)", knowledge.IsMethod(closeFile, "os", "File", "Close"), true},
		{"IsMethod(File.Close) other type", knowledge.IsMethod(closeFile, "os", "Root", "Close"), false},
		{"IsMethod(os.Exit)", knowledge.IsMethod(exit, "os", "File", "Exit"), false},
		{"IsMethod(T.Run)", knowledge.IsMethod(run, "testing", "T", "Run"), true},
		{"IsMethod(T.Fatal) on T", knowledge.IsMethod(fatal, "testing", "T", "Fatal"), false}, // promoted from common
		{"IsMethod(T.Fatal) on common", knowledge.IsMethod(fatal, "testing", "common", "Fatal"), true},
		{"IsMethod(List.Push)", knowledge.IsMethod(push, "example.com/p", "List", "Push"), true},
		{"IsType(*os.File)", knowledge.IsType(pkgs["os"].Scope().Lookup("File").Type(), "os", "File"), true},
		{"IsType(pointer)", knowledge.IsType(types.NewPointer(pkgs["os"].Scope().Lookup("File").Type()), "os", "File"), false},
		{"IsType(alias)", knowledge.IsType(pkgs["example.com/p"].Scope().Lookup("File").Type(), "os", "File"), true},
		{"IsType(int)", knowledge.IsType(types.Typ[types.Int], "", "int"), false},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %v, want %v", tc.name, tc.got, tc.want)
		}
	}
}

func TestTables(t *testing.T) {
	pkgs := check(t)
	for _, tc := range []struct {
		path, name                    string
		neverReturns, exits, launcher bool
	}{
		{"os", "Exit", true, true, false},
		{"syscall", "Exit", true, true, false},
		{"runtime", "Goexit", true, false, false},
		{"runtime", "Gosched", false, false, false},
		{"log", "Fatal", true, false, false},
		{"log", "Printf", false, false, false},
		{"log", "Logger.Fatalf", true, false, false},
		{"log", "Logger.Printf", false, false, false},
		{"testing", "T.Fatal", true, false, false},
		{"testing", "T.Log", false, false, false},
		{"testing", "TB.FailNow", false, false, false}, // through the interface: StopsTest
		{"sync", "WaitGroup.Go", false, false, true},
		{"sync", "WaitGroup.Wait", false, false, false},
		{"golang.org/x/sync/errgroup", "Group.Go", false, false, true},
		{"golang.org/x/sync/errgroup", "Group.TryGo", false, false, true},
		{"golang.org/x/sync/errgroup", "Group.Wait", false, false, false},
		{"example.com/p", "F", false, false, false},
	} {
		fn := lookup(t, pkgs, tc.path, tc.name)
		if got := knowledge.NeverReturns(fn); got != tc.neverReturns {
			t.Errorf("NeverReturns(%s.%s) = %v", tc.path, tc.name, got)
		}
		if got := knowledge.Exits(fn); got != tc.exits {
			t.Errorf("Exits(%s.%s) = %v", tc.path, tc.name, got)
		}
		if got := knowledge.IsLauncher(fn); got != tc.launcher {
			t.Errorf("IsLauncher(%s.%s) = %v", tc.path, tc.name, got)
		}
	}
	for name, want := range map[string]bool{"T.Fatal": true, "TB.FailNow": true, "T.Log": false, "TB.Helper": false, "T.Run": false} {
		if got := knowledge.StopsTest(lookup(t, pkgs, "testing", name)); got != want {
			t.Errorf("StopsTest(testing.%s) = %v, want %v", name, got, want)
		}
	}
	if !knowledge.IsCrashName("Panicln") || knowledge.IsCrashName("Println") {
		t.Error("IsCrashName is wrong for Panicln or Println")
	}
}

func TestIsStdPath(t *testing.T) {
	for path, want := range map[string]bool{
		"fmt":                                 true,
		"net/http":                            true,
		"vendor/golang.org/x/net/http2/hpack": true, // vendored by the standard library
		"golang.org/x/sync/errgroup":          false,
		"golang.org/x/net/http2":              false,
		"github.com/deferlint/deferlint":      false,
		"gopkg.in/yaml.v3":                    false,
		"example.com":                         false,
		"":                                    false,
	} {
		if got := knowledge.IsStdPath(path); got != want {
			t.Errorf("IsStdPath(%q) = %v, want %v", path, got, want)
		}
	}
}

// TestIsStd: a path without dots is the standard library's only when the
// package is declared in GOROOT: analysistest's testdata packages are not.
func TestIsStd(t *testing.T) {
	if build.Default.GOROOT == "" {
		t.Skip("no GOROOT")
	}
	goroot := filepath.Join(build.Default.GOROOT, "src")
	fset := token.NewFileSet()
	pkgAt := func(path, file string) *types.Package {
		pkg := types.NewPackage(path, filepath.Base(path))
		f := fset.AddFile(file, -1, 100)
		f.SetLines([]int{0, 50})
		pkg.Scope().Insert(types.NewFunc(f.Pos(10), pkg, "F", types.NewSignatureType(nil, nil, nil, nil, nil, false)))
		return pkg
	}
	for _, tc := range []struct {
		pkg  *types.Package
		want bool
	}{
		{pkgAt("fmt", filepath.Join(goroot, "fmt", "print.go")), true},
		{pkgAt("fmt", "$GOROOT/src/fmt/print.go"), true}, // built with -trimpath
		{pkgAt("vendor/golang.org/x/net/http2/hpack", filepath.Join(goroot, "vendor", "golang.org", "x", "net", "http2", "hpack", "hpack.go")), true},
		{pkgAt("a", "/tmp/testdata/src/a/a.go"), false},                                                                             // a testdata package
		{pkgAt("golang.org/x/sync/errgroup", "/go/pkg/mod/errgroup.go"), false},                                                     // a module
		{pkgAt("golang.org/x/net/http2", filepath.Join(goroot, "cmd", "vendor", "golang.org", "x", "net", "http2", "h.go")), false}, // cmd's vendored copy keeps its path
		{types.NewPackage("fmt", "fmt"), false},                                                                                     // no position known
		{nil, false},
	} {
		if got := knowledge.IsStd(fset, tc.pkg); got != tc.want {
			t.Errorf("IsStd(%v) = %v, want %v", tc.pkg, got, tc.want)
		}
	}
	std := knowledge.NewStdPackages(fset)
	fmtPkg := pkgAt("fmt", filepath.Join(goroot, "fmt", "print.go"))
	for range 2 { // the second answer is the remembered one
		if !std.Has(fmtPkg) {
			t.Error("StdPackages.Has(fmt) = false")
		}
	}
}
