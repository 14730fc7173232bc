package deferargs_test

import (
	"testing"

	"github.com/deferlint/deferlint/analyzers/deferargs"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestTiming(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), deferargs.Analyzer, "timing")
}

func TestAssigned(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), deferargs.Analyzer, "assigned")
}

// TestOldValue: the shapes in which the deferred call wants the value it was given.
func TestOldValue(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), deferargs.Analyzer, "oldvalue")
}

// TestEvidence: one case for each kind of evidence that the later value is wanted.
func TestEvidence(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), deferargs.Analyzer, "evidence")
}

// TestFixScope: certain findings whose fix would change more than the variable.
func TestFixScope(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), deferargs.Analyzer, "fixscope")
}
