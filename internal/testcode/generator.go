package testcode

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Generator reports whether the package is a code generator: a program (package
// main) whose non-test files hold a string with the line Go's convention puts at
// the top of generated source ("Code generated ... DO NOT EDIT.", see
// https://go.dev/s/generatedcode). A program writes that line only into the Go
// files it generates, and such a program is developer tooling: a maintainer runs
// it, by hand or through go generate, once per generation, and what it holds
// lives no longer than that run, as a test's does (Google's API client generator
// fetches a discovery document per API; measurement 35). A program that formats
// or rewrites Go files written by others (gofmt's kin) does not write the line,
// and is not one.
func Generator(pass *analysis.Pass) bool {
	if pass.Pkg == nil || pass.Pkg.Name() != "main" {
		return false
	}
	for _, f := range pass.Files {
		if inTestFile(pass, f.Pos()) {
			continue
		}
		found := false
		ast.Inspect(f, func(n ast.Node) bool {
			if found {
				return false
			}
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && marksGenerated(lit.Value) {
				found = true
			}
			return true
		})
		if found {
			return true
		}
	}
	return false
}

// marksGenerated reports whether the string literal lit (as written, quoted)
// holds the generated-code line: "Code generated" and, after it, "DO NOT EDIT".
func marksGenerated(lit string) bool {
	s, err := strconv.Unquote(lit)
	if err != nil {
		return false
	}
	_, rest, ok := strings.Cut(s, "Code generated ")
	return ok && strings.Contains(rest, "DO NOT EDIT")
}
