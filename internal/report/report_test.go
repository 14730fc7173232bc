package report_test

import (
	"path/filepath"
	"testing"

	"github.com/deferlint/deferlint/analyzers/ctxcancel"
	"github.com/deferlint/deferlint/analyzers/deferargs"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestSuppression runs a real analyzer over a package with directives and a
// generated file: findings on a directive's line or the line below are silenced only
// by a well-formed directive naming the analyzer, and generated files report nothing.
func TestSuppression(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), deferargs.Analyzer, "suppressed")
}

// TestPeerSuppression runs ctxcancel over the shape of a project that silenced go
// vet's lostcancel on the lines ctxcancel reports: the project's decision stands,
// while directives of other classes leave the report in place.
func TestPeerSuppression(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), ctxcancel.Analyzer, "peers")
}

// TestThirdParty runs a module, example.com/third_party, in module mode: its own
// package is reported, though the module's path says third_party, and its copy
// of another project's code under third_party/ is not.
func TestThirdParty(t *testing.T) {
	analysistest.Run(t, filepath.Join(analysistest.TestData(), "modules", "copies"), deferargs.Analyzer, "./...")
}

// TestDeprecated runs a real analyzer over code marked deprecated by a doc comment
// paragraph that begins "Deprecated:": a function, a method of a deprecated type
// (declared alone or in a group) and a deprecated package report nothing, while
// code that only mentions deprecation is reported.
func TestDeprecated(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), deferargs.Analyzer, "deprecated", "deprecatedpkg")
}
