// Package testcode answers "does this code run only under a test?", a question
// several analyzers ask before reporting a cost that a test bounds: a test's function
// ends with the test, and what it leaks or holds once lives no longer than the test
// binary. Encloses answers it for a function (a test, a function taking a test's
// handle, testing's or that of the module's own test framework, a file importing
// a test framework, an unexported function that only _test.go files call);
// SupportPackage for a whole package
// under a directory named for tests, examples, fakes or developer tooling,
// Generator for a program that writes generated Go source; and FakeFile for a
// file named for fakes (mock_store.go).
package testcode

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// Encloses reports whether the function at fn is test code: it lies in a _test.go
// file or in a file that imports a test framework (see importsFramework), or it or
// a function around it takes a testing handle (see IsHandle, and frameworkHandle
// for the handle of a module's own test framework), reaches one
// through a field (c.t.Fatal in a method of a test cluster), or is a method of a
// type that holds one (see holdsHandle), or lies in an unexported function that
// only the package's _test.go files refer to (see onlyTestsReach).
func Encloses(pass *analysis.Pass, fn inspector.Cursor) bool {
	if inTestFile(pass, fn.Node().Pos()) {
		return true
	}
	for c := range fn.Enclosing((*ast.File)(nil)) {
		if importsFramework(c.Node().(*ast.File)) {
			return true
		}
	}
	for c := range fn.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		typ, body := signature(c.Node())
		if typ != nil && typ.Params != nil {
			for _, field := range typ.Params.List {
				if isHandleIn(pass, pass.TypesInfo.TypeOf(field.Type)) {
					return true
				}
			}
		}
		if body != nil && selectsHandleField(pass, body) {
			return true
		}
		if decl, ok := c.Node().(*ast.FuncDecl); ok && holdsHandle(pass, decl) {
			return true
		}
	}
	// Last, as it scans the package's uses: a function only tests can call.
	for c := range fn.Enclosing((*ast.FuncDecl)(nil)) { // at most one: declarations do not nest
		if onlyTestsReach(pass, c.Node().(*ast.FuncDecl)) {
			return true
		}
	}
	return false
}

// holdsHandle reports whether decl is a method of a struct type with a field that
// is a testing handle (a fake server built by NewCAServer(t *testing.T), which
// keeps t). A value of such a type can only be made where a test's handle is at
// hand, under a test, so every method of it runs under that test, though most
// never touch the handle: production code has no test's T to store.
func holdsHandle(pass *analysis.Pass, decl *ast.FuncDecl) bool {
	if decl.Recv == nil {
		return false
	}
	fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok {
		return false
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return false
	}
	t := recv.Type()
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	st, ok := types.Unalias(t).Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for field := range st.Fields() {
		if isHandleIn(pass, field.Type()) {
			return true
		}
	}
	return false
}

func signature(n ast.Node) (*ast.FuncType, *ast.BlockStmt) {
	switch n := n.(type) {
	case *ast.FuncDecl:
		return n.Type, n.Body
	case *ast.FuncLit:
		return n.Type, n.Body
	}
	return nil, nil
}

// selectsHandleField reports whether body selects a field of a testing handle's type
// (c.t, s.tb).
func selectsHandleField(pass *analysis.Pass, body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if s, ok := pass.TypesInfo.Selections[sel]; ok && s.Kind() == types.FieldVal && isHandleIn(pass, s.Type()) {
				found = true
			}
		}
		return !found
	})
	return found
}

// importsFramework reports whether a file imports a framework whose API only
// works under a test runner, so that the whole file, wherever it lies, is a
// test or its support: Ginkgo (its Describe and It bodies run only under
// RunSpecs, from a test), Gomega (its Expect fails through the handler a test
// registers) and testify (assert, require and suite take a test's T; mock's
// fakes stand in for a dependency under test). A file in a normal package may
// hold a Ginkgo suite (cri-tools' pkg/validate). The testing package itself
// does not count: code that runs in production imports it too, for
// testing.Testing() or testing.Short(); its handles count per function
// (IsHandle).
func importsFramework(f *ast.File) bool {
	for _, spec := range f.Imports {
		path := strings.Trim(spec.Path.Value, "`\"")
		switch {
		case path == "github.com/onsi/ginkgo", strings.HasPrefix(path, "github.com/onsi/ginkgo/"),
			path == "github.com/onsi/gomega", strings.HasPrefix(path, "github.com/onsi/gomega/"),
			strings.HasPrefix(path, "github.com/stretchr/testify/"):
			return true
		}
	}
	return false
}

// isHandleIn reports whether t is a test's handle in the package pass analyzes:
// one of Go's or go-testing-interface's (IsHandle), or the handle of the
// module's own test framework (frameworkHandle).
func isHandleIn(pass *analysis.Pass, t types.Type) bool {
	return IsHandle(t) || frameworkHandle(pass, t)
}

// IsHandle reports whether t is a test's handle: the testing package's T, B, F
// (by pointer or not) or the interface TB, or go-testing-interface's T, the
// interface that library offers so that code outside _test.go files can take a
// test's *testing.T (Terraform's helper packages). A function that asks for one
// is written to be called from a test. The library's RuntimeT, for running
// such code outside a test, is not a handle.
func IsHandle(t types.Type) bool {
	named := namedType(t)
	if named == nil {
		return false
	}
	switch named.Obj().Pkg().Path() {
	case "testing":
		switch named.Obj().Name() {
		case "T", "B", "F", "TB":
			return true
		}
	case "github.com/mitchellh/go-testing-interface":
		return named.Obj().Name() == "T"
	}
	return false
}

// namedType returns the named type of a package that t is, or points to, or nil
// (a handle is passed as *testing.T or as the interface testing.TB).
func namedType(t types.Type) *types.Named {
	if t == nil {
		return nil
	}
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return nil
	}
	return named
}
