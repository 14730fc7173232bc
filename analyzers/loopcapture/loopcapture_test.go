package loopcapture_test

import (
	"path/filepath"
	"testing"

	"github.com/deferlint/deferlint/analyzers/loopcapture"
	"golang.org/x/tools/go/analysis/analysistest"
)

// Each analysistest run loads its packages and everything they import, the
// standard library included, from source: the cases of a GOPATH tree run in one
// load (one for those with a .golden file), not one each, and the loads run in
// parallel (loopcapture has no flags).

func TestCases(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), loopcapture.Analyzer, "legacy", "outer", "waits", "launchers")
}

func TestFixes(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), loopcapture.Analyzer, "fixes")
}

// TestVersions runs modules at go 1.21 and go 1.22, each with a file whose
// //go:build line moves it to the other side of Go 1.22.
func TestVersions(t *testing.T) {
	t.Parallel()
	for _, mod := range []string{"go121", "go122"} {
		t.Run(mod, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(analysistest.TestData(), "versions", mod)
			analysistest.Run(t, dir, loopcapture.Analyzer, "./...")
		})
	}
}
