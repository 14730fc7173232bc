package severity

import (
	"testing"

	"github.com/deferlint/deferlint/analyzers"
	"github.com/deferlint/deferlint/analyzers/gorecover"
)

// TestEveryAnalyzerGraded checks that no analyzer falls back to Error unseen: each
// has its own entry, and every entry names an analyzer of the suite.
func TestEveryAnalyzerGraded(t *testing.T) {
	table := Default()
	names := make(map[string]bool)
	for _, a := range analyzers.All() {
		names[a.Name] = true
		if _, ok := table.levels[Key{a.Name, ""}]; !ok {
			t.Errorf("analyzer %s has no severity", a.Name)
		}
	}
	for key := range table.levels {
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
