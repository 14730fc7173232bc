package gorecover_test

import (
	"path/filepath"
	"testing"

	"github.com/deferlint/deferlint/analyzers/gorecover"
	"golang.org/x/tools/go/analysis/analysistest"
)

// Each analysistest run loads its packages and everything they import, the
// standard library included, from source: the cases that run with the same
// flags run in one load (one for those with a .golden file), not one each.
// The runs that leave the flags as a user does are parallel; a test that sets a
// flag runs alone, since the flags are the analyzer's globals.

// The default rule: only goroutines where the code base recovers elsewhere.
func TestDefault(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), gorecover.Analyzer,
		// The misplaced recover() calls, which both modes report alike.
		"misuse",
		// A package that recovers no goroutine has none reported, and still has
		// its misplaced recover() calls reported.
		"crashonpurpose",
		// Goroutines started by the package's own recovering wrapper show that
		// it recovers.
		"wrapped",
		"convention", "mostly",
		// Recovering only to pass a panic on, or in the caller's goroutine, does
		// not show that a package recovers its goroutines.
		"propagate",
		// Which method and field calls count as the user's code.
		"capability",
		"panics",
		// Which function literals run in the goroutine that holds them.
		"handoff",
		// The goroutines that neither mode reports.
		"fatal", "exclusions",
	)
}

func TestDefaultFixes(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), gorecover.Analyzer, "foreign", "samework")
}

// TestDefaultModule checks that a package that imports a recovering package of
// its own module counts as recovering.
func TestDefaultModule(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, filepath.Join(analysistest.TestData(), "modules", "caremod"), gorecover.Analyzer, "./...")
}

// TestStrict runs the goroutine tests that predate the default rule: they hold
// the blanket rule's expectations and run with -gorecover.strict. Its subtests
// share that one flag setting, so they run in parallel.
func TestStrict(t *testing.T) {
	setFlag(t, "strict", "true")
	t.Run("cases", func(t *testing.T) {
		t.Parallel()
		analysistest.Run(t, analysistest.TestData(), gorecover.Analyzer,
			"helpers", "cross", // across packages
			"misuse", "mainpkg",
			"tests",               // test files are not reported without -gorecover.tests
			"fatal", "exclusions", // the goroutines that neither mode reports
		)
	})
	t.Run("fixes", func(t *testing.T) {
		t.Parallel()
		analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), gorecover.Analyzer, "goroutines")
	})
	// The calls of an in-house launcher whose own go statement is reported are
	// not reported again in the same module.
	t.Run("samemodule", func(t *testing.T) {
		t.Parallel()
		analysistest.Run(t, filepath.Join(analysistest.TestData(), "modules", "samemod"), gorecover.Analyzer, "./...")
	})
}

// setFlag sets one of the analyzer's flags for the duration of a test.
func setFlag(t *testing.T, name, value string) {
	t.Helper()
	old := gorecover.Analyzer.Flags.Lookup(name).Value.String()
	if err := gorecover.Analyzer.Flags.Set(name, value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { gorecover.Analyzer.Flags.Set(name, old) })
}

func TestTestFilesIncluded(t *testing.T) {
	setFlag(t, "strict", "true")
	setFlag(t, "tests", "true")
	analysistest.Run(t, analysistest.TestData(), gorecover.Analyzer, "teststrue")
}

func TestHandler(t *testing.T) {
	setFlag(t, "strict", "true")
	setFlag(t, "handler", "example.com/panics.Log")
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), gorecover.Analyzer, "handler")
}

func TestLaunchersAndRecoverers(t *testing.T) {
	setFlag(t, "strict", "true")
	setFlag(t, "launchers", "(example.com/pool.Pool).Submit")
	setFlag(t, "recoverers", "example.com/pool.Handler.Recover")
	analysistest.Run(t, analysistest.TestData(), gorecover.Analyzer, "flags")
}
