package unclosed_test

import (
	"testing"

	"github.com/deferlint/deferlint/analyzers/unclosed"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestFiles(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), unclosed.Analyzer, "files")
}

func TestHTTP(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), unclosed.Analyzer, "http")
}

func TestSQL(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), unclosed.Analyzer, "sqldb")
}

func TestNet(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), unclosed.Analyzer, "netconn")
}

func TestFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), unclosed.Analyzer, "helper", "usehelper")
}

func TestWritersAndTickers(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), unclosed.Analyzer, "writers", "ticker", "pgxuse")
}

func TestFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), unclosed.Analyzer, "fix")
}
