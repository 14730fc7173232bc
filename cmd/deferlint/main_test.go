package main_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/deferlint/deferlint/analyzers"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// deferlint is the path of the binary built once for all tests.
var deferlint string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "deferlint-e2e")
	if err != nil {
		panic(err)
	}
	deferlint = filepath.Join(dir, "deferlint")
	// The runs share a cache of their own, not the user's.
	os.Setenv("DEFERLINT_CACHE", filepath.Join(dir, "cache"))
	build := exec.Command("go", "build", "-o", deferlint, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		panic("building deferlint: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// example copies a module under the repository's testdata into a fresh directory and
// returns that directory, so that tests may change it (-fix) and paths do not depend
// on where the repository is.
func example(t *testing.T, name string) string {
	t.Helper()
	return copyModule(t, filepath.Join("..", "..", "testdata", name))
}

// copyModule copies the module in the directory src into a fresh directory and
// returns that directory.
func copyModule(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), filepath.Base(src))
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

type result struct {
	stdout, stderr string
	code           int
}

// run runs a command in dir and returns its output and exit status.
func run(t *testing.T, dir, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	code := 0
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return result{stdout.String(), stderr.String(), code}
}

// golden compares got with the file testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestTextOutput(t *testing.T) {
	dir := example(t, "example")
	r := run(t, dir, deferlint, "./...")
	if r.code != 1 {
		t.Errorf("exit status %d, want 1 (findings); stderr:\n%s", r.code, r.stderr)
	}
	if r.stderr != "" {
		t.Errorf("stderr: %s", r.stderr)
	}
	// The golden file also pins what must not be reported: the finding silenced by a
	// //deferlint:ignore directive and the one in a generated file.
	golden(t, "example.txt", r.stdout)
}

// TestFactsAcrossPackages checks that what an analyzer learns about one package
// reaches its importers when only the importer is named: config.Open returns an open
// file, so its caller in settings must close it.
func TestFactsAcrossPackages(t *testing.T) {
	dir := example(t, "example")
	r := run(t, dir, deferlint, "-enable", "unclosed", "./settings")
	want := "settings/settings.go:15:2: f (file from config.Open) is not closed on any path"
	if r.code != 1 || !strings.HasPrefix(r.stdout, want) {
		t.Errorf("exit status %d, output:\n%s%s\nwant a line starting %q", r.code, r.stdout, r.stderr, want)
	}
}

func TestDeterministic(t *testing.T) {
	dir := example(t, "example")
	first := run(t, dir, deferlint, "-format", "json", "./...")
	for range 2 {
		if again := run(t, dir, deferlint, "-format", "json", "./..."); again.stdout != first.stdout {
			t.Fatalf("two runs on the same input differ:\n%s\n---\n%s", first.stdout, again.stdout)
		}
	}
}

func TestExitStatus(t *testing.T) {
	dir := example(t, "example")
	broken := example(t, "broken")
	for _, test := range []struct {
		name   string
		dir    string
		args   []string
		code   int
		stderr string // a substring of the expected stderr
	}{
		{"no findings", dir, []string{"./clean"}, 0, ""},
		{"findings", dir, []string{"./..."}, 1, ""},
		{"pattern matches nothing", dir, []string{"./nothing/..."}, 2, "no such file or directory"},
		{"no packages at all", filepath.Join(dir, "clean"), []string{"./nothing"}, 2, "directory not found"},
		{"type errors", broken, []string{"./..."}, 2, `package example.com/broken: broken.go:5:9: cannot use "not an int"`},
		{"unknown flag", dir, []string{"-nope", "./..."}, 2, "flag provided but not defined: -nope"},
		{"unknown analyzer", dir, []string{"-enable", "nope"}, 2, `unknown analyzer "nope"`},
		{"unknown format", dir, []string{"-format", "xml"}, 2, `unknown -format "xml"`},
		{"analyzer disabled", dir, []string{"-disable", strings.Join(suiteNames(), ","), "./..."}, 2, "leave no analyzer to run"},
		{"one analyzer", dir, []string{"-enable", "directives", "./..."}, 1, ""},
	} {
		t.Run(test.name, func(t *testing.T) {
			r := run(t, test.dir, deferlint, test.args...)
			if r.code != test.code {
				t.Errorf("exit status %d, want %d; stderr:\n%s", r.code, test.code, r.stderr)
			}
			if !strings.Contains(r.stderr, test.stderr) {
				t.Errorf("stderr does not mention %q:\n%s", test.stderr, r.stderr)
			}
			if strings.Contains(r.stderr, "goroutine 1 [") || strings.Contains(r.stderr, "panic: ") {
				t.Errorf("stderr has a stack trace:\n%s", r.stderr)
			}
		})
	}
}

