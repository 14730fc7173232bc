package driver

import (
	"fmt"
	"io"
	"os"
	"slices"

	"golang.org/x/tools/go/packages"
)

// check loads the packages, runs the enabled analyzers and writes the findings, the
// fixes or the diff. It returns the exit status.
func check(cfg *config, stdout, stderr io.Writer) int {
	wd, _ := os.Getwd()
	if err := checkCombinations(cfg); err != nil {
		fmt.Fprintf(stderr, "deferlint: %v\n", err)
		return ExitError
	}
	keep, err := newFilter(cfg, wd)
	if err != nil {
		fmt.Fprintf(stderr, "deferlint: %v\n", err)
		return ExitError
	}
	if cfg.cpuProfile != "" {
		stop, err := startCPUProfile(cfg.cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "deferlint: %v\n", err)
			return ExitError
		}
		defer stop()
	}
	said := make(map[string]bool)
	first, err := analyze(cfg, wd)
	if err != nil {
		fmt.Fprintf(stderr, "deferlint: %v\n", err)
		return ExitError
	}
	sayOnce(stderr, said, first.problems...)
	if cfg.memProfile != "" {
		if err := writeHeapProfile(cfg.memProfile); err != nil {
			fmt.Fprintf(stderr, "deferlint: %v\n", err)
			return ExitError
		}
	}
	if os.Getenv("DEFERLINT_TIMING") != "" {
		printSlowest(first.units, stderr)
	}
	status := ExitClean
	if first.failed {
		status = ExitError
	}
	found := first.found
	switch {
	case cfg.baselineWrite != "":
		if err := writeBaseline(cfg.baselineWrite, found, repositoryRoot(wd)); err != nil {
			fmt.Fprintf(stderr, "deferlint: %v\n", err)
			return ExitError
		}
		fmt.Fprintf(stderr, "deferlint: recorded %d findings in %s\n", len(found), cfg.baselineWrite)
		return status
	case cfg.diff:
		changed, err := printDiff(keep(found), wd, stdout, stderr)
		if err != nil {
			fmt.Fprintf(stderr, "deferlint: %v\n", err)
			return ExitError
		}
		if changed {
			status = max(status, ExitFindings)
		}
		return status
	case cfg.fix:
		remaining, failed, err := fixAndCheckAgain(cfg, first, keep(found), wd, stderr, said)
		if err != nil {
			fmt.Fprintf(stderr, "deferlint: %v\n", err)
			return ExitError
		}
		if failed {
			status = ExitError
		}
		found = remaining
	}
	found = keep(found)
	if err := writeOutputs(cfg, found, wd, stdout); err != nil {
		fmt.Fprintf(stderr, "deferlint: %v\n", err)
		return ExitError
	}
	if fails(found, cfg.failOn) {
		status = max(status, ExitFindings)
	}
	return status
}

// checked is what one run of the analyzers found in the packages named by the patterns.
type checked struct {
	loaded *loaded
	units  []*unit // the packages of the graph, dependencies first
	found  []finding
	failed bool // a package did not load or an analyzer failed
	// problems says why failed, one line per cause, for stderr.
	problems []string
}

// analyze loads the packages named by cfg.patterns and runs the enabled analyzers.
// It returns an error when there is nothing to analyze.
func analyze(cfg *config, wd string) (*checked, error) {
	loaded, err := load(cfg)
	if err != nil {
		return nil, err
	}
	return analyzeLoaded(cfg, loaded, wd)
}

// analyzeLoaded is analyze with the packages loaded already.
func analyzeLoaded(cfg *config, loaded *loaded, wd string) (*checked, error) {
	configs, err := loadConfigs(loaded.pkgs, cfg.suite, wd)
	if err != nil {
		return nil, err
	}
	eng, err := newEngine(cfg, loaded)
	if err != nil {
		return nil, err
	}
	a := &checked{loaded: loaded, units: eng.units(cfg, loaded.pkgs)}
	if err := eng.run(a.units); err != nil {
		return nil, err
	}
	writeManifest(cfg, wd, loaded, a.units, eng)
	broken := loadErrors(loaded.pkgs, wd) // type errors are known now
	a.problems = append(a.problems, broken...)
	var failures []string
	a.found, failures = collect(a.units, configs)
	if stale := staleDirectives(a.units, cfg.enabled, configs); len(stale) > 0 {
		a.found = append(a.found, stale...)
		slices.SortFunc(a.found, compareFindings)
	}
	for _, failure := range failures {
		if len(broken) == 0 || !followsFromLoadErrors(failure) {
			a.problems = append(a.problems, failure)
		}
	}
	a.failed = len(broken) > 0 || len(failures) > 0
	return a, nil
}

