package gorecover_test

import (
	"testing"

	"github.com/deferlint/deferlint/analyzers/gorecover"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestGoroutines(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), gorecover.Analyzer, "goroutines")
}

func TestCrossPackage(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), gorecover.Analyzer, "helpers", "cross")
}
