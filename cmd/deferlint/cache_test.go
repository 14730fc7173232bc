package main_test

import (
	"bytes"
	"errors"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// runCached runs deferlint in dir with the cache in cacheDir.
func runCached(t *testing.T, cacheDir, dir string, args ...string) result {
	t.Helper()
	cmd := exec.Command(deferlint, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "DEFERLINT_CACHE="+cacheDir)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	code := 0
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatalf("deferlint %v: %v", args, err)
	}
	return result{stdout.String(), stderr.String(), code}
}

// cacheEntries returns the files of the cache's entries.
func cacheEntries(t *testing.T, cacheDir string) []string {
	t.Helper()
	entries, err := filepath.Glob(filepath.Join(cacheDir, "??", "*"))
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

// Every output, the exit status and what -fix writes are the same whether the
// results are computed (cold, or without the cache) or read from the cache (warm),
// byte for byte.
func TestCacheColdWarmIdentical(t *testing.T) {
	root := t.TempDir()
	modes := map[string][]string{
		"text":     {"./..."},
		"json":     {"-format", "json", "./..."},
		"sarif":    {"-format", "sarif", "./..."},
		"github":   {"-format", "github", "./..."},
		"diff":     {"-diff", "./..."},
		"fail-on":  {"-fail-on", "error", "./..."},
		"disabled": {"-disable", "deferargs", "./..."},
	}
	for name, args := range modes {
		t.Run(name, func(t *testing.T) {
			dir := example(t, "example")
			cacheDir := filepath.Join(root, name)
			want := runCached(t, cacheDir, dir, append([]string{"-cache=false"}, args...)...)
			cold := runCached(t, cacheDir, dir, args...)
			if len(cacheEntries(t, cacheDir)) == 0 {
				t.Fatal("a cold run stored nothing")
			}
			warm := runCached(t, cacheDir, dir, args...)
			for which, got := range map[string]result{"cold": cold, "warm": warm} {
				if got != want {
					t.Errorf("%s run differs from a run without the cache:\n--- %s (exit %d)\n%s%s\n--- -cache=false (exit %d)\n%s%s",
						which, which, got.code, got.stdout, got.stderr, want.code, want.stdout, want.stderr)
				}
			}
		})
	}
	t.Run("baseline", func(t *testing.T) {
		dir := example(t, "example")
		cacheDir := filepath.Join(root, "baseline")
		base := filepath.Join(t.TempDir(), "baseline.jsonl")
		runCached(t, cacheDir, dir, "-cache=false", "-baseline-write", base, "./...")
		want, _ := os.ReadFile(base)
		for _, which := range []string{"cold", "warm"} {
			if r := runCached(t, cacheDir, dir, "-baseline-write", base, "./..."); r.code != 0 {
				t.Fatalf("%s -baseline-write: exit %d\n%s", which, r.code, r.stderr)
			}
			if got, _ := os.ReadFile(base); !bytes.Equal(got, want) {
				t.Errorf("%s baseline differs:\n%s\n--- want\n%s", which, got, want)
			}
			if r := runCached(t, cacheDir, dir, "-baseline", base, "./..."); r.code != 0 || r.stdout != "" {
				t.Errorf("%s -baseline: exit %d, output %q; want 0 and nothing", which, r.code, r.stdout)
			}
		}
	})
	t.Run("fix", func(t *testing.T) {
		cacheDir := filepath.Join(root, "fix")
		reference := example(t, "example")
		want := runCached(t, cacheDir, reference, "-cache=false", "-fix", "./...")
		wantFiles := files(t, reference)
		for _, which := range []string{"cold", "warm"} {
			dir := example(t, "example")
			runCached(t, cacheDir, dir, "./...") // a warm -fix starts from cached findings
			if which == "cold" {
				os.RemoveAll(cacheDir)
			}
			got := runCached(t, cacheDir, dir, "-fix", "./...")
			if got != want {
				t.Errorf("%s -fix differs:\n%s%s\n--- want\n%s%s", which, got.stdout, got.stderr, want.stdout, want.stderr)
			}
			if got := files(t, dir); !maps.EqualFunc(got, wantFiles, bytes.Equal) {
				t.Errorf("%s -fix wrote other files than a run without the cache", which)
			}
		}
	})
}

// An entry is never used once its package has changed: a bug added to a file
// that was clean is reported at once, and the clean file again is clean again.
func TestCacheStaleEntryAfterEdit(t *testing.T) {
	cacheDir := t.TempDir()
	clean := "package lib\n\nimport \"os\"\n\n// Size returns the size of the named file.\nfunc Size(name string) (int64, error) {\n\tf, err := os.Open(name)\n\tif err != nil {\n\t\treturn 0, err\n\t}\n\tdefer f.Close()\n\tinfo, err := f.Stat()\n\tif err != nil {\n\t\treturn 0, err\n\t}\n\treturn info.Size(), nil\n}\n"
	dir := writeModule(t, map[string]string{
		"go.mod":     "module example.com/stale\n\ngo 1.26\n",
		"lib/lib.go": clean,
		"app/app.go": "package app\n\nimport \"example.com/stale/lib\"\n\nfunc Run() { lib.Size(\"x\") }\n",
	})
	file := filepath.Join(dir, "lib", "lib.go")
	if r := runCached(t, cacheDir, dir, "./..."); r.code != 0 {
		t.Fatalf("clean module: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	buggy := strings.Replace(clean, "\tdefer f.Close()\n", "", 1)
	if err := os.WriteFile(file, []byte(buggy), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCached(t, cacheDir, dir, "./...")
	if r.code != 1 || !strings.Contains(r.stdout, "lib/lib.go:7:2: f (file from os.Open) is not closed") {
		t.Fatalf("after adding a leak: exit %d, want 1 with the leak reported:\n%s%s", r.code, r.stdout, r.stderr)
	}
	os.WriteFile(file, []byte(clean), 0o644)
	if r := runCached(t, cacheDir, dir, "./..."); r.code != 0 {
		t.Errorf("after removing the leak: exit %d, want 0\n%s%s", r.code, r.stdout, r.stderr)
	}
	// An option changes every key: the entries of the default options are not used.
	os.WriteFile(filepath.Join(dir, "lib", "lib_test.go"), []byte("package lib\n\nimport (\n\t\"os\"\n\t\"testing\"\n)\n\nfunc TestOpen(t *testing.T) { os.Open(\"x\") }\n"), 0o644)
	quiet := runCached(t, cacheDir, dir, "./...")
	loud := runCached(t, cacheDir, dir, "-unclosed.tests", "./...")
	if quiet.code != 0 || loud.code != 1 {
		t.Errorf("a leak in a test: exit %d by default and %d with -unclosed.tests, want 0 and 1\n%s", quiet.code, loud.code, loud.stdout)
	}
}

// A cache file that was damaged, truncated or replaced is ignored, and the result
// computed again.
func TestCacheCorruptEntry(t *testing.T) {
	cacheDir := t.TempDir()
	dir := example(t, "example")
	want := runCached(t, cacheDir, dir, "-format", "json", "./...")
	entries := cacheEntries(t, cacheDir)
	if len(entries) == 0 {
		t.Fatal("the run stored nothing")
	}
	for i, name := range entries {
		data, _ := os.ReadFile(name)
		switch i % 3 {
		case 0: // a flipped bit in the payload
			data[len(data)-1] ^= 0x20
		case 1: // truncated
			data = data[:len(data)/2]
		case 2: // something else altogether
			data = []byte("not a cache entry")
		}
		os.WriteFile(name, data, 0o644)
	}
	if got := runCached(t, cacheDir, dir, "-format", "json", "./..."); got != want {
		t.Errorf("with corrupt entries: exit %d\n%s%s\n--- want exit %d\n%s%s", got.code, got.stdout, got.stderr, want.code, want.stdout, want.stderr)
	}
	// The entries were written again: a third run reads them.
	if got := runCached(t, cacheDir, dir, "-format", "json", "./..."); got != want {
		t.Errorf("after recomputing: exit %d\n%s%s", got.code, got.stdout, got.stderr)
	}
}

// Two runs at once on the same module, sharing a cache, both succeed with the
// same output.
func TestCacheConcurrentRuns(t *testing.T) {
	cacheDir := t.TempDir()
	dir := example(t, "example")
	want := runCached(t, cacheDir, dir, "-cache=false", "./...")
	var results [2]result
	var wg sync.WaitGroup
	for i := range results {
		wg.Go(func() { results[i] = runCached(t, cacheDir, dir, "./...") })
	}
	wg.Wait()
	for i, got := range results {
		if got != want {
			t.Errorf("run %d: exit %d\n%s%s\n--- want exit %d\n%s", i, got.code, got.stdout, got.stderr, want.code, want.stdout)
		}
	}
}

// A finding that needs a fact about a function of another module (a helper that
// returns an open file, in a module the test module replaces with a directory) is
// reported standalone with -deps-facts as go vet reports it.
func TestDepsFactsAgreeWithGoVet(t *testing.T) {
	root := writeModule(t, map[string]string{
		"helper/go.mod": "module example.com/helper\n\ngo 1.26\n",
		"helper/helper.go": `package helper

import "os"

// OpenLog opens the log file; the caller closes it.
func OpenLog(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
}

// Safely runs f and recovers its panic.
func Safely(f func()) {
	defer func() { recover() }()
	f()
}
`,
		"app/go.mod": "module example.com/app\n\ngo 1.26\n\nrequire example.com/helper v0.0.0\n\nreplace example.com/helper => ../helper\n",
		"app/app.go": `package app

import "example.com/helper"

// Log writes one line to the log and leaks the file.
func Log(line string) error {
	f, err := helper.OpenLog("app.log")
	if err != nil {
		return err
	}
	_, err = f.WriteString(line)
	return err
}

// Run runs f in a goroutine that recovers through the helper.
func Run(f func()) {
	go helper.Safely(f)
}
`,
	})
	app := filepath.Join(root, "app")
	cacheDir := t.TempDir()
	vet := run(t, app, "go", "vet", "-vettool="+deferlint, "./...")
	standalone := runCached(t, cacheDir, app, "-deps-facts", "./...")
	warm := runCached(t, cacheDir, app, "-deps-facts", "./...")
	want := vetFindings(vet.stderr)
	if !slices.ContainsFunc(want, func(s string) bool { return strings.Contains(s, "file from helper.OpenLog") }) {
		t.Fatalf("go vet does not report the leak through the helper's fact:\n%s", vet.stderr)
	}
	for which, r := range map[string]result{"cold": standalone, "warm": warm} {
		if got := findingLines(r.stdout); !slices.Equal(got, want) {
			t.Errorf("%s standalone -deps-facts reports\n%s\nwant, as go vet,\n%s", which, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	// Without -deps-facts the helper's module carries no facts.
	if r := runCached(t, cacheDir, app, "./..."); strings.Contains(r.stdout, "helper.OpenLog") {
		t.Errorf("without -deps-facts, a fact of another module was used:\n%s", r.stdout)
	}
}

var vetLine = regexp.MustCompile(`^(?:\./)?(\S+\.go:\d+:\d+: .*)$`)

// vetFindings returns go vet's findings as file:line:col: message, sorted.
func vetFindings(stderr string) []string {
	var lines []string
	for line := range strings.SplitSeq(stderr, "\n") {
		if m := vetLine.FindStringSubmatch(line); m != nil {
			lines = append(lines, m[1])
		}
	}
	slices.Sort(lines)
	return lines
}

var analyzerSuffix = regexp.MustCompile(` \([a-z]+\)$`)

// findingLines returns the text output's findings without the analyzer's name, as
// go vet prints them, sorted.
func findingLines(stdout string) []string {
	var lines []string
	for line := range strings.SplitSeq(strings.TrimSpace(stdout), "\n") {
		if line != "" {
			lines = append(lines, analyzerSuffix.ReplaceAllString(line, ""))
		}
	}
	slices.Sort(lines)
	return lines
}

// runWithGoShim is runCached with a go command on PATH that records each
// invocation in log before running the real one.
func runWithGoShim(t *testing.T, cacheDir, dir, log string, args ...string) result {
	t.Helper()
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	shim := filepath.Join(filepath.Dir(log), "bin")
	if _, err := os.Stat(shim); err != nil {
		os.MkdirAll(shim, 0o755)
		script := "#!/bin/sh\necho \"$@\" >> " + log + "\nexec " + goCmd + " \"$@\"\n"
		if err := os.WriteFile(filepath.Join(shim, "go"), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
		// A go command written a moment ago could change unseen within the
		// same clock tick: the manifest would not trust it.
		old := time.Now().Add(-time.Hour)
		os.Chtimes(filepath.Join(shim, "go"), old, old)
	}
	if !strings.HasPrefix(os.Getenv("PATH"), shim) {
		t.Setenv("PATH", shim+string(os.PathListSeparator)+os.Getenv("PATH"))
	}
	return runCached(t, cacheDir, dir, args...)
}

// goRuns returns how many times the shim's go command ran since the last call.
func goRuns(t *testing.T, log string) int {
	t.Helper()
	data, _ := os.ReadFile(log)
	os.Remove(log)
	return strings.Count(string(data), "\n")
}

// A run whose inputs to go list are unchanged reuses the last listing and starts
// no go command: nothing changed, or an edit below a file's imports (which is
// still seen at once). A change that may change the listing (an import, a new
// file, a new package) lists again.
func TestCacheManifest(t *testing.T) {
	cacheDir := t.TempDir()
	log := filepath.Join(t.TempDir(), "go.log")
	clean := "package lib\n\nimport \"os\"\n\n// Size returns the size of the named file.\nfunc Size(name string) (int64, error) {\n\tf, err := os.Open(name)\n\tif err != nil {\n\t\treturn 0, err\n\t}\n\tdefer f.Close()\n\tinfo, err := f.Stat()\n\tif err != nil {\n\t\treturn 0, err\n\t}\n\treturn info.Size(), nil\n}\n"
	dir := writeModule(t, map[string]string{
		"go.mod":     "module example.com/manifest\n\ngo 1.26\n",
		"lib/lib.go": clean,
		"app/app.go": "package app\n\nimport \"example.com/manifest/lib\"\n\nfunc Run() { lib.Size(\"x\") }\n",
	})
	file := filepath.Join(dir, "lib", "lib.go")
	step := func(what string, wantGo bool, wantCode int, wantOut string) {
		t.Helper()
		r := runWithGoShim(t, cacheDir, dir, log, "./...")
		ran := goRuns(t, log)
		if (ran > 0) != wantGo {
			t.Errorf("%s: the go command ran %d times; want it to run: %v", what, ran, wantGo)
		}
		if r.code != wantCode || !strings.Contains(r.stdout, wantOut) {
			t.Errorf("%s: exit %d, want %d with %q:\n%s%s", what, r.code, wantCode, wantOut, r.stdout, r.stderr)
		}
		if want := runCached(t, cacheDir, dir, "-cache=false", "./..."); r != want {
			t.Errorf("%s: output differs from a run without the cache:\n%s%s\n--- want\n%s%s", what, r.stdout, r.stderr, want.stdout, want.stderr)
		}
		goRuns(t, log) // the run without the cache lists, of course
	}
	step("cold", true, 0, "")
	step("nothing changed", false, 0, "")
	os.WriteFile(file, []byte(strings.Replace(clean, "\tdefer f.Close()\n", "", 1)), 0o644)
	step("a leak added in a function body", false, 1, "lib/lib.go:7:2: f (file from os.Open) is not closed")
	os.WriteFile(file, []byte(clean), 0o644)
	step("the leak removed", false, 0, "")
	withImport := strings.Replace(clean, "import \"os\"\n", "import (\n\t\"os\"\n\t\"strings\"\n)\n\nvar _ = strings.ToUpper\n", 1)
	os.WriteFile(file, []byte(withImport), 0o644)
	step("an import added", true, 0, "")
	os.WriteFile(filepath.Join(dir, "lib", "more.go"), []byte("package lib\n\nimport \"os\"\n\nfunc Leak() { f, _ := os.Open(\"x\"); _ = f }\n"), 0o644)
	step("a file added", true, 1, "lib/more.go")
	os.MkdirAll(filepath.Join(dir, "extra"), 0o755)
	os.WriteFile(filepath.Join(dir, "extra", "extra.go"), []byte("package extra\n\nimport \"os\"\n\nfunc Leak() { f, _ := os.Open(\"y\"); _ = f }\n"), 0o644)
	step("a package added", true, 1, "extra/extra.go")
	step("nothing changed again", false, 1, "extra/extra.go")
}
