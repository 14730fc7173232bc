// Command corpus runs deferlint over the real modules pinned in corpus/modules.txt,
// and times it against the floor (loading and type-checking only) and the peer tools.
//
// Run it from the root of the deferlint module:
//
//	go run ./corpus/cmd/corpus [flags] download      # fetch the modules and their dependencies
//	go run ./corpus/cmd/corpus [flags] run           # run deferlint; print counts, write findings
//	go run ./corpus/cmd/corpus [flags] bench         # run, then time deferlint, the floor and the peers
//	go run ./corpus/cmd/corpus [flags] fixcheck      # apply deferlint's fixes to copies; build, vet, test before and after
//	go run ./corpus/cmd/corpus diff OLD NEW          # what appeared and vanished between two runs
//	go run ./corpus/cmd/corpus -seed N split         # draw the tuning and measuring halves (corpus/split.txt)
//	go run ./corpus/cmd/corpus -half measuring sample RUN  # draw the findings to triage
//
// Each module is copied out of the module cache into a writable directory,
// ${DEFERLINT_CORPUS:-$HOME/.cache/deferlint-corpus}/<module>@<version>, shared with
// everyone who triages on the corpus: a copy that exists is used as it is. A module
// that fails to download, load or analyse is reported and skipped; the command goes
// on with the others. corpus/README.md describes the output.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

func usage() {
	fmt.Fprint(os.Stderr, `usage: go run ./corpus/cmd/corpus [flags] download|run|bench|fixcheck
       go run ./corpus/cmd/corpus diff OLD NEW
       go run ./corpus/cmd/corpus [-seed N] split
       go run ./corpus/cmd/corpus [-half H] [-seed N] [-per N] sample RUN

OLD, NEW and RUN are run directories (or findings.txt files) written by run or bench.
split draws the tuning and measuring halves into the split file; sample draws up to
-per findings per analyzer of a run, from the -half chosen, and writes them to
RUN/sample-<half>-<seed>.txt for triage. fixcheck applies deferlint's fixes to a
copy of each module and compares build, vet and the changed packages' tests before
and after.

Flags:
`)
	flag.PrintDefaults()
}

// options are the command-line flags.
type options struct {
	modules string // comma-separated substrings of module paths to keep
	list    string // the module list
	out     string // where run and bench write their files
	enable  string // passed to deferlint -enable
	rounds  int    // timed runs of each tool per module
	tools   string // the tools bench times

	peerCaches string // cold or warm

	split string // the split file
	half  string // tuning or measuring: only that half's modules
	seed  uint64 // split and sample: the random seed
	per   int    // sample: findings per analyzer

	keep bool // fixcheck: keep the fixed and unfixed copies
}

func main() {
	var opt options
	flag.StringVar(&opt.modules, "modules", "", "comma-separated parts of module paths: only those modules (default: all)")
	flag.StringVar(&opt.list, "list", "corpus/modules.txt", "the pinned module list")
	flag.StringVar(&opt.out, "out", "", "directory for findings and results (default: <cache>/runs/<UTC time>)")
	flag.StringVar(&opt.enable, "enable", "", "comma-separated analyzers for deferlint to run (default: all)")
	flag.IntVar(&opt.rounds, "rounds", 1, "bench: timed runs of each tool per module (the median is reported)")
	flag.StringVar(&opt.tools, "tools", "deferlint,floor,vet,staticcheck,golangci-lint", "bench: the tools to time (also ssafloor: the floor plus the SSA form of every package that could acquire)")
	flag.StringVar(&opt.peerCaches, "peer-caches", "cold", "bench: the analysis caches of deferlint and the peers, cold (emptied before each run) or warm (kept from an untimed first run)")
	flag.StringVar(&opt.split, "split", "corpus/split.txt", "the file recording the tuning and measuring halves")
	flag.StringVar(&opt.half, "half", "", "tuning or measuring: only the modules of that half (default: all)")
	flag.Uint64Var(&opt.seed, "seed", 1, "split and sample: the random seed")
	flag.IntVar(&opt.per, "per", 40, "sample: findings drawn per analyzer")
	flag.BoolVar(&opt.keep, "keep", false, "fixcheck: keep the copies of the modules (default: removed)")
	flag.Usage = usage
	flag.Parse()
	args := flag.Args()
	if len(args) == 0 {
		usage()
		os.Exit(2)
	}
	var err error
	switch cmd := args[0]; {
	case cmd == "diff" && len(args) == 3:
		err = diffRuns(os.Stdout, args[1], args[2])
	case cmd == "split" && len(args) == 1:
		err = splitCommand(&opt)
	case cmd == "sample" && len(args) == 2:
		err = sampleCommand(os.Stdout, &opt, args[1])
	case (cmd == "download" || cmd == "run" || cmd == "bench" || cmd == "fixcheck") && len(args) == 1:
		err = runCommand(cmd, &opt)
	default:
		usage()
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "corpus: %v\n", err)
		os.Exit(1)
	}
}

