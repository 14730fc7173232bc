// Package driver is deferlint's command line: the standalone checker that loads
// packages with go/packages, and the go vet / go fix tool protocol, in one binary.
package driver

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/deferlint/deferlint/internal/configfile"
	"github.com/deferlint/deferlint/internal/docs"
	"github.com/deferlint/deferlint/internal/severity"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"
)

// Exit statuses, documented in the README: CI gates depend on them.
const (
	ExitClean    = 0 // no findings
	ExitFindings = 1 // findings (or, with -diff, a non-empty diff)
	ExitError    = 2 // the tool could not do its job
)

// Main runs the command with os.Args and exits.
func Main(suite []*analysis.Analyzer) {
	suite = guard(suite)
	if invokedByGoCommand(os.Args[1:]) {
		if wantsToolID(os.Args[1:]) {
			if err := printToolID(os.Stdout); err != nil {
				fmt.Fprintf(os.Stderr, "deferlint: %v\n", err)
				os.Exit(ExitError)
			}
			os.Exit(ExitClean)
		}
		unit := os.Args[len(os.Args)-1]
		if err := checkAnalyzerFlags(suite, os.Args[1:]); err != nil {
			os.Exit(rejectFlag(err, unit))
		}
		if err := checkUnitConfig(suite, unit); err != nil {
			os.Exit(rejectFlag(err, unit))
		}
		unitchecker.Main(configfile.LabelWarnings(suite)...) // exits
	}
	os.Exit(Run(suite, os.Args[1:], os.Stdout, os.Stderr))
}