func TestJSONOutput(t *testing.T) {
	dir := example(t, "example")
	r := run(t, dir, deferlint, "-format", "json", "./...")
	if r.code != 1 {
		t.Fatalf("exit status %d, want 1; stderr:\n%s", r.code, r.stderr)
	}
	var out struct {
		Version  int
		Findings []struct {
			Analyzer  string
			Severity  string
			Posn, End struct {
				File                 string
				Line, Column, Offset int
			}
			Message, URL   string
			SuggestedFixes []struct {
				Message string
				Edits   []struct {
					File       string
					Start, End int
					NewText    string `json:"new_text"`
				}
			} `json:"suggested_fixes"`
		}
	}
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&out); err != nil {
		t.Fatalf("decoding the JSON output: %v\n%s", err, r.stdout)
	}
	if out.Version != 1 || len(out.Findings) == 0 {
		t.Fatalf("version %d with %d findings, want version 1 with findings", out.Version, len(out.Findings))
	}
	first := out.Findings[0]
	for _, f := range out.Findings {
		if f.Posn.File == "metrics/metrics.go" {
			first = f // the first deferargs finding, with a fix
			break
		}
	}
	if first.Analyzer != "deferargs" || first.Severity != "error" || first.Posn.File != "metrics/metrics.go" || first.Posn.Line != 21 ||
		first.End.Line != 21 || first.End.Column <= first.Posn.Column ||
		first.URL != "https://pkg.go.dev/github.com/deferlint/deferlint/analyzers/deferargs" {
		t.Errorf("first finding = %+v", first)
	}
	if len(first.SuggestedFixes) != 1 || len(first.SuggestedFixes[0].Edits) != 1 ||
		!strings.HasPrefix(first.SuggestedFixes[0].Edits[0].NewText, "func() { ") {
		t.Errorf("first finding's fixes = %+v", first.SuggestedFixes)
	}
}

func TestGitHubOutput(t *testing.T) {
	dir := example(t, "example")
	r := run(t, dir, deferlint, "-format", "github", "./...")
	// A bug is an error, a policy (a goroutine without recover) a warning.
	want := "\n::error file=metrics/metrics.go,line=21,col=31,endLine=21,endColumn=48,title=deferlint deferargs::time.Since(start) is evaluated"
	policy := "\n::warning file=jobs/jobs.go,line=48,col=6,endLine=48,endColumn=12,title=deferlint gorecover::goroutine running"
	if r.code != 1 || !strings.HasPrefix(r.stdout, "::error file=") || !strings.Contains(r.stdout, want) || !strings.Contains(r.stdout, policy) {
		t.Errorf("exit status %d, output\n%s\nwant lines starting\n%s\n%s", r.code, r.stdout, want[1:], policy[1:])
	}
}

func TestFix(t *testing.T) {
	dir := example(t, "example")
	r := run(t, dir, deferlint, "-fix", "./...")
	// The malformed directive has no fix, so it is still reported.
	if r.code != 1 || !strings.Contains(r.stdout, "(directives)") || strings.Contains(r.stdout, "(deferargs)") {
		t.Errorf("deferlint -fix: exit status %d, output:\n%s%s", r.code, r.stdout, r.stderr)
	}
	// loopcapture's fix in jobs.Notify passes current to the literal; gorecover's
	// defers the package's own recovery helper in jobs.RunAll. (deferloop's plain
	// delay in Notify is reported only with -deferloop.delayed.)
	for _, want := range []string{
		"deferlint: fixed jobs/jobs.go: 2 fixes (gorecover, loopcapture)\n",
		"deferlint: fixed metrics/metrics.go: 2 fixes (deferargs)\n",
		"deferlint: fixed settings/settings.go: 1 fix (unclosed)\n",
		"deferlint: applied 7 fixes to 5 files\n",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("deferlint -fix: stderr does not contain %q:\n%s", want, r.stderr)
		}
	}
	if strings.Contains(r.stdout, "(loopcapture)") || strings.Contains(r.stdout, "(unclosed)") || strings.Contains(r.stdout, "(gorecover)") {
		t.Errorf("deferlint -fix prints findings its fixes resolved:\n%s", r.stdout)
	}
	fixed, err := os.ReadFile(filepath.Join(dir, "metrics", "metrics.go"))
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "metrics.go.fixed", string(fixed))
	if again := run(t, dir, deferlint, "-enable", "deferargs", "./..."); again.code != 0 {
		t.Errorf("after -fix, deferargs still reports:\n%s%s", again.stdout, again.stderr)
	}
}

