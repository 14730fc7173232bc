package directives

import (
	_ "embed"
	"reflect"

	"github.com/deferlint/deferlint/internal/configfile"
	"github.com/deferlint/deferlint/internal/docs"
	"github.com/deferlint/deferlint/internal/report"
	"github.com/deferlint/deferlint/internal/suppress"
	"golang.org/x/tools/go/analysis"
)

//go:embed doc.go
var doc string

// Analyzer reports malformed //deferlint:ignore and //deferlint:file-ignore
// directives. Its result is the package's index of directives, through which a
// driver that sees every analyzer's findings (cmd/deferlint) learns which directives
// silenced nothing.
var Analyzer = &analysis.Analyzer{
	Name:             "directives",
	Doc:              docs.Extract(doc, "directives"),
	URL:              report.URL("directives"),
	Requires:         report.Requires,
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeFor[*suppress.Index](),
}

func run(pass *analysis.Pass) (any, error) {
	if on, err := configfile.Apply(pass, nil); err != nil || !on {
		return nil, err // off in this directory: no index, so no stale directives either
	}
	index := pass.ResultOf[suppress.Analyzer].(*suppress.Index)
	for _, d := range index.Directives {
		if problem := d.Problem(); problem != "" {
			report.Range(pass, d.Pos, d.End, problem)
		}
	}
	return index, nil
}
