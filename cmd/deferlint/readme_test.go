package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestREADMEFlags checks that every flag of the command line (not the analyzers'
// -NAME.FLAG options, documented by -help NAME) is in the README's Usage table.
func TestREADMEFlags(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, usage, _ := strings.Cut(string(readme), "\n## Usage\n")
	usage, _, _ = strings.Cut(usage, "\n### ")
	r := run(t, ".", deferlint, "-help")
	for line := range strings.Lines(r.stdout) {
		if !strings.HasPrefix(line, "  -") {
			continue
		}
		name, _, _ := strings.Cut(strings.TrimSpace(line)[1:], " ")
		if strings.Contains(name, ".") {
			continue
		}
		if !strings.Contains(usage, "`-"+name) {
			t.Errorf("flag -%s is not in the README's Usage table", name)
		}
	}
}
