package loopcapture_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/deferlint/deferlint/analyzers/loopcapture"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/passes/loopclosure"
	"golang.org/x/tools/go/packages"
)

// TestCoversLoopclosure runs go vet's loopclosure and loopcapture over the testdata
// packages with pre-Go 1.22 files and checks that every line loopclosure reports,
// loopcapture reports too.
func TestCoversLoopclosure(t *testing.T) {
	t.Parallel()
	dir := analysistest.TestData()
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  dir,
		Env:  append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOWORK=off", "GOFLAGS="),
	}
	pkgs, err := packages.Load(cfg, "legacy", "launchers", "fixes")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("testdata does not load")
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{loopclosure.Analyzer, loopcapture.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	lines := map[*analysis.Analyzer]map[string]bool{loopclosure.Analyzer: {}, loopcapture.Analyzer: {}}
	for act := range graph.All() {
		if act.Err != nil {
			t.Fatal(act.Err)
		}
		if lines[act.Analyzer] == nil {
			continue
		}
		for _, d := range act.Diagnostics {
			posn := act.Package.Fset.Position(d.Pos)
			lines[act.Analyzer][fmt.Sprintf("%s:%d", filepath.Base(posn.Filename), posn.Line)] = true
		}
	}
	if len(lines[loopclosure.Analyzer]) < 20 {
		t.Fatalf("loopclosure reports only %d lines: the testdata lost its pre-Go 1.22 cases", len(lines[loopclosure.Analyzer]))
	}
	for line := range lines[loopclosure.Analyzer] {
		if !lines[loopcapture.Analyzer][line] {
			t.Errorf("%s: reported by loopclosure, not by loopcapture", line)
		}
	}
}
