package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func writeTree(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		file := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestDiffTrees(t *testing.T) {
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	writeTree(t, a, map[string]string{
		"go.mod": "module m\n", "a.go": "package m\n", "sub/b.go": "package sub\n",
		"sub/c.go": "package sub\n", "gone.txt": "x",
	})
	writeTree(t, b, map[string]string{
		"go.mod": "module m\n", "a.go": "package m\n", "sub/b.go": "package sub // fixed\n",
		"sub/c.go": "package sub\n", "deep/new.go": "package deep\n",
	})
	changed, err := diffTrees(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"deep/new.go", "gone.txt", "sub/b.go"}; !slices.Equal(changed, want) {
		t.Errorf("diffTrees = %q, want %q", changed, want)
	}
	if same, err := diffTrees(a, a); err != nil || len(same) != 0 {
		t.Errorf("diffTrees of a tree with itself = %q, %v", same, err)
	}
}

func TestChangedPackages(t *testing.T) {
	got := changedPackages([]string{"a.go", "a_test.go", "gone.txt", "sub/b.go", "sub/deep/c.go", "sub/d.go"})
	if want := []string{".", "./sub", "./sub/deep"}; !slices.Equal(got, want) {
		t.Errorf("changedPackages = %q, want %q", got, want)
	}
}

func TestCountHunks(t *testing.T) {
	patch := "--- a/x.go\n+++ b/x.go\n@@ -1,3 +1,4 @@\n a\n+b\n@@ -10,2 +11,2 @@\n-c\n+d\n--- a/y.go\n+++ b/y.go\n@@ -5 +5 @@\n-@@ \n+e\n"
	if n := countHunks(patch); n != 3 {
		t.Errorf("countHunks = %d, want 3", n)
	}
	if n := countHunks(""); n != 0 {
		t.Errorf("countHunks of no patch = %d", n)
	}
}

func TestOutcomeOf(t *testing.T) {
	for _, c := range []struct {
		test, ok, killed bool
		out              string
		want             outcome
	}{
		{false, true, false, "", pass},
		{false, false, false, "./a.go:1:1: undefined: x\n", fail},
		{false, false, true, "", timeout},
		{true, true, false, "ok  \tm/sub\t0.1s\n", pass},
		{true, true, false, "?   \tm/sub\t[no test files]\n", noTests},
		{true, false, false, "--- FAIL: TestX (0.00s)\nFAIL\tm\t0.1s\n", fail},
		{true, false, false, "panic: test timed out after 4m0s\nFAIL\tm\t240.1s\n", timeout},
		{true, false, true, "", timeout},
	} {
		if got := outcomeOf(c.test, c.out, c.ok, c.killed); got != c.want {
			t.Errorf("outcomeOf(test %v, %q, ok %v, killed %v) = %s, want %s", c.test, c.out, c.ok, c.killed, got, c.want)
		}
	}
}

func TestNewFailures(t *testing.T) {
	before := "# m\n./a.go:10:2: x declared and not used\n"
	after := "# m\n./a.go:12:2: x declared and not used\n./b.go:3:1: undefined: y\n"
	if got := newFailures(false, before, after); !slices.Equal(got, []string{"./b.go: undefined: y"}) {
		t.Errorf("newFailures(vet) = %q: an error that moved is not new, one in a new place is", got)
	}
	before = "--- FAIL: TestNet (0.01s)\nFAIL\n"
	after = "--- FAIL: TestNet (0.02s)\n    --- FAIL: TestClose/twice (0.00s)\nFAIL\n"
	if got := newFailures(true, before, after); !slices.Equal(got, []string{"TestClose/twice"}) {
		t.Errorf("newFailures(test) = %q", got)
	}
}

func TestSkipPattern(t *testing.T) {
	if got, want := skipPattern([]string{"TestB/sub.1", "TestB", "TestA"}), "^(TestA|TestB)$"; got != want {
		t.Errorf("skipPattern = %q, want %q", got, want)
	}
	if got := skipPattern(nil); got != "" {
		t.Errorf("skipPattern(nil) = %q, want none", got)
	}
}

func TestRegressed(t *testing.T) {
	for _, c := range []struct {
		check
		want bool
	}{
		{check{Before: pass, After: pass}, false},
		{check{Before: pass, After: fail}, true},
		{check{Before: pass, After: timeout}, true},
		{check{Before: noTests, After: noTests}, false},
		{check{Before: fail, After: pass}, false},
		{check{Before: fail, After: fail}, false},                        // e.g. a test that needs a server
		{check{Before: fail, After: fail, New: []string{"TestX"}}, true}, // a test that passed before
		{check{Before: fail, After: timeout}, true},
		{check{Before: timeout, After: timeout}, false},
		{check{Before: timeout, After: fail}, false},
	} {
		if got := c.regressed(); got != c.want {
			t.Errorf("%s -> %s, new %q: regressed = %v, want %v", c.Before, c.After, c.New, got, c.want)
		}
	}
}

func TestWriteFixcheck(t *testing.T) {
	results := []fixResult{
		{
			module: module{"github.com/jmoiron/sqlx", "v1.4.0"},
			Fixes:  map[string]int{"unclosed": 2, "deferloop": 1}, Hunks: 3, Files: 2,
			Checks: []check{
				{Name: "build", Before: pass, After: pass},
				{Name: "vet", Before: pass, After: pass},
				{Name: "test ./reflectx", Before: pass, After: fail, Output: "\t--- FAIL: TestX\n"},
			},
		},
		{module: module{"github.com/spf13/cobra", "v1.10.2"}, Fixes: map[string]int{}},
		{module: module{"example.com/broken", "v1.0.0"}, Err: "go mod download: not found"},
	}
	var b strings.Builder
	writeFixcheck(&b, results)
	out := b.String()
	for _, want := range []string{
		"sqlx                  3      3      2  deferloop 1, unclosed 2\n",
		"cobra                 0      0      0\n",
		"broken           error: go mod download: not found\n",
		"sqlx             test ./reflectx                  pass     fail     REGRESSION\n",
		"sqlx             vet                              pass     pass\n",
		"regressions:\ngithub.com/jmoiron/sqlx@v1.4.0 test ./reflectx: pass -> fail\n\t--- FAIL: TestX\n",
		"\n2 modules, 3 fixes, 1 regressions (1 more modules could not be checked)\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("fixcheck table lacks %q:\n%s", want, out)
		}
	}
	if strings.Count(out, "REGRESSION") != 1 {
		t.Errorf("only the broken test is a regression:\n%s", out)
	}

	b.Reset()
	writeFixcheck(&b, results[1:2])
	if out := b.String(); !strings.Contains(out, "\nno file changed: nothing to check\n\n1 modules, 0 fixes, 0 regressions\n") {
		t.Errorf("fixcheck table without fixes:\n%s", out)
	}
}
