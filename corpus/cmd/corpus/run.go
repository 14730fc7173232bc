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
	"slices"
	"strings"
)

// The files a run writes into its directory.
const (
	findingsFile = "findings.txt" // every deferlint finding, one a line, sorted
	countsFile   = "counts.txt"   // the table of counts printed by run
)

// A result is what deferlint found in one module.
type result struct {
	fetched
	Lines    int
	Findings []string       // lines of the findings file
	Counts   map[string]int // by analyzer
	Err      string         // why the module could not be analysed (or only in part)
}

// runAll runs deferlint over each module, prints the counts per module and analyzer
// and writes every finding to out/findings.txt.
func runAll(w io.Writer, bin, out, enable string, mods []fetched) error {
	names, err := analyzerNames(bin, enable)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\ndeferlint over %d modules (%s)\n", len(mods), strings.Join(names, ", "))
	var results []result
	for _, m := range mods {
		r := runOne(bin, enable, m)
		status := fmt.Sprintf("%d findings", len(r.Findings))
		if r.Err != "" {
			status += ", ERROR:\n" + firstLines(r.Err, 8)
		}
		fmt.Fprintf(w, "  %-50s %s\n", m.module, strings.TrimRight(status, "\n"))
		results = append(results, r)
	}

	var table bytes.Buffer
	writeCounts(&table, names, results)
	fmt.Fprintf(w, "\n%s", table.String())
	if err := os.WriteFile(filepath.Join(out, countsFile), table.Bytes(), 0o644); err != nil {
		return err
	}
	var all []string
	for _, r := range results {
		all = append(all, r.Findings...)
	}
	slices.Sort(all)
	return writeLines(filepath.Join(out, findingsFile), all)
}

// analyzerNames asks deferlint which analyzers it runs (deferlint -list prints one
// name a line, then its summary).
func analyzerNames(bin, enable string) ([]string, error) {
	out, err := exec.Command(filepath.Join(bin, "deferlint"), "-list").Output()
	if err != nil {
		return nil, fmt.Errorf("deferlint -list: %v", err)
	}
	var names []string
	for line := range strings.Lines(string(out)) {
		if fields := strings.Fields(line); len(fields) > 0 {
			if enable == "" || slices.Contains(strings.Split(enable, ","), fields[0]) {
				names = append(names, fields[0])
			}
		}
	}
	return names, nil
}

// runOne runs deferlint -format json ./... in the module's directory. Exit status 2
// with findings on stdout means some packages did not load: the findings are kept
// and the error is recorded.
func runOne(bin, enable string, m fetched) result {
	r := result{fetched: m, Counts: make(map[string]int)}
	if m.Err != nil {
		r.Err = m.Err.Error()
		return r
	}
	r.Lines = goLines(m.Dir)
	args := []string{"-format", "json"}
	if enable != "" {
		args = append(args, "-enable", enable)
	}
	cmd := exec.Command(filepath.Join(bin, "deferlint"), append(args, "./...")...)
	cmd.Dir = m.Dir
	cmd.Env = moduleEnv()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	found, parseErr := parseDeferlint(stdout.Bytes())
	switch {
	case parseErr != nil:
		r.Err = fmt.Sprintf("%v (%v)\n%s", runErr, parseErr, stderr.String())
	case runErr != nil && exitCode(cmd) != 1:
		r.Err = fmt.Sprintf("%v\n%s", runErr, stderr.String())
	}
	for _, f := range found {
		r.Counts[f.Analyzer]++
		r.Findings = append(r.Findings, f.line(m.module))
	}
	return r
}

// deferlintFinding is the part of deferlint's JSON output (docs/output.md) the
// corpus uses.
type deferlintFinding struct {
	Analyzer string `json:"analyzer"`
	Posn     struct {
		File   string `json:"file"`
		Line   int    `json:"line"`
		Column int    `json:"column"`
	} `json:"posn"`
	Message        string            `json:"message"`
	SuggestedFixes []json.RawMessage `json:"suggested_fixes"` // fixcheck counts them
}

