package golangci

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// pluginAnalyzer returns the analyzer named name as the plugin hands it to
// golangci-lint.
func pluginAnalyzer(t *testing.T, name string) *analysis.Analyzer {
	t.Helper()
	p, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	built, _ := p.BuildAnalyzers()
	for _, a := range built {
		if a.Name == name {
			return a
		}
	}
	t.Fatalf("the plugin has no analyzer %s", name)
	return nil
}

// TestConfigurationFiles checks that the plugin's analyzers honour deferlint.toml
// files per directory (testdata/src/cfg: an option, a severity, an analyzer turned
// off below), and that a finding graded warning says so in its message, which is
// all golangci-lint shows of it.
func TestConfigurationFiles(t *testing.T) {
	for name, dir := range map[string]string{"gorecover": "goroutines", "deferargs": "timing"} {
		analysistest.Run(t, analysistest.TestData(), pluginAnalyzer(t, name), "cfg/app/"+dir, "cfg/legacy/"+dir)
	}
}

// errorsOf records the errors analysistest reports.
type errorsOf []string

func (e *errorsOf) Errorf(format string, args ...any) { *e = append(*e, fmt.Sprintf(format, args...)) }

// TestConfigurationFileError checks that a bad value in a deferlint.toml fails the
// analyzer it configures with an error that names the file, the line and the key;
// golangci-lint stops with it.
func TestConfigurationFileError(t *testing.T) {
	var got errorsOf
	analysistest.Run(&got, analysistest.TestData(), pluginAnalyzer(t, "unclosed"), "badcfg")
	want := `badcfg/deferlint.toml:2: unclosed.types: "garbage" is not of the form TYPE=ACQUIRER`
	if len(got) != 1 || !strings.Contains(got[0], want) {
		t.Errorf("errors = %q, want one containing %q", got, want)
	}
}