// runCommand runs download, run, bench or fixcheck over the selected modules.
func runCommand(cmd string, opt *options) error {
	if err := checkRepoRoot(); err != nil {
		return err
	}
	mods, err := readModules(opt.list, opt.modules)
	if err != nil {
		return err
	}
	if opt.half != "" {
		split, err := readSplit(opt.split)
		if err != nil {
			return err
		}
		if mods, err = keepHalf(mods, split, opt.half); err != nil {
			return err
		}
	}
	cache := cacheDir()
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return err
	}
	fmt.Printf("corpus: %d modules in %s\n", len(mods), cache)
	fetched := fetchAll(cache, mods)
	if cmd == "download" {
		return nil
	}

	out := opt.out
	if out == "" {
		out = filepath.Join(cache, "runs", time.Now().UTC().Format("20060102T150405Z"))
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	bin, err := os.MkdirTemp("", "deferlint-corpus-bin-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(bin)
	if err := buildTools(bin); err != nil {
		return err
	}
	if cmd == "fixcheck" {
		if err := fixcheckAll(os.Stdout, bin, out, opt.enable, opt.keep, fetched); err != nil {
			return err
		}
		fmt.Printf("\ncorpus: results in %s\n", out)
		return nil
	}
	if err := runAll(os.Stdout, bin, out, opt.enable, fetched); err != nil {
		return err
	}
	if cmd == "bench" {
		tools, err := selectTools(opt.tools)
		if err != nil {
			return err
		}
		if err := benchAll(os.Stdout, bin, cache, out, opt, tools, fetched); err != nil {
			return err
		}
	}
	fmt.Printf("\ncorpus: results in %s\n", out)
	return nil
}

// splitCommand draws the split of the whole module list and writes the split file.
func splitCommand(opt *options) error {
	if err := checkRepoRoot(); err != nil {
		return err
	}
	mods, err := readModules(opt.list, "")
	if err != nil {
		return err
	}
	f, err := os.Create(opt.split)
	if err != nil {
		return err
	}
	writeSplit(f, mods, drawSplit(mods, opt.seed), opt.seed)
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Printf("corpus: split of %d modules written to %s\n", len(mods), opt.split)
	return nil
}

// sampleCommand draws the sample of a run's findings and writes it beside the run.
func sampleCommand(w io.Writer, opt *options, run string) error {
	split, err := readSplit(opt.split)
	if err != nil {
		return err
	}
	if opt.half != "" && opt.half != tuning && opt.half != measuring {
		return fmt.Errorf("-half %q: want tuning or measuring", opt.half)
	}
	findings, err := readFindings(run)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	sample := drawSample(findings, split, opt.half, opt.per, opt.seed)
	writeSample(&b, sample, countByAnalyzer(findings, split, opt.half), opt.half, opt.seed, opt.per)
	dir := run
	if fi, err := os.Stat(run); err != nil || !fi.IsDir() {
		dir = filepath.Dir(run)
	}
	file := filepath.Join(dir, fmt.Sprintf("sample-%s-%d.txt", orAll(opt.half), opt.seed))
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		return err
	}
	_, err = w.Write(b.Bytes())
	fmt.Fprintf(w, "\ncorpus: sample written to %s\n", file)
	return err
}

