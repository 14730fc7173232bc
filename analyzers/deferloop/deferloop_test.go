package deferloop_test

import (
	"testing"

	"github.com/deferlint/deferlint/analyzers/deferloop"
	"golang.org/x/tools/go/analysis/analysistest"
)

// Each analysistest run loads its packages and everything they import, the
// standard library included, from source: the cases run in one load, the one
// with a .golden file in another, and the two loads run in parallel.

func TestCases(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), deferloop.Analyzer,
		"shapes", "negatives", "messages", "unbounded", "intents", "testbounds")
}

// TestTestsOption runs the test set-up cases, written for the rule that judges
// test code as other code, with -deferloop.tests. It sets the analyzer's global
// flag, so it runs alone, before the parallel tests.
func TestTestsOption(t *testing.T) {
	flag := deferloop.Analyzer.Flags.Lookup("tests")
	old := flag.Value.String()
	if err := flag.Value.Set("true"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { flag.Value.Set(old) })
	analysistest.Run(t, analysistest.TestData(), deferloop.Analyzer, "testsetup")
}

func TestFixes(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), deferloop.Analyzer, "fixes")
}
