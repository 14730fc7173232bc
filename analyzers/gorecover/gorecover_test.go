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

// The default: only recover() calls that stop nothing. A goroutine nothing
// recovers is not reported, even one the goroutine rule would select.
func TestDefault(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), gorecover.Analyzer,
		// The misplaced recover() calls, which every mode reports alike.
		"misuse",
		// Goroutines -gorecover.goroutines reports are quiet by default, and
		// the facts are the same.
		"quietdefault",
	)
}

// TestGoroutines runs the goroutine rule's tests with -gorecover.goroutines:
// only goroutines where the code base recovers elsewhere. Its subtests share
// that one flag setting, so they run in parallel.
func TestGoroutines(t *testing.T) {
	setFlag(t, "goroutines", "true")
	t.Run("cases", func(t *testing.T) {
		t.Parallel()
		analysistest.Run(t, analysistest.TestData(), gorecover.Analyzer,
			// The misplaced recover() calls are reported as by default.
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
			// The goroutines that no mode reports.
			"fatal", "exclusions",
		)
	})
	t.Run("fixes", func(t *testing.T) {
		t.Parallel()
		analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), gorecover.Analyzer, "foreign", "samework")
	})
	// A package that imports a recovering package of its own module counts as
	// recovering.
	t.Run("module", func(t *testing.T) {
		t.Parallel()
		analysistest.Run(t, filepath.Join(analysistest.TestData(), "modules", "caremod"), gorecover.Analyzer, "./...")
	})
	// What is not the user's code (an interface only the module implements, a
	// logger, code recovered in a nested literal, test support), that narrow
	// recovers are no sign, and that a goroutine reporting the user's code back
	// is told to recover around the call, with no fix (owncode.go.golden).
	t.Run("owncode", func(t *testing.T) {
		t.Parallel()
		analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), gorecover.Analyzer, "owncode", "narrow")
	})
}

// TestStrict runs the goroutine tests that predate the goroutine rule: they
// hold the blanket rule's expectations and run with -gorecover.strict alone,
// which implies -gorecover.goroutines. Its subtests share that one flag
// setting, so they run in parallel.
func TestStrict(t *testing.T) {
	setFlag(t, "strict", "true")
	t.Run("cases", func(t *testing.T) {
		t.Parallel()
		analysistest.Run(t, analysistest.TestData(), gorecover.Analyzer,
			"helpers", "cross", // across packages
			"misuse", "mainpkg",
			"tests",               // test files are not reported without -gorecover.tests
			"fatal", "exclusions", // the goroutines that no mode reports
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
