package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
)

// fixcheck answers issue #12, "suggested fixes on false findings break code": it
// applies deferlint's fixes to a copy of each module and checks that what built,
// vetted and passed its tests before still does after.
const (
	fixcheckFile = "fixcheck.txt" // the table fixcheck prints
	fixesDir     = "fixes"        // the patches, one per module, for a human to read

	testTimeout  = 4 * time.Minute // go test -timeout
	testDeadline = testTimeout + 2*time.Minute
	goDeadline   = 30 * time.Minute // go build and go vet of a whole module
)

// An outcome is what one check (build, vet, or the tests of a package) gave.
type outcome string

const (
	pass    outcome = "pass"
	fail    outcome = "fail"
	timeout outcome = "timeout"
	noTests outcome = "no tests"
)

// A check is one command run before and after the fixes.
type check struct {
	Name          string   // build, vet, or test ./dir
	Before, After outcome  // of the untouched copy, of the fixed copy
	FailedBefore  []string // go test: the tests that failed before
	New           []string // what fails after and did not before (see newFailures)
	Output        string   // the first lines of the fixed copy's output when it regressed
}

// regressed reports whether the fixes broke the check: it passed before and fails or
// hangs after; or it failed before and fails after with something new (an error at
// a place or a failing test that was not there before: New); or it hangs only after.
func (c check) regressed() bool {
	switch c.After {
	case fail:
		return c.Before == pass || len(c.New) > 0
	case timeout:
		return c.Before != timeout
	}
	return false
}

// A fixResult is what fixcheck learnt about one module.
type fixResult struct {
	module
	Err    string         // why the module could not be checked
	Note   string         // what deferlint said when some packages did not load
	Fixes  map[string]int // findings with a suggested fix, by analyzer
	Hunks  int            // of the patch
	Files  int            // changed by -fix
	Checks []check
}

func (r fixResult) fixes() int {
	n := 0
	for _, k := range r.Fixes {
		n += k
	}
	return n
}

func (r fixResult) regressions() int {
	n := 0
	for _, c := range r.Checks {
		if c.regressed() {
			n++
		}
	}
	return n
}

// fixcheckAll checks the fixes of each module, prints a line per module as it goes,
// then prints the table and writes it, with the patches, into out.
func fixcheckAll(w io.Writer, bin, out, enable string, keep bool, mods []fetched) error {
	if err := os.MkdirAll(filepath.Join(out, fixesDir), 0o755); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nfixcheck: deferlint -fix on a copy of each of %d modules; build, vet and tests before and after\n", len(mods))
	var results []fixResult
	for _, m := range mods {
		r := fixcheckOne(w, bin, out, enable, keep, m)
		status := fmt.Sprintf("%d fixes in %d files, %d regressions", r.fixes(), r.Files, r.regressions())
		if r.Err != "" {
			status = "ERROR:\n" + firstLines(r.Err, 8)
		}
		fmt.Fprintf(w, "  %-50s %s\n", m.module, strings.TrimRight(status, "\n"))
		results = append(results, r)
	}
	var table bytes.Buffer
	writeFixcheck(&table, results)
	fmt.Fprintf(w, "\n%s", table.String())
	return os.WriteFile(filepath.Join(out, fixcheckFile), table.Bytes(), 0o644)
}

