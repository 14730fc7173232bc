// Command floor is deferlint's driver with a single analyzer that does nothing: it
// loads and type-checks the packages as deferlint does, and analyses nothing.
//
// Its cost is the floor under every go/analysis tool: the corpus benchmark
// (go run ./corpus/cmd/corpus bench) compares deferlint with it, to show what the
// analyzers themselves add.
//
//	floor [deferlint flags] [packages]
package main

import (
	"os"

	"github.com/deferlint/deferlint/internal/driver"
	"golang.org/x/tools/go/analysis"
)

// noop requires nothing, exports no facts and reports nothing, so the driver loads
// only the packages named (dependencies from export data) and runs no pass over them.
var noop = &analysis.Analyzer{
	Name: "noop",
	Doc:  "noop: load and type-check only\n\nWrong: nothing.\n\nRight: nothing.",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() {
	// The floor is the cost of a run that starts from nothing: no cached results.
	os.Setenv("DEFERLINT_CACHE", "off")
	driver.Main([]*analysis.Analyzer{noop})
}