// TestFixShowsWhatRemains checks that the findings printed after -fix are those of
// the fixed files: unclosed's fix adds a line in FirstLine, so deferloop's finding
// below it, which has no fix, moves from line 27 to line 28.
func TestFixShowsWhatRemains(t *testing.T) {
	dir := copyModule(t, filepath.Join("testdata", "shift"))
	before := run(t, dir, deferlint, "./...")
	if !strings.Contains(before.stdout, "shift.go:11:2: f (file from os.Open) is not closed") ||
		!strings.Contains(before.stdout, "shift.go:27:3: f.Close() is deferred in a loop") {
		t.Fatalf("before -fix: exit status %d, output:\n%s%s", before.code, before.stdout, before.stderr)
	}
	r := run(t, dir, deferlint, "-fix", "./...")
	wantOut := "shift.go:28:3: f.Close() is deferred in a loop, so every iteration's f stays open until Concat returns: call it at the end of the iteration or move the loop body into a function literal (deferloop)\n"
	wantErr := "deferlint: fixed shift.go: 1 fix (unclosed)\ndeferlint: applied 1 fix to 1 file\n"
	if r.code != 1 || r.stdout != wantOut || r.stderr != wantErr {
		t.Errorf("deferlint -fix: exit status %d, stdout:\n%s\nstderr:\n%s\nwant status 1, stdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr, wantOut, wantErr)
	}

	// Nothing is left to fix: the same finding, and the exit status still says so.
	again := run(t, dir, deferlint, "-fix", "-format", "json", "./...")
	var out struct {
		Findings []struct {
			Analyzer string
			Posn     struct {
				File string
				Line int
			}
		}
	}
	if err := json.Unmarshal([]byte(again.stdout), &out); err != nil {
		t.Fatalf("the JSON output after -fix does not parse: %v\n%s", err, again.stdout)
	}
	if again.code != 1 || len(out.Findings) != 1 || out.Findings[0].Analyzer != "deferloop" || out.Findings[0].Posn.File != "shift.go" || out.Findings[0].Posn.Line != 28 ||
		again.stderr != "deferlint: no fixes applied\n" {
		t.Errorf("deferlint -fix -format json again: exit status %d, findings %+v, stderr:\n%s", again.code, out.Findings, again.stderr)
	}
}

// TestFixExitStatus checks that the exit status of -fix follows the findings that
// remain: 0 when the fixes resolved them all.
func TestFixExitStatus(t *testing.T) {
	dir := copyModule(t, filepath.Join("testdata", "shift"))
	r := run(t, dir, deferlint, "-fix", "-enable", "unclosed", "-format", "json", "./...")
	var out struct{ Findings []any }
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("the JSON output after -fix does not parse: %v\n%s", err, r.stdout)
	}
	if r.code != 0 || len(out.Findings) != 0 || !strings.Contains(r.stderr, "deferlint: fixed shift.go: 1 fix (unclosed)\n") {
		t.Errorf("deferlint -fix -enable unclosed: exit status %d, want 0; output:\n%s%s", r.code, r.stdout, r.stderr)
	}
	broken := example(t, "broken")
	if r := run(t, broken, deferlint, "-fix", "./..."); r.code != 2 {
		t.Errorf("deferlint -fix on a package that does not type-check: exit status %d, want 2; stderr:\n%s", r.code, r.stderr)
	}
}

