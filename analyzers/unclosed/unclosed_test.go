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
	analysistest.Run(t, analysistest.TestData(), unclosed.Analyzer, "writers", "ticker", "pgxuse", "mainpkg")
}

func TestFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), unclosed.Analyzer, "fix")
}

func TestTypesOption(t *testing.T) {
	flag := unclosed.Analyzer.Flags.Lookup("types")
	old := flag.Value.String()
	if err := flag.Value.Set("*pool.Conn=pool.Pool.Get,pool.Get:Release"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { flag.Value.Set(old) })
	analysistest.Run(t, analysistest.TestData(), unclosed.Analyzer, "custom")
}