// fixcheckOne copies the module twice into a temporary directory (the module's copy
// in the cache is shared and never edited), applies the fixes to one copy, and runs
// the checks on both: go build and go vet (which compiles the tests) of the module,
// go test -short of each package the fixes changed.
func fixcheckOne(w io.Writer, bin, out, enable string, keep bool, m fetched) fixResult {
	r := fixResult{module: m.module, Fixes: make(map[string]int)}
	if m.Err != nil {
		r.Err = m.Err.Error()
		return r
	}
	tmp, err := os.MkdirTemp("", "deferlint-fixcheck-")
	if err != nil {
		r.Err = err.Error()
		return r
	}
	if keep {
		fmt.Fprintf(w, "  %-50s copies kept in %s\n", m.module, tmp)
	} else {
		defer os.RemoveAll(tmp)
	}
	// Both copies have the base name of the original, for tests that look at it.
	before := filepath.Join(tmp, "before", filepath.Base(m.Dir))
	after := filepath.Join(tmp, "after", filepath.Base(m.Dir))
	for _, dir := range []string{before, after} {
		if err := copyTree(m.Dir, dir); err != nil {
			r.Err = fmt.Sprintf("copying %s: %v", m.Dir, err)
			return r
		}
	}
	if err := applyDeferlintFixes(&r, bin, enable, after, filepath.Join(out, fixesDir, m.String()+".diff")); err != nil {
		r.Err = err.Error()
		return r
	}
	changed, err := diffTrees(before, after)
	if err != nil {
		r.Err = err.Error()
		return r
	}
	r.Files = len(changed)
	if len(changed) == 0 {
		return r // nothing changed, nothing to check
	}
	r.Checks = append(r.Checks,
		runCheck("build", before, after, goDeadline, "go", "build", "./..."),
		runCheck("vet", before, after, goDeadline, "go", "vet", "./..."))
	for _, pkg := range changedPackages(changed) {
		goTest := []string{"go", "test", "-count=1", "-short", "-timeout", testTimeout.String()}
		c := runCheck("test "+pkg, before, after, testDeadline, append(goTest, pkg)...)
		r.Checks = append(r.Checks, c)
		// A test that fails before (often one that needs a service, or a panic that
		// ends the test binary) hides the tests after it: run the package again
		// without the tests that failed before, so that the others are compared too.
		if skip := skipPattern(c.FailedBefore); skip != "" {
			name := fmt.Sprintf("test %s (%d failing skipped)", pkg, len(c.FailedBefore))
			r.Checks = append(r.Checks, runCheck(name, before, after, testDeadline, append(goTest, "-skip", skip, pkg)...))
		}
	}
	return r
}

// skipPattern is the go test -skip pattern that skips the tests named, or "".
func skipPattern(tests []string) string {
	var quoted []string
	for _, t := range tests {
		top, _, _ := strings.Cut(t, "/") // a failing subtest fails its parent too
		quoted = append(quoted, regexp.QuoteMeta(top))
	}
	slices.Sort(quoted)
	if quoted = slices.Compact(quoted); len(quoted) == 0 {
		return ""
	}
	return "^(" + strings.Join(quoted, "|") + ")$"
}

// applyDeferlintFixes runs deferlint three times in dir: -format json to count the
// fixes each analyzer suggests, -diff to write the patch to diffFile, -fix to apply
// it. Exit status 2 (some packages did not load) is noted and the others go on.
func applyDeferlintFixes(r *fixResult, bin, enable, dir, diffFile string) error {
	run := func(mode ...string) ([]byte, error) {
		args := mode
		if enable != "" {
			args = append(args, "-enable", enable)
		}
		cmd := exec.Command(filepath.Join(bin, "deferlint"), append(args, "./...")...)
		cmd.Dir = dir
		cmd.Env = moduleEnv()
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		switch code := exitCode(cmd); code {
		case 0, 1:
			return stdout.Bytes(), nil
		case 2:
			if r.Note == "" {
				r.Note = firstLine(stderr.String())
			}
			return stdout.Bytes(), nil
		default:
			return nil, fmt.Errorf("deferlint %s: %v\n%s", strings.Join(mode, " "), err, stderr.String())
		}
	}
	out, err := run("-format", "json")
	if err != nil {
		return err
	}
	found, err := parseDeferlint(out)
	if err != nil {
		return err
	}
	for _, f := range found {
		if len(f.SuggestedFixes) > 0 {
			r.Fixes[f.Analyzer]++
		}
	}
	patch, err := run("-diff")
	if err != nil {
		return err
	}
	r.Hunks = countHunks(string(patch))
	if err := os.MkdirAll(filepath.Dir(diffFile), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(diffFile, patch, 0o644); err != nil {
		return err
	}
	_, err = run("-fix")
	return err
}

// countHunks counts the hunks of a unified diff.
func countHunks(patch string) int {
	n := 0
	for line := range strings.Lines(patch) {
		if strings.HasPrefix(line, "@@ ") {
			n++
		}
	}
	return n
}

// diffTrees returns the regular files, as slash-separated paths relative to the
// roots, whose bytes differ between the trees a and b or that are in only one.
func diffTrees(a, b string) ([]string, error) {
	filesA, err := regularFiles(a)
	if err != nil {
		return nil, err
	}
	filesB, err := regularFiles(b)
	if err != nil {
		return nil, err
	}
	var changed []string
	for rel := range filesA {
		if !filesB[rel] {
			changed = append(changed, rel)
			continue
		}
		same, err := sameBytes(filepath.Join(a, rel), filepath.Join(b, rel))
		if err != nil {
			return nil, err
		}
		if !same {
			changed = append(changed, rel)
		}
	}
	for rel := range filesB {
		if !filesA[rel] {
			changed = append(changed, rel)
		}
	}
	slices.Sort(changed)
	return changed, nil
}

// regularFiles returns the set of regular files below root, relative and
// slash-separated.
func regularFiles(root string) (map[string]bool, error) {
	files := make(map[string]bool)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		rel, err := filepath.Rel(root, p)
		files[filepath.ToSlash(rel)] = true
		return err
	})
	return files, err
}