func TestDiff(t *testing.T) {
	dir := example(t, "example")
	r := run(t, dir, deferlint, "-diff", "./...")
	if r.code != 1 {
		t.Errorf("exit status %d, want 1 for a non-empty diff; stderr:\n%s", r.code, r.stderr)
	}
	golden(t, "example.diff", r.stdout)
	if r.stderr != "" {
		t.Errorf("-diff says on stderr:\n%s", r.stderr)
	}
	if unchanged := run(t, dir, deferlint, "-diff", "./..."); unchanged.stdout != r.stdout {
		t.Errorf("-diff changed the files: a second -diff differs:\n%s", unchanged.stdout)
	}
	if clean := run(t, dir, deferlint, "-diff", "./clean"); clean.code != 0 || clean.stdout != "" {
		t.Errorf("-diff on clean code: exit status %d, output %q", clean.code, clean.stdout)
	}
}

func TestGoVet(t *testing.T) {
	dir := example(t, "example")
	r := run(t, dir, "go", "vet", "-vettool="+deferlint, "./...")
	if r.code == 0 {
		t.Fatalf("go vet -vettool: exit status 0, want non-zero; stderr:\n%s", r.stderr)
	}
	for _, want := range []string{
		"metrics/metrics.go:21:31: time.Since(start) is evaluated",
		// A warning says so, as the text format does.
		`worker/worker.go:9:2: warning: //deferlint:ignore names unknown analyzer "deferarg"`,
		// Known only through a fact about config.Open, from another package.
		"settings/settings.go:15:2: f (file from config.Open) is not closed",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("go vet output does not contain %q:\n%s", want, r.stderr)
		}
	}
	if strings.Contains(r.stderr, "startup took") || strings.Contains(r.stderr, "metrics_gen.go") {
		t.Errorf("go vet reports a silenced or generated finding:\n%s", r.stderr)
	}
	// Analyzer flags reach the analyzers through go vet too.
	only := run(t, dir, "go", "vet", "-vettool="+deferlint, "-directives", "./...")
	if strings.Contains(only.stderr, "is evaluated when") || !strings.Contains(only.stderr, "unknown analyzer") {
		t.Errorf("go vet -directives does not run directives alone:\n%s", only.stderr)
	}
	if clean := run(t, dir, "go", "vet", "-vettool="+deferlint, "./clean"); clean.code != 0 {
		t.Errorf("go vet on clean code: exit status %d\n%s", clean.code, clean.stderr)
	}
}

func TestGoFix(t *testing.T) {
	dir := example(t, "example")
	r := run(t, dir, "go", "fix", "-fixtool="+deferlint, "-diff", "./...")
	if !strings.Contains(r.stdout, "+\tdefer func() { requestSeconds.Observe(time.Since(start).Seconds()) }()") {
		t.Errorf("go fix -diff: exit status %d, output:\n%s%s", r.code, r.stdout, r.stderr)
	}
	run(t, dir, "go", "fix", "-fixtool="+deferlint, "./...")
	// go fix merges the fixes of all analyzers into one edit per file: fixes that
	// touch the same statement (deferloop's and loopcapture's in jobs.Notify) must
	// still give code that compiles.
	if build := run(t, dir, "go", "build", "./..."); build.code != 0 {
		t.Errorf("after go fix, the example does not compile:\n%s", build.stderr)
	}
	if again := run(t, dir, deferlint, "-enable", "deferargs", "./..."); again.code != 0 {
		t.Errorf("after go fix, deferargs still reports:\n%s%s", again.stdout, again.stderr)
	}
}

func TestListHelpVersion(t *testing.T) {
	for _, test := range []struct {
		args []string
		want string
	}{
		{[]string{"-list"}, "directives"},
		{[]string{"-help", "deferargs"}, "Wrong:"},
		{[]string{"-help"}, "Exit status: 0 no findings, 1 findings, 2 the tool could not do its job."},
		{[]string{"-version"}, "deferlint "},
	} {
		r := run(t, ".", deferlint, test.args...)
		if r.code != 0 || !strings.Contains(r.stdout, test.want) {
			t.Errorf("deferlint %v: exit status %d, output does not contain %q:\n%s%s", test.args, r.code, test.want, r.stdout, r.stderr)
		}
	}
	if r := run(t, ".", deferlint, "-help", "nope"); r.code != 2 {
		t.Errorf("deferlint -help nope: exit status %d, want 2", r.code)
	}
}

// suiteNames returns the names of every analyzer.
func suiteNames() []string {
	var names []string
	for _, a := range analyzers.All() {
		names = append(names, a.Name)
	}
	return names
}
