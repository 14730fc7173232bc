package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeModule writes the files (path: content) into a fresh directory and returns it.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// oneLine checks that a run failed with exit status 2 and said exactly one line on
// stderr, containing each of want, and nothing on stdout.
func oneLine(t *testing.T, r result, want ...string) {
	t.Helper()
	if r.code != 2 {
		t.Errorf("exit status %d, want 2", r.code)
	}
	if lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n"); len(lines) != 1 {
		t.Errorf("stderr has %d lines, want 1:\n%s", len(lines), r.stderr)
	}
	for _, w := range want {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("stderr does not say %q:\n%s", w, r.stderr)
		}
	}
	if r.stdout != "" {
		t.Errorf("stdout is not empty:\n%s", r.stdout)
	}
}

func TestRejectedOptions(t *testing.T) {
	dir := example(t, "example")
	for _, tt := range []struct{ flag, want string }{
		{"-unclosed.types=garbage", `deferlint: invalid value "garbage" for flag -unclosed.types: "garbage" is not of the form TYPE=ACQUIRER`},
		{"-gorecover.launchers=garbage((", `deferlint: invalid value "garbage((" for flag -gorecover.launchers: "garbage((" is not a function name`},
		{"-gorecover.recoverers=example.com/x.", `for flag -gorecover.recoverers: "example.com/x." is not a function name`},
		{"-gorecover.handler=Recover", `deferlint: invalid value "Recover" for flag -gorecover.handler: "Recover" is not importpath.Func`},
		{"-deferloop.tests=maybe", `deferlint: invalid boolean value "maybe" for -deferloop.tests`},
	} {
		t.Run(tt.flag, func(t *testing.T) {
			oneLine(t, run(t, dir, deferlint, tt.flag, "./..."), tt.want)
		})
	}
}

// TestRejectedOptionsGoVet checks that under go vet -vettool a rejected option is
// the tool's only line for each package named, after the go command's "# package"
// header, without a page of usage, and that the run fails.
func TestRejectedOptionsGoVet(t *testing.T) {
	dir := example(t, "example")
	r := run(t, dir, "go", "vet", "-vettool="+deferlint, "-unclosed.types=garbage", "./...")
	if r.code == 0 {
		t.Errorf("go vet succeeded with a rejected option")
	}
	lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "# example.com/example") {
		t.Fatalf("stderr does not start with a package's header:\n%s", r.stderr)
	}
	want := `deferlint: invalid value "garbage" for flag -unclosed.types: "garbage" is not of the form`
	for _, line := range lines {
		if !strings.HasPrefix(line, "# ") && !strings.HasPrefix(line, want) {
			t.Fatalf("stderr has a line other than a header and the error: %q\n%s", line, r.stderr)
		}
	}
	if !strings.HasPrefix(lines[1], want) {
		t.Errorf("the error is not the first line after the header:\n%s", r.stderr)
	}
}

func TestFlagsAfterPackages(t *testing.T) {
	dir := example(t, "example")
	before := readTree(t, dir)
	r := run(t, dir, deferlint, "./...", "-fix")
	oneLine(t, r, "deferlint: flags must come before packages: -fix after ./...")
	if after := readTree(t, dir); after != before {
		t.Error("a refused command line changed files")
	}
}

// readTree returns the contents of the Go files under dir, in one string.
func readTree(t *testing.T, dir string) string {
	t.Helper()
	var all strings.Builder
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		all.WriteString(path + "\n" + string(data))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return all.String()
}

func TestHelpCommand(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct{ command, flag []string }{
		{[]string{"help"}, []string{"-help"}},
		{[]string{"help", "unclosed"}, []string{"-help", "unclosed"}},
	} {
		got, want := run(t, dir, deferlint, tt.command...), run(t, dir, deferlint, tt.flag...)
		if got.code != 0 || got.stdout != want.stdout || got.stdout == "" {
			t.Errorf("deferlint %v: exit %d, stdout differs from deferlint %v:\n%s", tt.command, got.code, tt.flag, got.stdout)
		}
	}
	oneLine(t, run(t, dir, deferlint, "help", "nosuch"), `unknown analyzer "nosuch"`)
}

func TestOutsideModule(t *testing.T) {
	dir := writeModule(t, map[string]string{"x.go": "package x\n"})
	for _, pattern := range []string{"./...", "."} {
		oneLine(t, run(t, dir, deferlint, pattern), "deferlint: go.mod file not found in the current directory or any parent directory")
	}
}

func TestMissingReplacement(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod": "module example.com/rep\n\ngo 1.22\n\nrequire example.com/nested v0.0.0\n\nreplace example.com/nested => ./nested\n",
		"a/a.go": "package a\n\nimport \"example.com/nested/n\"\n\nfunc F() { n.G() }\n",
		"b/b.go": "package b\n\nimport \"example.com/rep/a\"\n\nfunc H() { a.F() }\n",
		"c/c.go": "package c\n\nimport \"example.com/rep/b\"\n\nfunc I() { b.H() }\n",
	})
	oneLine(t, run(t, dir, deferlint, "./..."),
		"go.mod replaces example.com/nested with the directory ./nested, which does not exist",
		"go mod edit -dropreplace=example.com/nested")
}

// TestOneSyntaxError checks that a syntax error is one line, counted once, although
// the parser complains several times, the package has a test variant, and other
// packages import it.
func TestOneSyntaxError(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod":      "module example.com/syn\n\ngo 1.22\n",
		"p/p.go":      "package p\n\nfunc F() {\n\treturn 1 +\n}\n",
		"p/p_test.go": "package p\n\nimport \"testing\"\n\nfunc TestF(t *testing.T) { F() }\n",
		"q/q.go":      "package q\n\nimport \"example.com/syn/p\"\n\nfunc G() { p.F() }\n",
	})
	r := run(t, dir, deferlint, "./...")
	oneLine(t, r, "deferlint: package example.com/syn/p: p/p.go:5:1: expected operand, found '}'")
	if strings.Contains(r.stderr, "more") {
		t.Errorf("one syntax error is counted as several:\n%s", r.stderr)
	}
}
