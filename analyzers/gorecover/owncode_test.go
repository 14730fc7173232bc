package gorecover_test

import (
	"testing"

	"github.com/deferlint/deferlint/analyzers/gorecover"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestOwnCode checks, with the default rule, what is not the user's code (an
// interface only the module implements, a logger, code recovered in a nested
// literal, test support), that narrow recovers are no sign, and that a
// goroutine reporting the user's code back is told to recover around the call,
// with no fix (owncode.go.golden).
func TestOwnCode(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), gorecover.Analyzer, "owncode", "narrow")
}
