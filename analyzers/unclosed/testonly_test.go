package unclosed_test

import (
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/deferlint/deferlint/analyzers/unclosed"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// TestHelperOnlyTestsCall runs testdata/src/testonly as analysistest would, the
// plain package beside its test variant, and checks each variant's findings on
// its own: the test variant, which go vet analyzes in the plain package's place,
// sees that only server_test.go calls startTestServer and is quiet on it; the
// plain package sees no caller and reports it (a known false positive).
func TestHelperOnlyTestsCall(t *testing.T) {
	dir := analysistest.TestData()
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax,
		Dir:   filepath.Join(dir, "src", "testonly"),
		Tests: true,
		Env:   append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOPROXY=off"),
	}
	pkgs, err := packages.Load(cfg, "testonly")
	if err != nil {
		t.Fatal(err)
	}
	res, err := checker.Analyze([]*analysis.Analyzer{unclosed.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"testonly":                 {"leak: only tests", "leak: production"}, // known false positive on the first
		"testonly [testonly.test]": {"leak: production"},
	}
	for _, act := range res.Roots {
		w, ok := want[act.Package.ID]
		if !ok {
			continue // the generated test main
		}
		delete(want, act.Package.ID)
		if act.Err != nil {
			t.Fatalf("%s: %v", act.Package.ID, act.Err)
		}
		var got []string
		for _, d := range act.Diagnostics {
			got = append(got, lineComment(t, act.Package.Fset.Position(d.Pos)))
		}
		slices.Sort(got)
		if !slices.Equal(got, w) {
			t.Errorf("%s: findings on lines %q, want %q", act.Package.ID, got, w)
		}
	}
	for id := range want {
		t.Errorf("no package %s analyzed", id)
	}
}

// lineComment returns the text of the line comment on the finding's line
// (leak: production).
func lineComment(t *testing.T, posn token.Position) string {
	t.Helper()
	data, err := os.ReadFile(posn.Filename)
	if err != nil {
		t.Fatal(err)
	}
	line := strings.Split(string(data), "\n")[posn.Line-1]
	if _, comment, ok := strings.Cut(line, "// "); ok {
		return comment
	}
	return line
}
