package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The peers, pinned. go vet is the toolchain's own.
const (
	staticcheckPkg     = "honnef.co/go/tools/cmd/staticcheck@v0.8.2"
	golangciLintPkg    = "github.com/golangci/golangci-lint/v2/cmd/golangci-lint@v2.15.0"
	staticcheckChecks  = "SA5001,SA9001,SA5003,SA2000,SA1015"
	benchFile          = "bench.txt"  // the timing tables printed by bench
	benchJSONFile      = "bench.json" // every measurement
	golangciConfigFile = "golangci.yml"
)

// vetFlags restricts go vet to the bug classes deferlint covers.
var vetFlags = []string{"-lostcancel", "-loopclosure", "-defers", "-httpresponse", "-waitgroup"}

// golangciConfig enables only the golangci-lint linters for deferlint's bug classes.
const golangciConfig = `version: "2"
run:
  tests: true
linters:
  default: none
  enable: [bodyclose, sqlclosecheck, rowserrcheck, gocritic, revive]
  settings:
    gocritic:
      disable-all: true
      enabled-checks: [deferInLoop]
    revive:
      rules:
        - name: defer
issues:
  max-issues-per-linter: 0
  max-same-issues: 0
  uniq-by-line: false
output:
  path-mode: abs
`

// toolNames are the tools bench can time, in the order of its tables.
var toolNames = []string{"deferlint", "floor", "ssafloor", "vet", "staticcheck", "golangci-lint"}

func selectTools(list string) ([]string, error) {
	var tools []string
	for name := range strings.SplitSeq(list, ",") {
		if name = strings.TrimSpace(name); name == "" {
			continue
		}
		if !slices.Contains(toolNames, name) {
			return nil, fmt.Errorf("-tools: unknown tool %q (have %s)", name, strings.Join(toolNames, ", "))
		}
		tools = append(tools, name)
	}
	return tools, nil
}

// A bench holds what the timed runs need: the binaries, and the run counter that
// keeps the peers' analysis caches cold.
type bench struct {
	bin, out    string
	staticcheck string // the installed binaries of the peers
	golangci    string
	enable      string
	warmPeers   string // with -peer-caches warm: the peers' cache directories
	runs        int
}

// A measurement is one timed run of one tool over one module.
type measurement struct {
	Module   string  `json:"module"`
	Tool     string  `json:"tool"`
	Round    int     `json:"round"`
	Wall     float64 `json:"wall_seconds"`
	CPU      float64 `json:"cpu_seconds"`
	PeakKB   int     `json:"peak_rss_kb"`
	Findings int     `json:"findings"`
	Err      string  `json:"error,omitempty"`
	lines    []string
}

// benchAll times each tool over each module, rounds times, alternating the order of
// the tools from one module and round to the next; it prints and writes the tables
// and writes each tool's findings to findings-<tool>.txt.
func benchAll(w io.Writer, bin, cache, out string, opt *options, tools []string, mods []fetched) error {
	b := &bench{bin: bin, out: out, enable: opt.enable}
	if err := b.installPeers(cache, tools); err != nil {
		return err
	}
	rounds := max(opt.rounds, 1)
	switch opt.peerCaches {
	case "cold":
	case "warm":
		b.warmPeers = filepath.Join(cache, ".tools", "caches")
	default:
		return fmt.Errorf("-peer-caches: want cold or warm, have %q", opt.peerCaches)
	}
	fmt.Fprintf(w, "\nbench: %s, %d round(s), tools alternating, peers' analysis caches %s\n",
		strings.Join(tools, ", "), rounds, opt.peerCaches)
	var all []measurement
	found := make(map[string][]string) // by tool
	for i, m := range mods {
		if m.Err != nil {
			fmt.Fprintf(w, "  %-50s skipped: %v\n", m.module, m.Err)
			continue
		}
		b.warm(m, tools)
		for r := range rounds {
			order := slices.Clone(tools)
			k := (i + r) % len(order)
			order = append(order[k:], order[:k]...)
			for _, t := range order {
				ms := b.time(t, m)
				ms.Round = r
				fmt.Fprintf(w, "  %-50s %-14s %7.1fs wall %7.1fs cpu %6d MiB %5d findings%s\n",
					m.module, t, ms.Wall, ms.CPU, ms.PeakKB/1024, ms.Findings, errNote(ms.Err))
				if r == 0 {
					found[t] = append(found[t], ms.lines...)
				}
				all = append(all, ms)
			}
		}
	}

	var report bytes.Buffer
	writeBenchReport(&report, tools, mods, all)
	fmt.Fprintf(w, "\n%s", report.String())
	if err := os.WriteFile(filepath.Join(out, benchFile), report.Bytes(), 0o644); err != nil {
		return err
	}
	data, err := json.MarshalIndent(all, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, benchJSONFile), data, 0o644); err != nil {
		return err
	}
	for t, lines := range found {
		slices.Sort(lines)
		if err := writeLines(filepath.Join(out, "findings-"+t+".txt"), lines); err != nil {
			return err
		}
	}
	return nil
}

