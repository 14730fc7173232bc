package analyzers_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/deferlint/deferlint/analyzers"
	"github.com/deferlint/deferlint/internal/docs"
	"github.com/deferlint/deferlint/internal/report"
	"github.com/deferlint/deferlint/internal/suppress"
	"golang.org/x/tools/go/analysis"
)

func TestSuiteIsValidAndSorted(t *testing.T) {
	all := analyzers.All()
	if err := analysis.Validate(all); err != nil {
		t.Fatal(err)
	}
	names := make([]string, len(all))
	for i, a := range all {
		names[i] = a.Name
	}
	if !slices.IsSorted(names) {
		t.Errorf("suite is not sorted by name: %v", names)
	}
	if !slices.Equal(names, suppress.KnownAnalyzers) {
		t.Errorf("suppress.KnownAnalyzers = %v, want the suite's names %v", suppress.KnownAnalyzers, names)
	}
}

// TestSuiteReportsThroughReport checks that every analyzer requires what package
// report consults, so that generated files and ignore directives work in every driver.
func TestSuiteReportsThroughReport(t *testing.T) {
	for _, a := range analyzers.All() {
		for _, req := range report.Requires {
			if !slices.Contains(a.Requires, req) {
				t.Errorf("%s does not require %s", a.Name, req.Name)
			}
		}
	}
}

func TestSuiteDocs(t *testing.T) {
	for _, a := range analyzers.All() {
		first, rest, _ := strings.Cut(a.Doc, "\n")
		if !strings.HasPrefix(first, a.Name+": ") {
			t.Errorf("%s: first line of Doc %q does not start with %q", a.Name, first, a.Name+": ")
		}
		if !strings.Contains(rest, "Wrong:") || !strings.Contains(rest, "Right:") {
			t.Errorf("%s: Doc has no Wrong: and Right: examples", a.Name)
		}
		if a.URL != report.URL(a.Name) {
			t.Errorf("%s: URL = %q, want %q", a.Name, a.URL, report.URL(a.Name))
		}
	}
}

// TestREADMETable keeps the README's table of analyzers equal to the suite.
func TestREADMETable(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(readme), "<!-- analyzers:begin")
	table, _, ok2 := strings.Cut(table, "<!-- analyzers:end -->")
	if !ok || !ok2 {
		t.Fatal("README.md has no analyzers:begin/end markers")
	}
	var want strings.Builder
	want.WriteString("| analyzer | finds |\n| --- | --- |\n")
	for _, a := range analyzers.All() {
		fmt.Fprintf(&want, "| [%s](analyzers/%s/doc.go) | %s |\n", a.Name, a.Name, docs.Summary(a.Name, a.Doc))
	}
	_, got, _ := strings.Cut(table, "\n")
	if got != want.String() {
		t.Errorf("README.md's table of analyzers is out of date; it should read:\n%s", want.String())
	}
}
