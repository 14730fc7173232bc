package driver

import (
	"errors"
	"fmt"
	"go/ast"
	"go/types"
	"os"
	"os/exec"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// loaded is what the checker analyzes: the packages loaded from source, and the IDs
// of those whose findings are reported (the others are there for their facts).
type loaded struct {
	pkgs     []*packages.Package
	reported map[string]bool
}

// loadMode is what the checker needs of the packages it analyzes: syntax and types
// for them, export data for their dependencies.
const loadMode = packages.LoadSyntax | packages.NeedModule

// load loads the packages named by the patterns from source, with types.
//
// Dependencies come from export data, as for go vet and the compiler: type-checking
// the standard library and every third-party module from source would cost several
// times the analysis itself. When an analyzer uses facts, the packages of the main
// module(s) that the named packages import are loaded from source too, so that
// facts about them flow to their importers; other dependencies carry no facts, and
// the analyzers know what they need of the standard library without them. (go vet
// -vettool computes facts for every dependency, cached by the go command.)
func load(cfg *config) (*loaded, error) {
	lcfg := &packages.Config{Mode: loadMode, Tests: cfg.tests}
	if cfg.tags != "" {
		lcfg.BuildFlags = []string{"-tags=" + cfg.tags}
	}
	pkgs, err := packages.Load(lcfg, cfg.patterns...)
	if err != nil {
		return nil, err
	}
	if noFiles(pkgs) && outsideModule() {
		return nil, errors.New("go.mod file not found in the current directory or any parent directory: deferlint checks the packages of a module, as go vet does (run it in the module, or create one with go mod init)")
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("no packages match %s", strings.Join(cfg.patterns, " "))
	}
	result := &loaded{pkgs: pkgs, reported: make(map[string]bool)}
	for _, pkg := range pkgs {
		result.reported[pkg.ID] = true
	}
	if UsesFacts(cfg.enabled) {
		if extra := mainModuleDepsWithoutSyntax(pkgs); len(extra) > 0 {
			more, err := packages.Load(lcfg, append(cfg.patterns, extra...)...)
			if err != nil {
				return nil, err
			}
			result.pkgs = more
		}
		StubDependencies(result.pkgs)
	}
	return result, nil
}

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

// mainModuleDepsWithoutSyntax returns the import paths of the packages of the main
// module(s) that the loaded packages import but that were loaded from export data.
// Packages under a testdata directory are left out: they are test fixtures, which
// ./... leaves out on purpose, and loading them again would mean loading everything
// again.
func mainModuleDepsWithoutSyntax(pkgs []*packages.Package) []string {
	var paths []string
	seen := make(map[string]bool)
	packages.Visit(pkgs, nil, func(pkg *packages.Package) {
		if pkg.Syntax == nil && pkg.Module != nil && pkg.Module.Main && pkg.ID == pkg.PkgPath && !seen[pkg.PkgPath] && !isTestdata(pkg.PkgPath) {
			seen[pkg.PkgPath] = true
			paths = append(paths, pkg.PkgPath)
		}
	})
	return paths
}

func isTestdata(path string) bool {
	return strings.HasPrefix(path, "testdata/") || strings.Contains(path, "/testdata/") || strings.HasSuffix(path, "/testdata")
}

// StubDependencies prepares the packages that were not loaded as roots for the
// checker, which runs fact-using analyzers on every dependency. They come from export
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