func errNote(err string) string {
	if err == "" {
		return ""
	}
	return "  ERROR: " + firstLine(err)
}

// installPeers installs the pinned peers with go install into the cache (never into
// the repository), once, and writes the golangci-lint configuration.
func (b *bench) installPeers(cache string, tools []string) error {
	install := func(pkg string) (string, error) {
		name, version, _ := strings.Cut(filepath.Base(pkg), "@")
		dir := filepath.Join(cache, ".tools", name+"@"+version)
		exe := filepath.Join(dir, name)
		if _, err := os.Stat(exe); err == nil {
			return exe, nil
		}
		fmt.Printf("bench: go install %s (once; golangci-lint takes minutes)\n", pkg)
		cmd := exec.Command("go", "install", pkg)
		cmd.Env = append(os.Environ(), "GOBIN="+dir, "GOTOOLCHAIN=local", "GOWORK=off")
		cmd.Dir = os.TempDir() // outside any module
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return "", fmt.Errorf("go install %s: %v", pkg, err)
		}
		return exe, nil
	}
	var err error
	if slices.Contains(tools, "staticcheck") {
		if b.staticcheck, err = install(staticcheckPkg); err != nil {
			return err
		}
	}
	if slices.Contains(tools, "golangci-lint") {
		if b.golangci, err = install(golangciLintPkg); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(b.out, golangciConfigFile), []byte(golangciConfig), 0o644)
}

// warm fills the build cache with everything the tools need compiled (the export
// data of every dependency, tests included), so that no timed run pays for it. With
// -peer-caches warm it also runs each peer once, untimed, to fill its cache.
func (b *bench) warm(m fetched, tools []string) {
	cmd := exec.Command("go", "list", "-e", "-export", "-deps", "-test", "./...")
	cmd.Dir = m.Dir
	cmd.Env = moduleEnv()
	cmd.Run() // errors show in the timed runs
	if b.warmPeers == "" {
		return
	}
	for _, t := range tools {
		if t != "floor" && t != "ssafloor" {
			b.time(t, m)
		}
	}
}

// time runs tool t over module m under GNU time and reads its findings.
//
// Every tool has a warm build cache. By default every tool also starts with a cold
// analysis cache: deferlint, staticcheck and golangci-lint get an empty cache
// directory; go vet, which caches its results in the build cache, gets a
// -printf.funcs value of its own (a setting of a disabled analyzer, so without
// effect) that changes its cache keys. With -peer-caches warm they keep their
// caches from one run to the next instead (filled by an untimed run first). The
// floors keep no cache.
func (b *bench) time(t string, m fetched) measurement {
	b.runs++
	ms := measurement{Module: m.String(), Tool: t}
	scratch, err := os.MkdirTemp("", "deferlint-bench-")
	if err != nil {
		ms.Err = err.Error()
		return ms
	}
	defer os.RemoveAll(scratch)
	peerCache := func(name string) string {
		if b.warmPeers != "" {
			return filepath.Join(b.warmPeers, name)
		}
		return scratch
	}
	vetBust := fmt.Sprintf("-printf.funcs=deferlintcorpus%d_%d", os.Getpid(), b.runs)
	if b.warmPeers != "" {
		vetBust = "-printf.funcs=deferlintcorpus"
	}
	env := moduleEnv()
	var argv []string
	var parse func(stdout, stderr []byte) ([]string, error)
	switch t {
	case "deferlint", "floor", "ssafloor":
		argv = []string{filepath.Join(b.bin, t), "-format", "json"}
		if t == "deferlint" && b.enable != "" {
			argv = append(argv, "-enable", b.enable)
		}
		if t == "deferlint" {
			env = append(env, "DEFERLINT_CACHE="+peerCache("deferlint")) // the last value counts
		}
		parse = parseDeferlintLines
	case "vet":
		argv = append([]string{"go", "vet", vetBust}, vetFlags...)
		parse = parseVet
	case "staticcheck":
		argv = []string{b.staticcheck, "-checks", staticcheckChecks, "-f", "json"}
		env = append(env, "STATICCHECK_CACHE="+peerCache("staticcheck"))
		parse = parseStaticcheck
	case "golangci-lint":
		argv = []string{b.golangci, "run", "--config", filepath.Join(b.out, golangciConfigFile),
			"--output.json.path", "stdout", "--show-stats=false", "--allow-parallel-runners"}
		env = append(env, "GOLANGCI_LINT_CACHE="+peerCache("golangci-lint"))
		parse = parseGolangci
	}
	timeFile := filepath.Join(scratch, "time")
	args := append([]string{"-f", "%e %U %S %M", "-o", timeFile}, append(argv, "./...")...)
	cmd := exec.Command("/usr/bin/time", args...)
	cmd.Dir = m.Dir
	cmd.Env = env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	if err := readTime(timeFile, &ms); err != nil {
		ms.Err = fmt.Sprintf("reading GNU time's output: %v", err)
	}
	lines, parseErr := parse(stdout.Bytes(), stderr.Bytes())
	switch {
	case parseErr != nil:
		ms.Err = fmt.Sprintf("%v (%v)\n%s", parseErr, runErr, stderr.String())
	case runErr != nil && exitCode(cmd) != 1:
		ms.Err = fmt.Sprintf("%v\n%s", runErr, stderr.String())
	}
	for _, l := range lines {
		ms.lines = append(ms.lines, m.String()+" "+strings.ReplaceAll(l, m.Dir+string(filepath.Separator), ""))
	}
	ms.Findings = len(lines)
	return ms
}

