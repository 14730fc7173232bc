package severity_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/deferlint/deferlint/analyzers"
	"github.com/deferlint/deferlint/analyzers/gorecover"
	. "github.com/deferlint/deferlint/internal/severity"
)

// TestEveryAnalyzerGraded checks that no analyzer falls back to Error unseen: each
// has its own entry, and every entry names an analyzer of the suite.
func TestEveryAnalyzerGraded(t *testing.T) {
	table := Default()
	names := make(map[string]bool)
	for _, a := range analyzers.All() {
		names[a.Name] = true
		if !slices.Contains(table.Keys(), Key{Analyzer: a.Name}) {
			t.Errorf("analyzer %s has no severity", a.Name)
		}
	}
	for _, key := range table.Keys() {
		if !names[key.Analyzer] {
			t.Errorf("severity for %v, which is no analyzer of the suite", key)
		}
	}
}

func TestOf(t *testing.T) {
	table := Default()
	for _, test := range []struct {
		analyzer, category string
		want               Level
	}{
		{"gorecover", "", Error},
		{"gorecover", gorecover.CategoryGoroutine, Warning},
		{"directives", "", Warning},
		{"directives", "anything", Warning}, // an unknown category takes the analyzer's grade
		{"unclosed", "", Error},
		{"unknown", "", Error},
	} {
		if got := table.Of(test.analyzer, test.category); got != test.want {
			t.Errorf("Of(%q, %q) = %v, want %v", test.analyzer, test.category, got, test.want)
		}
	}
	if _, err := Parse("fatal"); err == nil {
		t.Error(`Parse("fatal") succeeds`)
	}
}

// TestREADME keeps the README's Severity table equal to Default: each analyzer's row
// starts with its grade, and names each category graded apart with that grade.
func TestREADME(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, _ := strings.Cut(string(readme), "\n### Severity\n")
	section, _, _ = strings.Cut(section, "\n### ")
	rows := make(map[string]string)
	for line := range strings.Lines(section) {
		cells := strings.Split(line, "|")
		if len(cells) == 4 {
			rows[strings.TrimSpace(cells[1])] = strings.TrimSpace(cells[2])
		}
	}
	table := Default()
	for _, key := range table.Keys() {
		level := table.Of(key.Analyzer, key.Category)
		row, ok := rows[key.Analyzer]
		switch {
		case !ok:
			t.Errorf("README's Severity table has no row for %s", key.Analyzer)
		case key.Category == "" && !strings.HasPrefix(row, level.String()):
			t.Errorf("README's Severity row for %s, %q, does not start with %s", key.Analyzer, row, level)
		case key.Category != "" && !strings.Contains(row, level.String()+" for ") || key.Category != "" && !strings.Contains(row, "category `"+key.Category+"`"):
			t.Errorf("README's Severity row for %s, %q, does not grade category %s as %s", key.Analyzer, row, key.Category, level)
		}
	}
}
