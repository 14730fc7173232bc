// Package analyzers returns deferlint's whole suite of analyzers.
//
// Every analyzer lives in a package of its own below this one and exports Analyzer,
// so each can be used alone by any go/analysis driver (go vet, golangci-lint, gopls,
// nogo); this package is the one place that lists them all.
package analyzers

import (
	"github.com/deferlint/deferlint/analyzers/ctxcancel"
	"github.com/deferlint/deferlint/analyzers/deferargs"
	"github.com/deferlint/deferlint/analyzers/deferloop"
	"github.com/deferlint/deferlint/analyzers/directives"
	"github.com/deferlint/deferlint/analyzers/gorecover"
	"github.com/deferlint/deferlint/analyzers/loopcapture"
	"github.com/deferlint/deferlint/analyzers/unclosed"
	"golang.org/x/tools/go/analysis"
)

// All returns every deferlint analyzer, sorted by name.
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		ctxcancel.Analyzer,
		deferargs.Analyzer,
		deferloop.Analyzer,
		directives.Analyzer,
		gorecover.Analyzer,
		loopcapture.Analyzer,
		unclosed.Analyzer,
	}
}
