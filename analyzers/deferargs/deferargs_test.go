package deferargs_test

import (
	"testing"

	"github.com/deferlint/deferlint/analyzers/deferargs"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestCases runs the cases in one load: each analysistest run type-checks its
// packages and everything they import, the standard library included, from
// source. oldvalue has no finding, so it has no fix to compare with a .golden file.
func TestCases(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), deferargs.Analyzer,
		"timing",
		"assigned",
		// The shapes in which the deferred call wants the value it was given.
		"oldvalue",
		// One case for each kind of evidence that the later value is wanted.
		"evidence",
		// An error or named result returned to the caller: evidence only when the
		// deferred call formats it.
		"outcome",
		// Certain findings whose fix would change more than the variable.
		"fixscope",
		// A deferred function made by a call at the defer statement.
		"maker",
	)
}