// invokedByGoCommand reports whether the arguments follow the protocol by which
// go vet -vettool and go fix -fixtool drive an analysis tool: -V=full and -flags to
// describe it, then one *.cfg file per package.
func invokedByGoCommand(args []string) bool {
	for _, arg := range args {
		switch strings.TrimLeft(arg, "-") {
		case "V=full", "V", "flags":
			return strings.HasPrefix(arg, "-")
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// config is the parsed command line of the standalone checker.
type config struct {
	format string
	fix    bool
	diff   bool
	tests  bool
	tags   string
	// The cache of per-package results (engine.go), and whether the facts of every
	// dependency are computed.
	cache, depsFacts bool
	// Profiles, for measuring deferlint itself.
	cpuProfile, memProfile string
	suite, enabled         []*analysis.Analyzer
	patterns               []string
	// What is reported and what fails: see filter.go, outputs.go, severity.go.
	baseline, baselineWrite string
	newFromRev              string
	outputs                 outputs
	severities              *severity.Table
	failOn                  failOn
}

// Run runs the standalone checker and returns the exit status.
func Run(suite []*analysis.Analyzer, args []string, stdout, stderr io.Writer) int {
	if name, ok := helpRequest(args); ok {
		return help(suite, name, stdout, stderr)
	}
	cfg, status, err := parseFlags(suite, args, stdout, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "deferlint: %v\n", err)
		return ExitError
	}
	if cfg == nil {
		return status // -list, -version
	}
	return check(cfg, stdout, stderr)
}

// helpRequest recognises -help, -h and -help NAME (also with two dashes), and help
// and help NAME as the first arguments, as go vet's own messages suggest.
func helpRequest(args []string) (name string, ok bool) {
	if len(args) > 0 && args[0] == "help" {
		if len(args) > 1 {
			return args[1], true
		}
		return "", true
	}
	for i, arg := range args {
		if arg == "--" {
			return "", false
		}
		switch arg {
		case "-h", "-help", "--help", "--h":
			if i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") {
				return args[i+1], true
			}
			return "", true
		}
	}
	return "", false
}

// commandLine holds the flag set of the standalone checker and what it fills in.
type commandLine struct {
	fs              *flag.FlagSet
	cfg             config
	enable, disable string
	list, version   bool
}

func newCommandLine(suite []*analysis.Analyzer, stderr io.Writer) *commandLine {
	cl := &commandLine{fs: flag.NewFlagSet("deferlint", flag.ContinueOnError)}
	fs, cfg := cl.fs, &cl.cfg
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprintln(stderr, "run 'deferlint -help' for usage") }
	fs.StringVar(&cfg.format, "format", "text", "output format: text, json, sarif or github")
	fs.Var(&cfg.outputs, "out", "also write the findings to a file, as FORMAT=FILE (repeatable): -out sarif=deferlint.sarif")
	fs.StringVar(&cfg.baseline, "baseline", "", "report only findings not recorded in this baseline file")
	fs.StringVar(&cfg.baselineWrite, "baseline-write", "", "record the findings in this baseline file and exit 0")
	fs.StringVar(&cfg.newFromRev, "new-from-rev", "", "report only findings on lines changed since this git revision")
	cfg.severities = severity.Default()
	cfg.failOn = failOn(severity.Warning)
	fs.Var(&cfg.failOn, "fail-on", "the lowest severity that makes the exit status 1: warning (any finding) or error")
	fs.BoolVar(&cfg.fix, "fix", false, "apply the suggested fixes, say on stderr what changed, and print the findings that remain")
	fs.BoolVar(&cfg.diff, "diff", false, "print the suggested fixes as a unified diff instead of applying them")
	fs.BoolVar(&cfg.tests, "test", true, "also check test files and test packages")
	fs.StringVar(&cfg.tags, "tags", "", "comma-separated build tags")
	fs.BoolVar(&cfg.cache, "cache", true, "keep each package's results in the cache ($DEFERLINT_CACHE, or deferlint under the user cache directory) and reuse them")
	fs.BoolVar(&cfg.depsFacts, "deps-facts", false, "compute facts for every dependency (the standard library and other modules), as go vet does, not only for the main module(s)")
	fs.StringVar(&cfg.cpuProfile, "cpuprofile", "", "write a CPU profile of the run to this file")
	fs.StringVar(&cfg.memProfile, "memprofile", "", "write a heap profile, taken after the analysis, to this file")
	fs.StringVar(&cl.enable, "enable", "", "comma-separated analyzers to run (default: all)")
	fs.StringVar(&cl.disable, "disable", "", "comma-separated analyzers not to run")
	fs.BoolVar(&cl.list, "list", false, "list the analyzers with their summaries and exit")
	fs.BoolVar(&cl.version, "version", false, "print the version and exit")
	for _, a := range suite {
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	return cl
}

func parseFlags(suite []*analysis.Analyzer, args []string, stdout, stderr io.Writer) (*config, int, error) {
	cl := newCommandLine(suite, stderr)
	if err := parseArgs(cl.fs, args); err != nil {
		return nil, ExitError, err
	}
	switch {
	case cl.version:
		fmt.Fprintf(stdout, "deferlint %s\n", Version())
		return nil, ExitClean, nil
	case cl.list:
		printList(stdout, suite)
		return nil, ExitClean, nil
	}
	cfg := &cl.cfg
	if !slices.Contains(formats, cfg.format) {
		return nil, ExitError, fmt.Errorf("unknown -format %q: use text, json, sarif or github", cfg.format)
	}
	enabled, err := selectAnalyzers(suite, cl.enable, cl.disable)
	if err != nil {
		return nil, ExitError, err
	}
	cfg.suite, cfg.enabled = suite, enabled
	cfg.patterns = cl.fs.Args()
	if len(cfg.patterns) == 0 {
		cfg.patterns = []string{"./..."}
	}
	return cfg, ExitClean, nil
}

// selectAnalyzers applies -enable and -disable to the suite, keeping its order.
func selectAnalyzers(suite []*analysis.Analyzer, enable, disable string) ([]*analysis.Analyzer, error) {
	byName := make(map[string]bool)
	for _, a := range suite {
		byName[a.Name] = true
	}
	parse := func(flagName, list string) (map[string]bool, error) {
		names := make(map[string]bool)
		for name := range strings.SplitSeq(list, ",") {
			if name = strings.TrimSpace(name); name == "" {
				continue
			}
			if !byName[name] {
				return nil, fmt.Errorf("-%s: unknown analyzer %q (deferlint -list shows them)", flagName, name)
			}
			names[name] = true
		}
		return names, nil
	}
	on, err := parse("enable", enable)
	if err != nil {
		return nil, err
	}
	off, err := parse("disable", disable)
	if err != nil {
		return nil, err
	}
	var enabled []*analysis.Analyzer
	for _, a := range suite {
		if (len(on) == 0 || on[a.Name]) && !off[a.Name] {
			enabled = append(enabled, a)
		}
	}
	if len(enabled) == 0 {
		return nil, errors.New("-enable and -disable leave no analyzer to run")
	}
	return enabled, nil
}

func usage(fs *flag.FlagSet, w io.Writer) {
	fmt.Fprint(w, `deferlint finds bugs with defer, goroutines, contexts and resources.

Usage:
	deferlint [flags] [packages]        check packages (default ./...)
	deferlint -list                     list the analyzers
	deferlint -help NAME                show an analyzer's documentation
	go vet -vettool=$(which deferlint) [packages]
	go fix -fixtool=$(which deferlint) [packages]

Exit status: 0 no findings, 1 findings, 2 the tool could not do its job.

Flags:
`)
	fs.PrintDefaults()
}

func printList(w io.Writer, suite []*analysis.Analyzer) {
	width := 0
	for _, a := range suite {
		width = max(width, len(a.Name))
	}
	for _, a := range suite {
		fmt.Fprintf(w, "%-*s  %s\n", width, a.Name, docs.Summary(a.Name, a.Doc))
	}
}

func help(suite []*analysis.Analyzer, name string, stdout, stderr io.Writer) int {
	if name == "" {
		usage(newCommandLine(suite, stdout).fs, stdout)
		fmt.Fprintln(stdout, "  (run deferlint -help NAME for an analyzer; its flags are -NAME.FLAG)")
		fmt.Fprintln(stdout, "\nAnalyzers:")
		printList(stdout, suite)
		return ExitClean
	}
	for _, a := range suite {
		if a.Name == name {
			fmt.Fprintf(stdout, "%s\n\nDocumentation: %s\n", a.Doc, a.URL)
			first := true
			a.Flags.VisitAll(func(f *flag.Flag) {
				if first {
					fmt.Fprintln(stdout, "\nFlags:")
					first = false
				}
				fmt.Fprintf(stdout, "  -%s.%s\n    \t%s (default %q)\n", a.Name, f.Name, f.Usage, f.DefValue)
			})
			return ExitClean
		}
	}
	fmt.Fprintf(stderr, "deferlint: unknown analyzer %q (deferlint -list shows them)\n", name)
	return ExitError
}

// Version returns the module version deferlint was built from.
func Version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}
