package driver

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// check loads the packages, runs the enabled analyzers and writes the findings, the
// fixes or the diff. It returns the exit status.
func check(cfg *config, stdout, stderr io.Writer) int {
	pkgs, err := load(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "deferlint: %v\n", err)
		return ExitError
	}
	wd, _ := os.Getwd()
	status := ExitClean
	if reportLoadErrors(pkgs, wd, stderr) {
		status = ExitError
	}
	graph, err := checker.Analyze(cfg.enabled, pkgs, nil)
	if err != nil {
		fmt.Fprintf(stderr, "deferlint: %v\n", err)
		return ExitError
	}
	found, failures := collect(graph)
	for _, failure := range failures {
		fmt.Fprintf(stderr, "deferlint: %s\n", failure)
		status = ExitError
	}
	switch {
	case cfg.diff || cfg.fix:
		changed, unfixed, err := applyFixes(found, cfg.diff, wd, stdout, stderr)
		if err != nil {
			fmt.Fprintf(stderr, "deferlint: %v\n", err)
			return ExitError
		}
		if cfg.fix && !cfg.diff {
			if err := write(cfg.format, unfixed, cfg.enabled, wd, stdout); err != nil {
				fmt.Fprintf(stderr, "deferlint: %v\n", err)
				return ExitError
			}
			found = unfixed
		} else if changed {
			status = max(status, ExitFindings)
		}
	default:
		if err := write(cfg.format, found, cfg.enabled, wd, stdout); err != nil {
			fmt.Fprintf(stderr, "deferlint: %v\n", err)
			return ExitError
		}
	}
	if len(found) > 0 && !cfg.diff {
		status = max(status, ExitFindings)
	}
	return status
}

// load loads the packages named by the patterns, from source and with types. When an
// analyzer uses facts, dependencies are loaded from source too, so that facts about
// them can be computed.
func load(cfg *config) ([]*packages.Package, error) {
	mode := packages.LoadSyntax | packages.NeedModule
	if usesFacts(cfg.enabled) {
		mode = packages.LoadAllSyntax | packages.NeedModule
	}
	lcfg := &packages.Config{Mode: mode, Tests: cfg.tests}
	if cfg.tags != "" {
		lcfg.BuildFlags = []string{"-tags=" + cfg.tags}
	}
	pkgs, err := packages.Load(lcfg, cfg.patterns...)
	if err != nil {
		return nil, err
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("no packages match %s", strings.Join(cfg.patterns, " "))
	}
	return pkgs, nil
}

// usesFacts reports whether any of the analyzers, or any analyzer they require,
// uses facts.
func usesFacts(analyzers []*analysis.Analyzer) bool {
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

// reportLoadErrors prints, for each package that could not be loaded or type-checked,
// its first error. It reports whether there was any.
func reportLoadErrors(pkgs []*packages.Package, wd string, stderr io.Writer) bool {
	failed := false
	seen := make(map[string]bool)
	packages.Visit(pkgs, nil, func(pkg *packages.Package) {
		name := cmp.Or(pkg.PkgPath, pkg.ID)
		if len(pkg.Errors) == 0 || seen[name] {
			return
		}
		seen[name] = true
		failed = true
		more := ""
		if n := len(pkg.Errors) - 1; n > 0 {
			more = fmt.Sprintf(" (and %d more)", n)
		}
		fmt.Fprintf(stderr, "deferlint: package %s: %s%s\n", name, describe(firstError(pkg), wd), more)
	})
	return failed
}

// firstError returns the package's first error with a source position, if any: the
// go command's own summary ("# pkg" and the same errors again) says less.
func firstError(pkg *packages.Package) packages.Error {
	for _, err := range pkg.Errors {
		if err.Pos != "" && err.Pos != "-" {
			return err
		}
	}
	return pkg.Errors[0]
}

func describe(err packages.Error, wd string) string {
	msg := strings.TrimSpace(err.Msg)
	if err.Pos == "" || err.Pos == "-" {
		return msg
	}
	return relative(wd, err.Pos) + ": " + msg
}
