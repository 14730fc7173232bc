// Package report is the one path by which deferlint's analyzers report findings.
//
// Reporting through it gives every analyzer the same behaviour under every
// go/analysis driver (deferlint itself, go vet, golangci-lint, gopls, nogo), none of
// which knows deferlint's command line: findings in generated files, in copies
// of other projects' code kept under a third_party directory, and in code its
// authors have marked deprecated, are dropped,
// //deferlint:ignore directives silence the analyzers they name, and nothing is
// reported where a deferlint.toml turns the analyzer off (package configfile).
package report

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/deferlint/deferlint/internal/configfile"
	"github.com/deferlint/deferlint/internal/flow"
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

// Diagnostic reports d unless it lies in a generated file, in another project's
// code or in deprecated code, a directive silences it, or the package's configuration turns the
// analyzer off. (An analyzer that exports facts runs where it is off, so that its
// facts reach the packages where it is on.)
func Diagnostic(pass *analysis.Pass, d analysis.Diagnostic) {
	if isGenerated(pass, d.Pos) || isThirdParty(pass) || isDeprecated(pass, d.Pos) {
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
	f := flow.FileOf(pass.Files, pos)
	return f != nil && ast.IsGenerated(f)
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

// isDeprecated reports whether pos lies in code its authors have marked
// deprecated, by the Go convention of a doc comment paragraph that begins
// "Deprecated:" (go.dev/wiki/Deprecated; any case, as older code wrote
// DEPRECATED:): in a deprecated package, in a deprecated function or method, or
// in a method of a deprecated type. Deprecated code is kept as it is for the
// callers that have not moved to its replacement, until it is removed: its
// maintainers' fix for what is wrong in it is the replacement (measurement 41:
// the methods of tsdb's SegmentWAL, which its wal package replaced, leak a
// segment file on error paths that nobody changed before the type was deleted).
func isDeprecated(pass *analysis.Pass, pos token.Pos) bool {
	file := flow.FileOf(pass.Files, pos)
	if file == nil {
		return false
	}
	for _, f := range pass.Files {
		if deprecationIn(f.Doc) {
			return true // the package's doc comment, in whichever file holds it
		}
	}
	for _, decl := range file.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok || pos < fn.Pos() || fn.End() <= pos {
			continue
		}
		return deprecationIn(fn.Doc) || fn.Recv != nil && deprecatedReceiver(pass, fn)
	}
	return false
}

// deprecatedReceiver reports whether the method fn's receiver is of a type whose
// declaration the package marks deprecated.
func deprecatedReceiver(pass *analysis.Pass, fn *ast.FuncDecl) bool {
	obj, ok := pass.TypesInfo.Defs[fn.Name].(*types.Func)
	if !ok {
		return false
	}
	recv := obj.Signature().Recv().Type()
	if ptr, ok := recv.(*types.Pointer); ok {
		recv = ptr.Elem()
	}
	named, ok := types.Unalias(recv).(*types.Named)
	if !ok {
		return false
	}
	name := named.Origin().Obj()
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			gen, ok := decl.(*ast.GenDecl)
			if !ok || gen.Tok != token.TYPE {
				continue
			}
			for _, spec := range gen.Specs {
				ts := spec.(*ast.TypeSpec)
				if ts.Name.Pos() == name.Pos() {
					return deprecationIn(ts.Doc) || !gen.Lparen.IsValid() && deprecationIn(gen.Doc)
				}
			}
		}
	}
	return false
}

// deprecationIn reports whether the doc comment doc has a paragraph that begins
// "Deprecated:", in any case.
func deprecationIn(doc *ast.CommentGroup) bool {
	if doc == nil {
		return false
	}
	const marker = "deprecated:"
	for para := range strings.SplitSeq(doc.Text(), "\n\n") {
		para = strings.TrimSpace(para)
		if len(para) >= len(marker) && strings.EqualFold(para[:len(marker)], marker) {
			return true
		}
	}
	return false
}

// URL returns the documentation address of the named analyzer.
func URL(analyzer string) string {
	return "https://pkg.go.dev/github.com/deferlint/deferlint/analyzers/" + analyzer
}
