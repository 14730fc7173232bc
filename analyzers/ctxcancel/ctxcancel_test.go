package ctxcancel_test

import (
	"fmt"
	"testing"

	"github.com/deferlint/deferlint/analyzers/ctxcancel"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/lostcancel"
)

func TestVetShapes(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), ctxcancel.Analyzer, "vetshapes", "vetmain", "generic")
}

func TestBeyondVet(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), ctxcancel.Analyzer, "beyond", "fields")
}

func TestAcrossPackages(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), ctxcancel.Analyzer, "helper", "user")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), ctxcancel.Analyzer, "fixes")
}

// quiet swallows the expectation mismatches of go vet's analyzer, whose messages
// differ from ours: TestMatchesVet compares lines only.
type quiet struct{}

func (quiet) Errorf(string, ...any) {}

// TestMatchesVet runs go vet's lostcancel on the packages that reproduce its test
// shapes and checks that ctxcancel reports every line that lostcancel reports.
func TestMatchesVet(t *testing.T) {
	pkgs := []string{"vetshapes", "vetmain", "generic"}
	lines := func(results []*analysistest.Result) map[string]bool {
		set := make(map[string]bool)
		for _, r := range results {
			for _, d := range r.Diagnostics {
				posn := r.Pass.Fset.Position(d.Pos)
				set[fmt.Sprintf("%s:%d", posn.Filename, posn.Line)] = true
			}
		}
		return set
	}
	vet := lines(analysistest.Run(quiet{}, analysistest.TestData(), lostcancel.Analyzer, pkgs...))
	ours := lines(analysistest.Run(quiet{}, analysistest.TestData(), ctxcancel.Analyzer, pkgs...))
	if len(vet) < 20 {
		t.Fatalf("lostcancel reported only %d lines; the shapes are not exercised", len(vet))
	}
	for line := range vet {
		if !ours[line] {
			t.Errorf("%s: go vet's lostcancel reports this line, ctxcancel does not", line)
		}
	}
}
