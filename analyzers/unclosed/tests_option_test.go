package unclosed_test

import (
	"testing"

	"github.com/deferlint/deferlint/analyzers/unclosed"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestTestsOption runs, with -unclosed.tests, the cases whose leaks lie in test
// code and are bounded by the test: the path logic of assertion helpers and
// failed tests is checked there, in test code, where the default is quiet.
func TestTestsOption(t *testing.T) {
	flag := unclosed.Analyzer.Flags.Lookup("tests")
	old := flag.Value.String()
	if err := flag.Value.Set("true"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { flag.Value.Set(old) })
	analysistest.Run(t, analysistest.TestData(), unclosed.Analyzer, "asserts", "failedtest", "testsoption")
}
