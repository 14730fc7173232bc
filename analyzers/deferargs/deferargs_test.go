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
