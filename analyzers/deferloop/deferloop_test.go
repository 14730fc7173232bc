package deferloop_test

import (
	"testing"

	"github.com/deferlint/deferlint/analyzers/deferloop"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestShapes(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), deferloop.Analyzer, "shapes")
}

func TestNegatives(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), deferloop.Analyzer, "negatives")
}

func TestMessages(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), deferloop.Analyzer, "messages")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), deferloop.Analyzer, "fixes")
}

func TestUnbounded(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), deferloop.Analyzer, "unbounded")
}

func TestIntents(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), deferloop.Analyzer, "intents")
}

func TestTestSetUp(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), deferloop.Analyzer, "testsetup")
}
