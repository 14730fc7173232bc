// Package report is the one path by which deferlint's analyzers report findings.
//
// Reporting through it gives every analyzer the same behaviour under every
// go/analysis driver (deferlint itself, go vet, golangci-lint, gopls, nogo), none of
// which knows deferlint's command line: findings in generated files, and in copies
// of other projects' code kept under a third_party directory, are dropped,
// //deferlint:ignore directives silence the analyzers they name, and nothing is
// reported where a deferlint.toml turns the analyzer off (package configfile).
package report

import (
	"go/ast"
	"go/token"
	"strings"

	"github.com/deferlint/deferlint/internal/configfile"
	"github.com/deferlint/deferlint/internal/suppress"
	"github.com/deferlint/deferlint/internal/testcode"
	"golang.org/x/tools/go/analysis"
)

// Requires lists the analyzers whose results Report consults. Every analyzer that
// reports through this package must list them in its own Requires.
var Requires = []*analysis.Analyzer{suppress.Analyzer, configfile.Analyzer}

// Node reports message for the source range of node, with optional suggested fixes.
func Node(pass *analysis.Pass, node ast.Node, message string, fixes ...analysis.SuggestedFix) {
	Range(pass, node.Pos(), node.End(), message, fixes...)
}

// Range reports message for the source range [pos, end), with optional suggested fixes.
func Range(pass *analysis.Pass, pos, end token.Pos, message string, fixes ...analysis.SuggestedFix) {
	Diagnostic(pass, analysis.Diagnostic{Pos: pos, End: end, Message: message, SuggestedFixes: fixes})
}

// Diagnostic reports d unless it lies in a generated file or in another project's
// code, a directive silences it, or the package's configuration turns the
// analyzer off. (An analyzer that exports facts runs where it is off, so that its
// facts reach the packages where it is on.)
func Diagnostic(pass *analysis.Pass, d analysis.Diagnostic) {
	if isGenerated(pass, d.Pos) || isThirdParty(pass) {
		return
	}
	posn := pass.Fset.PositionFor(d.Pos, false)
	if c, err := configfile.Of(pass); err == nil && !c.Enabled(pass.Analyzer.Name) {
		return
	}
	if index, _ := pass.ResultOf[suppress.Analyzer].(*suppress.Index); index.Silences(posn, pass.Analyzer.Name) {
		return
	}
	if d.URL == "" {
		d.URL = pass.Analyzer.URL
	}
	pass.Report(d)
}

// isGenerated reports whether pos lies in a file that says it is generated, by
// the comment the Go convention gives (go.dev/s/generatedcode) before its package
// clause. The parsed file tells, where reading every file again from disk for
// the same comment cost more than some analyzers.
func isGenerated(pass *analysis.Pass, pos token.Pos) bool {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return ast.IsGenerated(f)
		}
	}
	return false
}

// isThirdParty reports whether the package lies under a directory named
// third_party inside its module: the Go convention for copies of other projects'
// code, kept for a build or for licence compliance (Sigstore's policy-controller
// keeps one of Vault's API client that nothing imports, measurement 38), which
// golangci-lint's default exclusions have always left out. A finding there is the
// other project's to fix. Only the directories below the module's root count;
// without the module, which some drivers do not give, none does.
func isThirdParty(pass *analysis.Pass) bool {
	rel, ok := testcode.PathInModule(pass)
	if !ok {
		return false
	}
	for elem := range strings.SplitSeq(rel, "/") {
		if elem == "third_party" {
			return true
		}
	}
	return false
}

// URL returns the documentation address of the named analyzer.
func URL(analyzer string) string {
	return "https://pkg.go.dev/github.com/deferlint/deferlint/analyzers/" + analyzer
}
