package directives_test

import (
	"testing"

	"github.com/deferlint/deferlint/analyzers/directives"
	"golang.org/x/tools/go/analysis/analysistest"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), directives.Analyzer, "a")
}
