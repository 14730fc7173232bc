package loopcapture_test

import (
	"path/filepath"
	"testing"

	"github.com/deferlint/deferlint/analyzers/loopcapture"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestLegacy(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), loopcapture.Analyzer, "legacy")
}

func TestOuter(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), loopcapture.Analyzer, "outer")
}

func TestWaits(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), loopcapture.Analyzer, "waits")
}

func TestLaunchers(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), loopcapture.Analyzer, "launchers")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), loopcapture.Analyzer, "fixes")
}

// TestVersions runs modules at go 1.21 and go 1.22, each with a file whose
// //go:build line moves it to the other side of Go 1.22.
func TestVersions(t *testing.T) {
	for _, mod := range []string{"go121", "go122"} {
		t.Run(mod, func(t *testing.T) {
			dir := filepath.Join(analysistest.TestData(), "versions", mod)
			analysistest.Run(t, dir, loopcapture.Analyzer, "./...")
		})
	}
}
