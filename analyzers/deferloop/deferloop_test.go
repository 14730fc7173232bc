package deferloop_test

import (
	"path/filepath"
	"testing"

	"github.com/deferlint/deferlint/analyzers/deferloop"
	"golang.org/x/tools/go/analysis/analysistest"
)

// Each analysistest run loads its packages and everything they import, the
// standard library included, from source: one load per flag setting, and the one
// with a .golden file in another; the loads under one setting run in parallel.

// TestCases runs the cases written for the default rule.
func TestCases(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), deferloop.Analyzer,
		"unbounded", "testbounds", "concrete", "codegen")
}

// supportModule is a module, example.com/support, whose packages under
// internal/testutils and whose file mock_store.go are test support.
var supportModule = filepath.Join("testdata", "modules", "support")

// TestCollectionsOption runs, with -deferloop.collections, the cases of what
// each iteration holds in a loop whose count is fixed when it starts (a file per
// name of a slice), reported only with that option, and the test-support module:
// test support gets the test-code default even then, its other packages (latest
// among them) not. It sets the analyzer's global flag, so it runs before the
// parallel tests; its own loads run in parallel.
func TestCollectionsOption(t *testing.T) {
	setFlag(t, "collections")
	t.Run("cases", func(t *testing.T) {
		t.Parallel()
		analysistest.Run(t, analysistest.TestData(), deferloop.Analyzer, "collections")
	})
	t.Run("support", func(t *testing.T) {
		t.Parallel()
		analysistest.Run(t, supportModule, deferloop.Analyzer,
			"./internal/testutils/simulator", "./server", "./latest")
	})
}

// setFlag sets one of the analyzer's global flags until t and its subtests end.
func setFlag(t *testing.T, name string) {
	flag := deferloop.Analyzer.Flags.Lookup(name)
	old := flag.Value.String()
	if err := flag.Value.Set("true"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { flag.Value.Set(old) })
}

// TestDelayedOption runs the cases written for the rule that also reports plain
// delay, with -deferloop.delayed: the shapes of loops, the messages, what is meant
// for return, and the fixes. It sets the analyzer's global flag, so it runs before
// the parallel tests; its own two loads run in parallel.
func TestDelayedOption(t *testing.T) {
	setFlag(t, "delayed")
	t.Run("cases", func(t *testing.T) {
		t.Parallel()
		analysistest.Run(t, analysistest.TestData(), deferloop.Analyzer,
			"shapes", "negatives", "messages", "intents", "blob")
	})
	t.Run("fixes", func(t *testing.T) {
		t.Parallel()
		analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), deferloop.Analyzer, "fixes")
	})
}

// TestTestsOption runs the test set-up cases, written for the rule that judges
// test code as other code and reports plain delay, with -deferloop.tests and
// -deferloop.delayed. It sets the analyzer's global flags, so it runs alone,
// before the parallel tests.
func TestTestsOption(t *testing.T) {
	setFlag(t, "tests")
	setFlag(t, "delayed")
	analysistest.Run(t, analysistest.TestData(), deferloop.Analyzer, "testsetup")
	analysistest.Run(t, supportModule, deferloop.Analyzer, "./internal/testutils/reported")
}