// readTime reads GNU time's "%e %U %S %M": wall, user and system seconds, peak
// resident set in KB (of the largest process, for tools that run several).
func readTime(file string, ms *measurement) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	fields := strings.Fields(lines[len(lines)-1]) // after "Command exited with non-zero status N"
	if len(fields) != 4 {
		return fmt.Errorf("unexpected %q", data)
	}
	var v [3]float64
	for i := range v {
		if v[i], err = strconv.ParseFloat(fields[i], 64); err != nil {
			return err
		}
	}
	ms.Wall, ms.CPU = v[0], v[1]+v[2]
	ms.PeakKB, err = strconv.Atoi(fields[3])
	return err
}

// The parsers return each tool's findings as "[check] file:line:col: message".

func parseDeferlintLines(stdout, _ []byte) ([]string, error) {
	found, err := parseDeferlint(stdout)
	var lines []string
	for _, f := range found {
		lines = append(lines, fmt.Sprintf("%s %s:%d:%d: %s", f.Analyzer, f.Posn.File, f.Posn.Line, f.Posn.Column, oneLine(f.Message)))
	}
	return lines, err
}

// vetLine matches a diagnostic of go vet on its standard error.
var vetLine = regexp.MustCompile(`^(\S+\.go):(\d+):(\d+): (.*)$`)

// parseVet reads go vet's diagnostics; a package and its test variant can report
// the same one, so they are de-duplicated.
func parseVet(_, stderr []byte) ([]string, error) {
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(stderr))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if m := vetLine.FindStringSubmatch(sc.Text()); m != nil {
			lines = append(lines, fmt.Sprintf("vet %s:%s:%s: %s", strings.TrimPrefix(m[1], "./"), m[2], m[3], m[4]))
		}
	}
	slices.Sort(lines)
	return slices.Compact(lines), sc.Err()
}

// parseStaticcheck reads staticcheck -f json: one object a line. Objects whose code
// is not a check's (compile errors) are not findings.
func parseStaticcheck(stdout, _ []byte) ([]string, error) {
	var lines []string
	dec := json.NewDecoder(bytes.NewReader(stdout))
	for dec.More() {
		var p struct {
			Code     string `json:"code"`
			Location struct {
				File   string `json:"file"`
				Line   int    `json:"line"`
				Column int    `json:"column"`
			} `json:"location"`
			Message string `json:"message"`
		}
		if err := dec.Decode(&p); err != nil {
			return lines, fmt.Errorf("reading staticcheck's JSON: %v", err)
		}
		if strings.HasPrefix(p.Code, "SA") {
			lines = append(lines, fmt.Sprintf("%s %s:%d:%d: %s", p.Code, p.Location.File, p.Location.Line, p.Location.Column, oneLine(p.Message)))
		}
	}
	return lines, nil
}

// parseGolangci reads golangci-lint's JSON report.
func parseGolangci(stdout, _ []byte) ([]string, error) {
	var report struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename     string
				Line, Column int
			}
		}
	}
	if err := json.Unmarshal(stdout, &report); err != nil {
		return nil, fmt.Errorf("reading golangci-lint's JSON: %v", err)
	}
	var lines []string
	for _, i := range report.Issues {
		lines = append(lines, fmt.Sprintf("%s %s:%d:%d: %s", i.FromLinter, i.Pos.Filename, i.Pos.Line, i.Pos.Column, oneLine(i.Text)))
	}
	return lines, nil
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }

// A total sums one tool's runs over the corpus: wall and CPU time add up, peak
// memory is the largest of any module.
type total struct {
	wall, cpu float64
	peakKB    int
	findings  int
	modules   int
}

