package driver

import (
	"fmt"
	"go/token"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/deferlint/deferlint/internal/suppress"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// unitResult is what the analyzers give about one package: everything the outputs
// need of it, and the facts its importers need. It is what the cache stores.
type unitResult struct {
	found      []finding   // its pkg is set when the result is used
	directives []directive // the well-formed suppression directives, for stale.go
	ran        []string    // the analyzers that ran without error, by name
	facts      *packageFacts
	failures   []string // why analyzers failed: such a result is not stored
	failed     []string // the analyzers that failed, by name
	timings    []timing
}

// directive is a well-formed //deferlint:ignore or file-ignore directive of a
// package, and whether it silenced something there.
type directive struct {
	key       string // its position, as written in the file: the same in each package of the file
	posn, end token.Position
	analyzers []string
	used      bool
	message   string // the finding it is if it silences nothing
	function  string
}

// timing is how long one analyzer took on one package (DEFERLINT_TIMING).
type timing struct {
	analyzer, pkg string
	d             time.Duration
}

// runner runs a set of analyzers, with their requirements, on one package at a
// time.
type runner struct {
	order      []*analysis.Analyzer // the analyzers and their requirements, requirements first
	usesFacts  map[*analysis.Analyzer]bool
	directives *analysis.Analyzer // the directives analyzer when it runs, whose result is the suppression index
}

func newRunner(analyzers []*analysis.Analyzer) *runner {
	r := &runner{usesFacts: make(map[*analysis.Analyzer]bool)}
	visitAnalyzers(analyzers, func(a *analysis.Analyzer) {
		r.order = append(r.order, a)
		r.usesFacts[a] = len(a.FactTypes) > 0
	})
	for _, a := range analyzers {
		if a.Name == "directives" {
			r.directives = a
		}
	}
	return r
}

// run runs the analyzers on pkg, which is type-checked, with its dependencies'
// facts in view. failedDeps names the analyzers that failed on a dependency whose
// facts this package needs: they fail here too, as the checker fails them.
func (r *runner) run(pkg *packages.Package, view factView, failedDeps map[string]bool) *unitResult {
	res := &unitResult{}
	own := newOwnFacts()
	results := make(map[*analysis.Analyzer]any)
	failed := make(map[*analysis.Analyzer]error)
	for _, a := range r.order {
		if err := r.prerequisitesFailed(a, failed, failedDeps); err != nil {
			failed[a] = err
			continue
		}
		var diags []analysis.Diagnostic
		pass := &analysis.Pass{
			Analyzer:     a,
			Fset:         pkg.Fset,
			Files:        pkg.Syntax,
			OtherFiles:   pkg.OtherFiles,
			IgnoredFiles: pkg.IgnoredFiles,
			Pkg:          pkg.Types,
			TypesInfo:    pkg.TypesInfo,
			TypesSizes:   pkg.TypesSizes,
			TypeErrors:   pkg.TypeErrors,
			ResultOf:     make(map[*analysis.Analyzer]any),
			Report:       func(d analysis.Diagnostic) { diags = append(diags, d) },
			ReadFile:     packageFileReader(pkg),
		}
		if pkg.Module != nil {
			pass.Module = &analysis.Module{Path: pkg.Module.Path, Version: pkg.Module.Version, GoVersion: pkg.Module.GoVersion}
		}
		for _, req := range a.Requires {
			pass.ResultOf[req] = results[req]
		}
		bindFacts(pass, own, view)
		start := time.Now()
		result, err := a.Run(pass)
		res.timings = append(res.timings, timing{a.Name, pkg.ID, time.Since(start)})
		if err != nil {
			failed[a] = err
			continue
		}
		results[a] = result
		res.ran = append(res.ran, a.Name)
		for _, d := range diags {
			f := resolve(pkg.Fset, a, d)
			f.function = functionName(pkg.Syntax, d.Pos)
			res.found = append(res.found, f)
		}
	}
	for _, a := range r.order {
		if err, ok := failed[a]; ok {
			res.failures = append(res.failures, fmt.Sprintf("analyzer %s failed on package %s: %v", a.Name, pkg.PkgPath, err))
			res.failed = append(res.failed, a.Name)
		}
	}
	if r.directives != nil {
		if index, ok := results[r.directives].(*suppress.Index); ok {
			res.directives = directivesOf(pkg, index)
		}
	}
	res.facts = own.exported()
	return res
}

// prerequisitesFailed returns the error of an analyzer whose required analyzers
// failed on the package, or which needs facts that one of the package's
// dependencies could not give.
func (r *runner) prerequisitesFailed(a *analysis.Analyzer, failed map[*analysis.Analyzer]error, failedDeps map[string]bool) error {
	var names []string
	for _, req := range a.Requires {
		if _, ok := failed[req]; ok {
			names = append(names, req.Name)
		}
	}
	if r.usesFacts[a] && failedDeps[a.Name] && !slices.Contains(names, a.Name) {
		names = append(names, a.Name)
	}
	if len(names) == 0 {
		return nil
	}
	return fmt.Errorf("failed prerequisites: %s", strings.Join(names, ", "))
}

// packageFileReader lets an analyzer read the files of its package, and no other.
func packageFileReader(pkg *packages.Package) func(string) ([]byte, error) {
	var allowed []string
	for _, files := range [][]string{pkg.GoFiles, pkg.CompiledGoFiles, pkg.OtherFiles, pkg.IgnoredFiles, pkg.EmbedFiles} {
		allowed = append(allowed, files...)
	}
	return func(name string) ([]byte, error) {
		if !slices.Contains(allowed, name) {
			return nil, fmt.Errorf("%s is not a file of package %s", name, pkg.PkgPath)
		}
		return os.ReadFile(name)
	}
}

// directivesOf returns the well-formed directives of the package's index, with
// whether each silenced something, read after every analyzer has run.
func directivesOf(pkg *packages.Package, index *suppress.Index) []directive {
	var ds []directive
	for _, d := range index.Directives {
		if d.Problem() != "" {
			continue // reported as malformed
		}
		ds = append(ds, directive{
			key:       pkg.Fset.PositionFor(d.Pos, false).String(),
			posn:      pkg.Fset.Position(d.Pos),
			end:       pkg.Fset.Position(d.End),
			analyzers: d.Analyzers,
			used:      d.Used(),
			message:   staleMessage(d),
			function:  functionName(pkg.Syntax, d.Pos),
		})
	}
	return ds
}
