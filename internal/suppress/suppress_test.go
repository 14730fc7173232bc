package suppress_test

import (
	"go/ast"
	"reflect"
	"testing"

	"github.com/deferlint/deferlint/internal/report"
	"github.com/deferlint/deferlint/internal/suppress"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// calls reports every call through package report, under the name of a real
// analyzer (directives name real analyzers), and returns the package's index.
var calls = &analysis.Analyzer{
	Name:       "unclosed",
	Doc:        "report every call",
	Requires:   report.Requires,
	ResultType: reflect.TypeFor[*suppress.Index](),
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					report.Node(pass, call, "call")
				}
				return true
			})
		}
		return pass.ResultOf[suppress.Analyzer], nil
	},
}

// TestFileIgnore checks that a file-ignore directive silences its analyzers in the
// whole file and nowhere else, and that each directive knows whether it silenced
// anything.
func TestFileIgnore(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), calls, "files")
	index := results[0].Result.(*suppress.Index)
	used := make(map[string]bool)
	for _, d := range index.Directives {
		used[d.Reason] = d.Used()
	}
	want := map[string]bool{
		"every call of this file is excused":        true,
		"nothing of deferargs is reported anywhere": false,
		"the next line is excused":                  true,
		"nothing to excuse below":                   false,
	}
	if !reflect.DeepEqual(used, want) {
		t.Errorf("directives used = %v, want %v", used, want)
	}
}

// TestPeers checks that other linters' directives silence the analyzers of their
// class on their own line and the next, and are not our directives: the driver's
// report of directives that silenced nothing never sees them.
func TestPeers(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), calls, "peers")
	if ds := results[0].Result.(*suppress.Index).Directives; len(ds) != 0 {
		t.Errorf("peer directives are indexed as ours: %v", ds)
	}
}
