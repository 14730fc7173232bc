package testcode

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// frameworkHandle reports whether t is (a pointer to) the handle of a project's
// own test framework: a named type declared in a test-support package of the
// module being analyzed (see SupportPackage: go-ethereum's internal/utesting) that
// has the methods through which a test fails (see failsLikeTest). Such a T
// mirrors testing.T, and a function asking for one is written to run under that
// framework's tests, as one asking for *testing.T runs under go test. Both facts
// are needed: a logger has Errorf and Fatalf too, and a test-support package
// holds types that are not handles. A package outside the module is not judged:
// its path does not say where its module's root lies, so its directories cannot
// be told from its module's own name (a known limit).
func frameworkHandle(pass *analysis.Pass, t types.Type) bool {
	if t == nil || pass.Module == nil || pass.Module.Path == "" {
		return false
	}
	named := namedType(t)
	if named == nil {
		return false
	}
	rel, ok := strings.CutPrefix(named.Obj().Pkg().Path(), pass.Module.Path+"/")
	return ok && supportDirs(rel) && failsLikeTest(named)
}

// failsLikeTest reports whether a value of type t (or a pointer to it) has the
// two ways a test fails: one that records a failure and lets the test go on
// (Error or Errorf, variadic as testing.T's are, not an error's Error() string)
// and one that ends the test (Fatal, Fatalf or FailNow). This is the least that
// test libraries ask of a handle: gomock's TestReporter is Errorf and Fatalf,
// testify's require.TestingT is Errorf and FailNow.
func failsLikeTest(t types.Type) bool {
	records := hasMethod(t, "Error", true) || hasMethod(t, "Errorf", true)
	stops := hasMethod(t, "Fatal", true) || hasMethod(t, "Fatalf", true) || hasMethod(t, "FailNow", false)
	return records && stops
}

// hasMethod reports whether t, or a pointer to it, has a method of that name,
// variadic when variadic is set.
func hasMethod(t types.Type, name string, variadic bool) bool {
	var pkg *types.Package
	if named, ok := types.Unalias(t).(*types.Named); ok {
		pkg = named.Obj().Pkg()
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, pkg, name)
	fn, ok := obj.(*types.Func)
	return ok && (!variadic || fn.Signature().Variadic())
}