// checkRepoRoot makes sure the command runs at the root of the deferlint module,
// where it builds deferlint and the floor from source.
func checkRepoRoot() error {
	data, err := os.ReadFile("go.mod")
	if err != nil || !strings.Contains(string(data), "module github.com/deferlint/deferlint\n") {
		return errors.New("run me from the root of the deferlint module: go run ./corpus/cmd/corpus")
	}
	return nil
}

// cacheDir is where the writable copies of the modules, the peer tools and the runs
// live: $DEFERLINT_CORPUS, by default ~/.cache/deferlint-corpus.
func cacheDir() string {
	if dir := os.Getenv("DEFERLINT_CORPUS"); dir != "" {
		return dir
	}
	home, err := os.UserHomeDir()
	if err != nil {
		home = os.TempDir()
	}
	return filepath.Join(home, ".cache", "deferlint-corpus")
}

// A module is one line of the module list.
type module struct {
	Path, Version string
}

func (m module) String() string { return m.Path + "@" + m.Version }

// Short is the module's last path element without a major-version suffix: "pgx" for
// github.com/jackc/pgx/v5. The tables use it.
func (m module) Short() string {
	elems := strings.Split(m.Path, "/")
	last := elems[len(elems)-1]
	if len(elems) > 1 && len(last) > 1 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
		last = elems[len(elems)-2]
	}
	return last
}

// readModules reads the module list: module@version first on each line, then an
// optional note; # starts a comment. With a filter, only the modules whose path
// contains one of its comma-separated parts are kept.
func readModules(file, filter string) ([]module, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var mods []module
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		path, version, ok := strings.Cut(fields[0], "@")
		if !ok || path == "" || version == "" {
			return nil, fmt.Errorf("%s:%d: want module@version, have %q", file, n, fields[0])
		}
		m := module{path, version}
		if filter == "" || matches(m, filter) {
			mods = append(mods, m)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(mods) == 0 {
		return nil, fmt.Errorf("no module of %s matches -modules %q", file, filter)
	}
	return mods, nil
}

func matches(m module, filter string) bool {
	for part := range strings.SplitSeq(filter, ",") {
		if part = strings.TrimSpace(part); part != "" && strings.Contains(m.Path, part) {
			return true
		}
	}
	return false
}

// buildTools builds deferlint, the floor and the SSA floor from this module into bin.
func buildTools(bin string) error {
	for name, pkg := range map[string]string{"deferlint": "./cmd/deferlint", "floor": "./corpus/floor", "ssafloor": "./corpus/ssafloor"} {
		cmd := exec.Command("go", "build", "-o", filepath.Join(bin, name), pkg)
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("building %s: %v", pkg, err)
		}
	}
	return nil
}

// moduleEnv is the environment of every command run inside a corpus module: the
// local toolchain only (never a download), no workspace, and modules from the module
// cache: a module zip keeps vendor/modules.txt but drops the vendored packages, so a
// copy that has it (mongo-driver) would otherwise fail to load.
//
// deferlint's cache is off (DEFERLINT_CACHE=off): every run does the whole
// analysis, whatever ran before; bench sets a cache of its own (see time).
func moduleEnv() []string {
	return append(os.Environ(), "GOTOOLCHAIN=local", "GOWORK=off", "GOFLAGS=-mod=mod", "DEFERLINT_CACHE=off")
}

// firstLines returns the first n non-empty lines of s, indented, for error reports.
func firstLines(s string, n int) string {
	var b strings.Builder
	for line := range strings.Lines(s) {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if n == 0 {
			b.WriteString("\t...\n")
			break
		}
		b.WriteString("\t" + line)
		if !strings.HasSuffix(line, "\n") {
			b.WriteString("\n")
		}
		n--
	}
	return b.String()
}

// firstLine returns the first non-empty line of s, trimmed.
func firstLine(s string) string {
	for line := range strings.Lines(s) {
		if line = strings.TrimSpace(line); line != "" {
			return line
		}
	}
	return ""
}

// exitCode returns the exit status of a command that ran, -1 for one that did not
// start or was killed by a signal.
func exitCode(cmd *exec.Cmd) int {
	if cmd.ProcessState == nil {
		return -1
	}
	return cmd.ProcessState.ExitCode()
}
