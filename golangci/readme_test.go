package golangci

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/deferlint/deferlint/analyzers"
)

// TestREADMENogo keeps the README's nogo target equal to the suite: one dependency
// per analyzer package, each of which exports Analyzer.
func TestREADMENogo(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(readme), "<!-- nogo:begin")
	block, _, ok2 := strings.Cut(block, "<!-- nogo:end -->")
	if !ok || !ok2 {
		t.Fatal("README.md has no nogo:begin/end markers")
	}
	var got []string
	for _, m := range regexp.MustCompile(`"@com_github_deferlint_deferlint//analyzers/(\w+)"`).FindAllStringSubmatch(block, -1) {
		got = append(got, m[1])
	}
	want := names(analyzers.All())
	if !slices.Equal(got, want) {
		t.Errorf("README.md's nogo target lists %v, want the suite %v", got, want)
	}
	for _, name := range want {
		if _, err := os.Stat(filepath.Join("..", "analyzers", name, name+".go")); err != nil {
			t.Errorf("analyzer %s is not in package analyzers/%s: %v", name, name, err)
		}
	}
}
