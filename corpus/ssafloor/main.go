// Command ssafloor is the floor (corpus/floor) plus what go/ssa would cost the
// engine: its one analyzer builds the SSA form of every package that could
// acquire an obligation (it imports package context or a package with catalogued
// acquirers), as the engine would have to before asking value-flow questions, and
// then analyses nothing.
//
// The corpus benchmark (go run ./corpus/cmd/corpus -tools floor,ssafloor bench)
// compares it with the floor: the difference is the price of SSA, measured before
// any analysis uses it (docs/benchmarks.md).
//
//	ssafloor [deferlint flags] [packages]
package main

import (
	"go/types"

	"github.com/deferlint/deferlint/internal/driver"
	"github.com/deferlint/deferlint/internal/resources"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

var build = &analysis.Analyzer{
	Name: "ssabuild",
	Doc:  "ssabuild: build the SSA form of packages that could acquire an obligation\n\nWrong: nothing.\n\nRight: nothing.",
	Run:  run,
}

func run(pass *analysis.Pass) (any, error) {
	if !mayAcquire(pass.Pkg) {
		return nil, nil
	}
	prog := ssa.NewProgram(pass.Fset, 0)
	created := make(map[*types.Package]bool)
	var createAll func([]*types.Package)
	createAll = func(pkgs []*types.Package) {
		for _, p := range pkgs {
			if !created[p] {
				created[p] = true
				prog.CreatePackage(p, nil, nil, true)
				createAll(p.Imports())
			}
		}
	}
	createAll(pass.Pkg.Imports())
	prog.CreatePackage(pass.Pkg, pass.Files, pass.TypesInfo, false).Build()
	return nil, nil
}

// mayAcquire reports whether pkg imports package context or a package with
// catalogued acquirers: the packages the engine's analyzers do not skip.
func mayAcquire(pkg *types.Package) bool {
	cat := resources.NewCatalogue(nil)
	for _, imp := range pkg.Imports() {
		if imp.Path() == "context" || cat.AcquiringPackage(imp.Path()) {
			return true
		}
	}
	return false
}

func main() {
	driver.Main([]*analysis.Analyzer{build})
}
