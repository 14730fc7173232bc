package ctxcancel_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/deferlint/deferlint/analyzers/ctxcancel"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/lostcancel"
)

// Each analysistest run loads its packages and everything they import, the
// standard library included, from source: the cases run in one load (one for
// those with a .golden file), not one each, and the two loads run in parallel.

// vetPackages reproduce the test shapes of go vet's lostcancel.
var vetPackages = []string{"vetshapes", "vetmain", "generic"}

func TestCases(t *testing.T) {
	t.Parallel()
	results := analysistest.Run(t, analysistest.TestData(), ctxcancel.Analyzer,
		slices.Concat(vetPackages, []string{
			"beyond", "fields", // beyond vet
			"helper", "user", // across packages
		})...)
	t.Run("MatchesVet", func(t *testing.T) { matchesVet(t, results) })
}

func TestFixes(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), ctxcancel.Analyzer, "fixes")
}

// quiet swallows the expectation mismatches of go vet's analyzer, whose messages
// differ from ours: matchesVet compares lines only.
type quiet struct{}

func (quiet) Errorf(string, ...any) {}

// matchesVet runs go vet's lostcancel on the packages that reproduce its test
// shapes and checks that ctxcancel, whose results on them are ours, reports every
// line that lostcancel reports.
func matchesVet(t *testing.T, ours []*analysistest.Result) {
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
	vet := lines(analysistest.Run(quiet{}, analysistest.TestData(), lostcancel.Analyzer, vetPackages...))
	reported := lines(ours)
	if len(vet) < 20 {
		t.Fatalf("lostcancel reported only %d lines; the shapes are not exercised", len(vet))
	}
	for line := range vet {
		if !reported[line] {
			t.Errorf("%s: go vet's lostcancel reports this line, ctxcancel does not", line)
		}
	}
}