func sameBytes(a, b string) (bool, error) {
	dataA, err := os.ReadFile(a)
	if err != nil {
		return false, err
	}
	dataB, err := os.ReadFile(b)
	if err != nil {
		return false, err
	}
	return bytes.Equal(dataA, dataB), nil
}

// changedPackages returns the package patterns ("." or "./dir") of the directories
// of the changed .go files, sorted.
func changedPackages(files []string) []string {
	var pkgs []string
	for _, f := range files {
		if !strings.HasSuffix(f, ".go") {
			continue
		}
		pkg := "."
		if dir := path.Dir(f); dir != "." {
			pkg = "./" + dir
		}
		pkgs = append(pkgs, pkg)
	}
	slices.Sort(pkgs)
	return slices.Compact(pkgs)
}

// runCheck runs the command in both copies and compares what they gave.
func runCheck(name, before, after string, deadline time.Duration, argv ...string) check {
	test := strings.HasPrefix(name, "test ")
	c := check{Name: name}
	outBefore, okBefore, hungBefore := runLimited(before, deadline, argv...)
	outAfter, okAfter, hungAfter := runLimited(after, deadline, argv...)
	c.Before = outcomeOf(test, outBefore, okBefore, hungBefore)
	c.After = outcomeOf(test, outAfter, okAfter, hungAfter)
	c.New = newFailures(test, outBefore, outAfter)
	if test {
		c.FailedBefore = failures(test, outBefore)
	}
	if c.regressed() {
		c.Output = firstLines(outAfter, 12)
	}
	return c
}

// runLimited runs argv in dir with the modules' environment, killed when the
// deadline passes. It returns the combined output, whether the command succeeded and
// whether it was killed. Killing the go command leaves a test binary it started
// running, but only until the binary's own -timeout, which is shorter; WaitDelay
// keeps such an orphan, which holds the output pipe, from blocking the wait.
func runLimited(dir string, deadline time.Duration, argv ...string) (out string, ok, killed bool) {
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Dir = dir
	cmd.Env = moduleEnv()
	cmd.WaitDelay = 10 * time.Second
	var b bytes.Buffer
	cmd.Stdout, cmd.Stderr = &b, &b
	err := cmd.Run()
	if err != nil && exitCode(cmd) == -1 && ctx.Err() == nil {
		fmt.Fprintf(&b, "%s: %v\n", argv[0], err) // did not start
	}
	return b.String(), err == nil, ctx.Err() != nil
}

// outcomeOf names the outcome of a command. A test binary that reaches its -timeout
// panics with "test timed out": that is a timeout, not a failure.
func outcomeOf(test bool, out string, ok, killed bool) outcome {
	switch {
	case killed:
		return timeout
	case ok && test && strings.Contains(out, "[no test files]"):
		return noTests
	case ok:
		return pass
	case test && strings.Contains(out, "panic: test timed out"):
		return timeout
	}
	return fail
}

