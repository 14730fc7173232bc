package testcode

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// onlyTestsReach reports whether decl, in a file that is not a _test.go file,
// declares a function that only the package's tests call (startTestServer,
// called only from server_test.go). Go gives the reason: an unexported
// package-level function can be named only inside its package, so if no non-test
// file of the package refers to it, no code but the package's tests can reach
// it. Only the test variant of the package, which holds the _test.go files, sees
// those uses; a function with no use at all is not judged (the plain package's
// pass cannot tell a test-only helper from one nothing calls, and deferlint,
// like go vet, reports the test variant in its place: see internal/driver).
//
// A method is not judged (an interface can call an unexported method of an
// exported type, and method sets are out of sight here), nor an exported
// function, init or main, nor one that a //go:linkname or //export directive
// names (code elsewhere reaches it by that name), nor any function of a package
// with assembly files (a .s file calls a function of its package by name, unseen
// by the type checker). Any use in a non-test file counts, a call or a value
// taken (handlers[name] = helper), except one inside the function's own body: a
// recursive call runs only once something else has called the function.
//
// A function that only another test-only helper calls is judged as other code
// (a known false positive), and one called only from a file excluded by the
// build's tags looks uncalled (a known false negative: quiet where it may run).
func onlyTestsReach(pass *analysis.Pass, decl *ast.FuncDecl) bool {
	if decl.Recv != nil || decl.Name.IsExported() || inTestFile(pass, decl.Pos()) {
		return false
	}
	switch decl.Name.Name {
	case "init", "main", "_":
		return false
	}
	fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok || hasAssembly(pass) || namedByDirective(pass, decl) {
		return false
	}
	return usedOnlyByTests(pass, fn, decl)
}

// usedOnlyByTests reports whether _test.go files refer to fn and no other file
// does, outside fn's own declaration decl. It is one scan of the package's uses,
// stopping at the first reference from a non-test file: called once per
// candidate finding, not once per function.
func usedOnlyByTests(pass *analysis.Pass, fn *types.Func, decl *ast.FuncDecl) bool {
	byTests := false
	for id, obj := range pass.TypesInfo.Uses {
		used, ok := obj.(*types.Func)
		if !ok || used.Origin() != fn {
			continue
		}
		if decl.Pos() <= id.Pos() && id.Pos() < decl.End() {
			continue // a recursive call: it runs only once fn is running
		}
		if !inTestFile(pass, id.Pos()) {
			return false
		}
		byTests = true
	}
	return byTests
}

// namedByDirective reports whether a comment of the package names decl's
// function in a //go:linkname directive (whose first argument is the local
// name) or a cgo //export directive: code outside the package, Go or C, calls
// it by that name.
func namedByDirective(pass *analysis.Pass, decl *ast.FuncDecl) bool {
	name := decl.Name.Name
	for _, f := range pass.Files {
		for _, group := range f.Comments {
			for _, c := range group.List {
				for _, prefix := range []string{"//go:linkname ", "//export "} {
					if rest, ok := strings.CutPrefix(c.Text, prefix); ok {
						if fields := strings.Fields(rest); len(fields) > 0 && fields[0] == name {
							return true
						}
					}
				}
			}
		}
	}
	return false
}

// hasAssembly reports whether the package has Go assembly files, which may call
// any of its functions.
func hasAssembly(pass *analysis.Pass) bool {
	for _, name := range pass.OtherFiles {
		if strings.HasSuffix(name, ".s") {
			return true
		}
	}
	return false
}

// inTestFile reports whether pos lies in a _test.go file.
func inTestFile(pass *analysis.Pass, pos token.Pos) bool {
	tf := pass.Fset.File(pos)
	return tf != nil && strings.HasSuffix(tf.Name(), "_test.go")
}
