package gorecover_test

import (
	"path/filepath"
	"testing"

	"github.com/deferlint/deferlint/analyzers/gorecover"
	"golang.org/x/tools/go/analysis/analysistest"
)

// The goroutine tests below predate the default rule: they hold the blanket
// rule's expectations and run with -gorecover.strict.

func TestGoroutines(t *testing.T) {
	setFlag(t, "strict", "true")
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), gorecover.Analyzer, "goroutines")
}

func TestCrossPackage(t *testing.T) {
	setFlag(t, "strict", "true")
	analysistest.Run(t, analysistest.TestData(), gorecover.Analyzer, "helpers", "cross")
}

// TestMisuse checks the misplaced recover() calls, which both modes report alike.
func TestMisuse(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), gorecover.Analyzer, "misuse")
}

func TestMisuseStrict(t *testing.T) {
	setFlag(t, "strict", "true")
	analysistest.Run(t, analysistest.TestData(), gorecover.Analyzer, "misuse", "mainpkg")
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

func TestTestFiles(t *testing.T) {
	setFlag(t, "strict", "true")
	analysistest.Run(t, analysistest.TestData(), gorecover.Analyzer, "tests")
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

// TestSameModule checks that the calls of an in-house launcher whose own go
// statement is reported are not reported again in the same module.
func TestSameModule(t *testing.T) {
	setFlag(t, "strict", "true")
	analysistest.Run(t, filepath.Join(analysistest.TestData(), "modules", "samemod"), gorecover.Analyzer, "./...")
}

// The default rule: only goroutines where the code base recovers elsewhere.

// TestDefaultCrashOnPurpose checks that a package that recovers no goroutine
// has none reported, and still has its misplaced recover() calls reported.
func TestDefaultCrashOnPurpose(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), gorecover.Analyzer, "crashonpurpose")
}

// TestDefaultWrapper checks that goroutines started by the package's own
// recovering wrapper show that it recovers.
func TestDefaultWrapper(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), gorecover.Analyzer, "wrapped")
}

func TestDefaultForeignCode(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), gorecover.Analyzer, "foreign")
}

func TestDefaultConvention(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), gorecover.Analyzer, "samework")
	analysistest.Run(t, analysistest.TestData(), gorecover.Analyzer, "convention", "mostly")
}

// TestDefaultGate checks that recovering only to pass a panic on, or in the
// caller's goroutine, does not show that a package recovers its goroutines.
func TestDefaultGate(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), gorecover.Analyzer, "propagate")
}

// TestDefaultCapability checks which method and field calls count as the
// user's code.
func TestDefaultCapability(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), gorecover.Analyzer, "capability")
}

func TestDefaultExplicitPanic(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), gorecover.Analyzer, "panics")
}

// TestDefaultModule checks that a package that imports a recovering package of
// its own module counts as recovering.
func TestDefaultModule(t *testing.T) {
	analysistest.Run(t, filepath.Join(analysistest.TestData(), "modules", "caremod"), gorecover.Analyzer, "./...")
}

// TestExclusions checks the goroutines that neither mode reports.
func TestExclusions(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), gorecover.Analyzer, "fatal", "exclusions")
	t.Run("strict", func(t *testing.T) {
		setFlag(t, "strict", "true")
		analysistest.Run(t, analysistest.TestData(), gorecover.Analyzer, "fatal", "exclusions")
	})
}