// sayOnce prints each line not in said (the lines printed before), and adds it there.
func sayOnce(stderr io.Writer, said map[string]bool, lines ...string) {
	for _, line := range lines {
		if !said[line] {
			said[line] = true
			fmt.Fprintf(stderr, "deferlint: %s\n", line)
		}
	}
}

// fixAndCheckAgain applies the fixes of toFix (the findings that -baseline and
// -new-from-rev keep), says on stderr what it changed, and returns all the findings
// that remain: the packages it changed are loaded and analyzed again, so
// that their findings are those of the fixed files, at their new positions; the
// findings of the other packages are kept as they were. A package that the fixes
// leave not compiling gets its files back (see refuseIllTyped). It reports whether
// the second analysis failed or fixes were refused.
//
// Only the changed packages are analyzed again, not their importers: a fix changes
// nothing but the finding it resolves, so what an analyzer learns about a package
// (its facts) stays true.
func fixAndCheckAgain(cfg *config, first *checked, toFix []finding, wd string, stderr io.Writer, said map[string]bool) (remaining []finding, failed bool, err error) {
	plan := planFixes(toFix)
	written, err := applyFixes(plan, wd, stderr)
	if err != nil {
		return nil, false, err
	}
	if len(written) == 0 {
		sayApplied(plan, nil, wd, stderr)
		return first.found, false, nil
	}
	again := *cfg
	dirs := changedPackages(first, plan, written)
	if dirs != nil {
		again.patterns = dirs
	}
	fixed, err := load(&again)
	if err != nil {
		return nil, false, err
	}
	// The fixed packages are type-checked as they are analyzed: whether they
	// compile is known once they are.
	second, err := analyzeLoaded(&again, fixed, wd)
	if err != nil {
		return nil, false, err
	}
	kept, refusals, err := refuseIllTyped(first.loaded, fixed, written, wd)
	if err != nil {
		return nil, false, err
	}
	sayApplied(plan, kept, wd, stderr)
	for _, line := range refusals {
		fmt.Fprintf(stderr, "deferlint: %s\n", line)
	}
	if len(refusals) > 0 { // analyze the restored files as they were
		if fixed, err = load(&again); err != nil {
			return nil, false, err
		}
		if second, err = analyzeLoaded(&again, fixed, wd); err != nil {
			return nil, false, err
		}
	}
	sayOnce(stderr, said, second.problems...)
	failed = second.failed || len(refusals) > 0
	for _, f := range first.found {
		if dirs != nil && !slices.Contains(dirs, f.pkg.Dir) {
			remaining = append(remaining, f)
		}
	}
	remaining = append(remaining, second.found...)
	slices.SortFunc(remaining, compareFindings)
	return remaining, failed, nil
}

// changedPackages returns the directories of the packages that the written files
// belong to, and of the packages whose findings a written fix resolved (a fix may
// edit another package's file). A directory names a package with its test variants.
// It returns nil when one of them is made of files named on the command line (there
// is no other name for it): then everything is analyzed again.
func changedPackages(first *checked, plan fixPlan, written []fixedFile) []string {
	var pkgs []*packages.Package
	for _, file := range written {
		for _, pkg := range first.loaded.pkgs {
			if first.loaded.reported[pkg.ID] && slices.Contains(pkg.CompiledGoFiles, file.name) {
				pkgs = append(pkgs, pkg)
			}
		}
		for _, f := range plan.chosen {
			if touches(f, file.name) {
				pkgs = append(pkgs, f.pkg)
			}
		}
	}
	var dirs []string
	for _, pkg := range pkgs {
		if pkg.PkgPath == "command-line-arguments" || pkg.Dir == "" {
			return nil
		}
		dirs = append(dirs, pkg.Dir)
	}
	slices.Sort(dirs)
	return slices.Compact(dirs)
}
