package directives

import (
	_ "embed"

	"github.com/deferlint/deferlint/internal/docs"
	"github.com/deferlint/deferlint/internal/report"
	"github.com/deferlint/deferlint/internal/suppress"
	"golang.org/x/tools/go/analysis"
)

//go:embed doc.go
var doc string

// Analyzer reports malformed //deferlint:ignore directives.
var Analyzer = &analysis.Analyzer{
	Name:             "directives",
	Doc:              docs.Extract(doc, "directives"),
	URL:              report.URL("directives"),
	Requires:         report.Requires,
	Run:              run,
	RunDespiteErrors: true,
}

func run(pass *analysis.Pass) (any, error) {
	index := pass.ResultOf[suppress.Analyzer].(*suppress.Index)
	for _, d := range index.Directives {
		if problem := d.Problem(); problem != "" {
			report.Range(pass, d.Pos, d.End, problem)
		}
	}
	return nil, nil
}