// writeBenchReport writes, per module, the median of each tool's rounds; then the
// totals over the modules every tool completed, and the ratios to the goals.
func writeBenchReport(w io.Writer, tools []string, mods []fetched, all []measurement) {
	fmt.Fprintf(w, "Benchmark of %s on %s\n\n", time.Now().UTC().Format("2006-01-02 15:04 UTC"), machine())
	fmt.Fprintf(w, "%-16s %-14s %8s %8s %9s %9s\n", "module", "tool", "wall s", "cpu s", "peak MiB", "findings")
	totals := make(map[string]*total)
	for _, t := range tools {
		totals[t] = new(total)
	}
	for _, m := range mods {
		medians := make(map[string]measurement)
		complete := true
		for _, t := range tools {
			med, ok := median(all, m.String(), t)
			medians[t] = med
			complete = complete && ok
		}
		for i, t := range tools {
			med := medians[t]
			name := ""
			if i == 0 {
				name = m.Short()
			}
			if med.Tool == "" {
				fmt.Fprintf(w, "%-16s %-14s %8s\n", name, t, "skipped")
				continue
			}
			fmt.Fprintf(w, "%-16s %-14s %8.1f %8.1f %9d %9d%s\n", name, t, med.Wall, med.CPU, med.PeakKB/1024, med.Findings, errNote(med.Err))
			if !complete {
				continue // totals compare like with like
			}
			tt := totals[t]
			tt.wall += med.Wall
			tt.cpu += med.CPU
			tt.peakKB = max(tt.peakKB, med.PeakKB)
			tt.findings += med.Findings
			tt.modules++
		}
	}

	fmt.Fprintf(w, "\n%-16s %-14s %8s %8s %9s %9s\n", "total", "tool", "wall s", "cpu s", "peak MiB", "findings")
	for _, t := range tools {
		tt := totals[t]
		fmt.Fprintf(w, "%-16s %-14s %8.1f %8.1f %9d %9d\n", fmt.Sprintf("%d modules", tt.modules), t, tt.wall, tt.cpu, tt.peakKB/1024, tt.findings)
	}

	d, ok := totals["deferlint"]
	if !ok || d.wall == 0 {
		return
	}
	fmt.Fprintf(w, "\n%-28s %8s %8s %9s\n", "ratio", "wall", "cpu", "peak")
	for _, t := range tools {
		if t == "deferlint" || totals[t].wall == 0 {
			continue
		}
		p := totals[t]
		goal := "goal: faster than the peer"
		met := d.wall < p.wall
		if t == "floor" {
			goal = "goal: wall ≤ 1.3, peak ≤ 1.5"
			met = d.wall <= 1.3*p.wall && float64(d.peakKB) <= 1.5*float64(p.peakKB)
		}
		verdict := "met"
		if !met {
			verdict = "MISSED"
		}
		fmt.Fprintf(w, "%-28s %8.2f %8.2f %9.2f   %s: %s\n", "deferlint / "+t,
			d.wall/p.wall, d.cpu/p.cpu, float64(d.peakKB)/float64(p.peakKB), goal, verdict)
	}
}

// median returns the run of tool over module with the median wall time, with the
// median CPU time and peak memory of the rounds; ok is false when a run failed or
// is missing.
func median(all []measurement, mod, tool string) (measurement, bool) {
	var runs []measurement
	for _, ms := range all {
		if ms.Module == mod && ms.Tool == tool {
			runs = append(runs, ms)
		}
	}
	if len(runs) == 0 {
		return measurement{}, false
	}
	ok := true
	var walls, cpus []float64
	var peaks []int
	for _, r := range runs {
		ok = ok && r.Err == ""
		walls, cpus, peaks = append(walls, r.Wall), append(cpus, r.CPU), append(peaks, r.PeakKB)
	}
	slices.Sort(walls)
	slices.Sort(cpus)
	slices.Sort(peaks)
	med := runs[0]
	med.Wall, med.CPU, med.PeakKB = walls[len(walls)/2], cpus[len(cpus)/2], peaks[len(peaks)/2]
	return med, ok
}

// machine describes the machine: CPU model and count, memory.
func machine() string {
	model, cpus := "unknown CPU", 0
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for line := range strings.Lines(string(data)) {
			k, v, ok := strings.Cut(line, ":")
			switch k = strings.TrimSpace(k); {
			case ok && k == "model name":
				model = strings.TrimSpace(v)
				cpus++
			}
		}
	}
	mem := ""
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		if f := strings.Fields(string(data)); len(f) > 1 {
			if kb, err := strconv.Atoi(f[1]); err == nil {
				mem = fmt.Sprintf(", %.0f GiB", float64(kb)/(1<<20))
			}
		}
	}
	return fmt.Sprintf("%d × %s%s, %s", cpus, model, mem, goVersion())
}

func goVersion() string {
	out, err := exec.Command("go", "env", "GOVERSION").Output()
	if err != nil {
		return "go ?"
	}
	return strings.TrimSpace(string(out))
}