// testFailure matches the line go test prints for each failing test.
var testFailure = regexp.MustCompile(`^\s*--- FAIL: (\S+)`)

// newFailures returns what fails in the output after and did not in the output
// before: for go build and go vet each error as file and message, without its
// position, which the fixes may have moved; for go test each failing test.
func newFailures(test bool, before, after string) []string {
	seen := failures(test, before)
	var added []string
	for _, f := range failures(test, after) {
		if !slices.Contains(seen, f) {
			added = append(added, f)
		}
	}
	return added
}

func failures(test bool, out string) []string {
	var all []string
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if test {
			if m := testFailure.FindStringSubmatch(sc.Text()); m != nil {
				all = append(all, m[1])
			}
		} else if m := vetLine.FindStringSubmatch(sc.Text()); m != nil {
			all = append(all, m[1]+": "+m[4])
		}
	}
	slices.Sort(all)
	return slices.Compact(all)
}

// writeFixcheck writes the fixes per module, the checks of the modules that had any,
// the regressions with the output that shows them, and the summary line.
func writeFixcheck(out io.Writer, results []fixResult) {
	var w bytes.Buffer
	fmt.Fprintf(&w, "fixes: findings with a suggested fix; hunks: of deferlint -diff; files: changed by deferlint -fix\n")
	fmt.Fprintf(&w, "%-16s %6s %6s %6s  %s\n", "module", "fixes", "hunks", "files", "fixes by analyzer")
	fixes, unchecked := 0, 0
	for _, r := range results {
		if r.Err != "" {
			unchecked++
			fmt.Fprintf(&w, "%-16s error: %s\n", r.Short(), firstLine(r.Err))
			continue
		}
		fixes += r.fixes()
		var by []string
		for _, a := range slices.Sorted(maps.Keys(r.Fixes)) {
			by = append(by, fmt.Sprintf("%s %d", a, r.Fixes[a]))
		}
		fmt.Fprintf(&w, "%-16s %6d %6d %6d  %s\n", r.Short(), r.fixes(), r.Hunks, r.Files, strings.Join(by, ", "))
	}

	if !slices.ContainsFunc(results, func(r fixResult) bool { return len(r.Checks) > 0 }) {
		fmt.Fprintf(&w, "\nno file changed: nothing to check\n")
	} else {
		fmt.Fprintf(&w, "\n%-16s %-32s %-8s %-8s\n", "module", "check", "before", "after")
	}
	var regressions []string
	for _, r := range results {
		for _, c := range r.Checks {
			mark := ""
			if c.regressed() {
				mark = "REGRESSION"
				regressions = append(regressions, fmt.Sprintf("%s %s: %s -> %s\n%s%s",
					r.module, c.Name, c.Before, c.After, newNote(c.New), c.Output))
			}
			fmt.Fprintf(&w, "%-16s %-32s %-8s %-8s %s\n", r.Short(), c.Name, c.Before, c.After, mark)
		}
	}
	for _, r := range results {
		if r.Note != "" {
			fmt.Fprintf(&w, "%s: some packages did not load: %s\n", r.module, r.Note)
		}
	}
	if len(regressions) > 0 {
		fmt.Fprintf(&w, "\nregressions:\n%s", strings.Join(regressions, ""))
	}
	fmt.Fprintf(&w, "\n%d modules, %d fixes, %d regressions", len(results)-unchecked, fixes, len(regressions))
	if unchecked > 0 {
		fmt.Fprintf(&w, " (%d more modules could not be checked)", unchecked)
	}
	fmt.Fprintln(&w)
	for line := range strings.Lines(w.String()) { // without the padding of the last column
		fmt.Fprintln(out, strings.TrimRight(line, " \n"))
	}
}

func newNote(added []string) string {
	if len(added) == 0 {
		return ""
	}
	return "\tnew: " + strings.Join(added, "; ") + "\n"
}
