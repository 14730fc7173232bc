package driver

import (
	"errors"
	"fmt"
	"go/ast"
	"go/types"
	"os"
	"os/exec"
	"slices"
	"strings"
	"time"

	"github.com/deferlint/deferlint/internal/cache"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// loaded is what the engine analyzes: the packages named by the patterns, with
// their import graphs, and the IDs of those whose findings are reported.
type loaded struct {
	pkgs     []*packages.Package
	reported map[string]bool

	// The cache (nil when off), and what the manifest of this command line needs
	// (see manifest.go): the stamps of the files read, when the run started, the
	// keys of the packages when they were last listed (a package whose key moved
	// since then has export data older than its sources), and whether the go
	// command listed the packages (listed) or files changed since (dirty).
	store         *cache.Store
	stamps        *stamps
	start         time.Time
	previous      map[string]cache.Key
	listed, dirty bool
	listErrors    bool
}

// loadMode is what the engine needs of the packages: their files and imports, the
// export data of every one (the go command compiles them, or finds them in its
// build cache) and the type sizes, but no types: the engine type-checks from
// source only the packages whose results are not in the cache, against their
// imports' export data. It is what go/packages asks the go command for when it
// loads packages with types (one go list -deps -export), so that a cold run costs
// the go command what the loader costs.
const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
	packages.NeedDeps | packages.NeedModule | packages.NeedExportFile | packages.NeedTypesSizes |
	packages.NeedForTest // a test variant names its package: its findings speak for it (see collect)

// load lists the packages named by the patterns and their dependencies, with one
// go list, without type-checking any (see engine.go).
func load(cfg *config) (*loaded, error) {
	start := time.Now()
	store, err := openStore(cfg)
	if err != nil {
		return nil, err
	}
	wd, _ := os.Getwd()
	if store != nil {
		if l := fromManifest(cfg, store, wd); l != nil {
			return l, nil
		}
	}
	lcfg := &packages.Config{Mode: loadMode, Tests: cfg.tests}
	if cfg.tags != "" {
		lcfg.BuildFlags = []string{"-tags=" + cfg.tags}
	}
	pkgs, err := packages.Load(lcfg, cfg.patterns...)
	if err != nil && outsideModule() {
		return nil, errNoModule
	}
	if err != nil {
		return nil, err
	}
	if (noFiles(pkgs) || slices.ContainsFunc(pkgs, func(p *packages.Package) bool { return len(p.Errors) > 0 })) && outsideModule() {
		return nil, errNoModule
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("no packages match %s", strings.Join(cfg.patterns, " "))
	}
	result := &loaded{pkgs: pkgs, reported: make(map[string]bool), store: store, stamps: newStamps(), start: start, listed: true}
	for _, pkg := range pkgs {
		result.reported[pkg.ID] = true
	}
	packages.Visit(pkgs, nil, func(pkg *packages.Package) {
		result.listErrors = result.listErrors || len(pkg.Errors) > 0
	})
	return result, nil
}

// openStore opens the cache, or returns nil when -cache=false or
// DEFERLINT_CACHE=off turn it off.
func openStore(cfg *config) (*cache.Store, error) {
	if !cfg.cache || os.Getenv(cache.EnvDir) == "off" {
		return nil, nil
	}
	dir, err := cache.DefaultDir()
	if err != nil {
		return nil, err
	}
	return cache.Open(dir)
}

var errNoModule = errors.New("go.mod file not found in the current directory or any parent directory: deferlint checks the packages of a module, as go vet does (run it in the module, or create one with go mod init)")

// noFiles reports whether no package was found: there are none, or they are
// patterns that matched nothing.
func noFiles(pkgs []*packages.Package) bool {
	for _, pkg := range pkgs {
		if len(pkg.GoFiles) > 0 || len(pkg.CompiledGoFiles) > 0 {
			return false
		}
	}
	return true
}

// outsideModule reports whether the go command, run where deferlint is, finds no
// go.mod and no go.work: module mode without a main module.
func outsideModule() bool {
	out, err := exec.Command("go", "env", "GOMOD", "GOWORK").Output()
	if err != nil {
		return false
	}
	gomod, gowork, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	return gomod == os.DevNull && (gowork == "" || gowork == "off")
}

func isTestdata(path string) bool {
	return strings.HasPrefix(path, "testdata/") || strings.Contains(path, "/testdata/") || strings.HasSuffix(path, "/testdata")
}

// StubDependencies prepares the packages that were not loaded as roots for
// go/analysis/checker (the analyzers' benchmarks use it), which runs fact-using analyzers on every dependency. They come from export
// data, or from source with their function bodies left unchecked (go/packages does
// that for dependencies of roots' test variants), so no analyzer could learn anything
// true from them: they are given no files, which makes their passes empty and cheap
// and their facts absent (unknown) rather than wrong, and their imports are cut, which
// keeps the checker from walking the whole dependency graph.
func StubDependencies(roots []*packages.Package) {
	isRoot := make(map[*packages.Package]bool)
	for _, pkg := range roots {
		isRoot[pkg] = true
	}
	var sizes types.Sizes
	var deps []*packages.Package
	packages.Visit(roots, nil, func(pkg *packages.Package) {
		if pkg.TypesSizes != nil && sizes == nil {
			sizes = pkg.TypesSizes
		}
		if !isRoot[pkg] {
			deps = append(deps, pkg)
		}
	})
	for _, pkg := range deps {
		pkg.Imports = nil
		pkg.Syntax = nil
		pkg.IllTyped = false // its errors, if any, are reported; they must not fail its importers' analysis
		if pkg.Types == nil {
			pkg.Types = types.NewPackage(pkg.PkgPath, pkg.Name)
		}
		pkg.TypesInfo = &types.Info{
			Types:        map[ast.Expr]types.TypeAndValue{},
			Defs:         map[*ast.Ident]types.Object{},
			Uses:         map[*ast.Ident]types.Object{},
			Implicits:    map[ast.Node]types.Object{},
			Instances:    map[*ast.Ident]types.Instance{},
			Scopes:       map[ast.Node]*types.Scope{},
			Selections:   map[*ast.SelectorExpr]*types.Selection{},
			FileVersions: map[*ast.File]string{},
		}
		if pkg.TypesSizes == nil {
			pkg.TypesSizes = sizes
		}
	}
}

// UsesFacts reports whether any of the analyzers, or any analyzer they require,
// uses facts.
func UsesFacts(analyzers []*analysis.Analyzer) bool {
	seen := make(map[*analysis.Analyzer]bool)
	var visit func([]*analysis.Analyzer) bool
	visit = func(as []*analysis.Analyzer) bool {
		for _, a := range as {
			if seen[a] {
				continue
			}
			seen[a] = true
			if len(a.FactTypes) > 0 || visit(a.Requires) {
				return true
			}
		}
		return false
	}
	return visit(analyzers)
}