func parseDeferlint(out []byte) ([]deferlintFinding, error) {
	var doc struct {
		Findings []deferlintFinding `json:"findings"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		return nil, fmt.Errorf("reading deferlint's JSON: %v", err)
	}
	return doc.Findings, nil
}

// line is the finding as a line of the findings file: module, analyzer, position
// relative to the module's root, message. Sorted, the lines of two runs diff cleanly.
func (f deferlintFinding) line(m module) string {
	msg := strings.ReplaceAll(f.Message, "\n", " ")
	return fmt.Sprintf("%s %s %s:%d:%d: %s", m, f.Analyzer, filepath.ToSlash(f.Posn.File), f.Posn.Line, f.Posn.Column, msg)
}

// writeCounts writes the table of findings: one row per analyzer, one column per
// module, then the total; and a row of lines of Go.
func writeCounts(w io.Writer, names []string, results []result) {
	width := len("lines of Go")
	for _, n := range names {
		width = max(width, len(n))
	}
	fmt.Fprintf(w, "%-*s", width, "findings")
	for _, r := range results {
		fmt.Fprintf(w, " %*s", colWidth(r), r.Short())
	}
	fmt.Fprintf(w, " %8s\n", "total")
	row := func(label string, cell func(result) string, total int) {
		fmt.Fprintf(w, "%-*s", width, label)
		for _, r := range results {
			fmt.Fprintf(w, " %*s", colWidth(r), cell(r))
		}
		fmt.Fprintf(w, " %8d\n", total)
	}
	for _, name := range names {
		total := 0
		for _, r := range results {
			total += r.Counts[name]
		}
		row(name, func(r result) string {
			if r.Err != "" && len(r.Findings) == 0 {
				return "error"
			}
			return fmt.Sprint(r.Counts[name])
		}, total)
	}
	lines, all := 0, 0
	for _, r := range results {
		lines += r.Lines
		all += len(r.Findings)
	}
	row("all", func(r result) string { return fmt.Sprint(len(r.Findings)) }, all)
	row("lines of Go", func(r result) string { return fmt.Sprint(r.Lines) }, lines)
	for _, r := range results {
		if r.Err != "" {
			fmt.Fprintf(w, "%s: incomplete: %s\n", r.module, firstLine(r.Err))
		}
	}
}

func colWidth(r result) int { return max(len(r.Short()), 7) }

func writeLines(file string, lines []string) error {
	var b bytes.Buffer
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	return os.WriteFile(file, b.Bytes(), 0o644)
}

// diffRuns prints the findings that vanished (-) and appeared (+) between two runs,
// each a run directory or a findings file, then the counts per analyzer.
func diffRuns(w io.Writer, oldRun, newRun string) error {
	old, err := readFindings(oldRun)
	if err != nil {
		return err
	}
	cur, err := readFindings(newRun)
	if err != nil {
		return err
	}
	gone, added := make(map[string]int), make(map[string]int)
	for _, l := range old {
		if _, ok := slices.BinarySearch(cur, l); !ok {
			fmt.Fprintf(w, "- %s\n", l)
			gone[analyzerOf(l)]++
		}
	}
	for _, l := range cur {
		if _, ok := slices.BinarySearch(old, l); !ok {
			fmt.Fprintf(w, "+ %s\n", l)
			added[analyzerOf(l)]++
		}
	}
	var names []string
	for n := range gone {
		names = append(names, n)
	}
	for n := range added {
		if gone[n] == 0 {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	fmt.Fprintf(w, "\n%d findings before, %d after\n", len(old), len(cur))
	for _, n := range names {
		fmt.Fprintf(w, "  %-20s -%d +%d\n", n, gone[n], added[n])
	}
	return nil
}

func readFindings(path string) ([]string, error) {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		path = filepath.Join(path, findingsFile)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if l := sc.Text(); l != "" {
			lines = append(lines, l)
		}
	}
	slices.Sort(lines)
	return slices.Compact(lines), sc.Err()
}

// analyzerOf returns the analyzer of a findings-file line.
func analyzerOf(line string) string {
	fields := strings.SplitN(line, " ", 3)
	if len(fields) < 2 {
		return "?"
	}
	return fields[1]
}
