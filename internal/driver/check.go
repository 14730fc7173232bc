package driver

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// check loads the packages, runs the enabled analyzers and writes the findings, the
// fixes or the diff. It returns the exit status.
func check(cfg *config, stdout, stderr io.Writer) int {
	if cfg.cpuProfile != "" {
		stop, err := startCPUProfile(cfg.cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "deferlint: %v\n", err)
			return ExitError
		}
		defer stop()
	}
	loaded, err := load(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "deferlint: %v\n", err)
		return ExitError
	}
	wd, _ := os.Getwd()
	status := ExitClean
	if reportLoadErrors(loaded.pkgs, wd, stderr) {
		status = ExitError
	}
	graph, err := checker.Analyze(cfg.enabled, loaded.pkgs, nil)
	if err != nil {
		fmt.Fprintf(stderr, "deferlint: %v\n", err)
		return ExitError
	}
	if cfg.memProfile != "" {
		if err := writeHeapProfile(cfg.memProfile); err != nil {
			fmt.Fprintf(stderr, "deferlint: %v\n", err)
			return ExitError
		}
	}
	if os.Getenv("DEFERLINT_TIMING") != "" {
		printSlowest(graph, stderr)
	}
	found, failures := collect(graph, loaded.reported)
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
