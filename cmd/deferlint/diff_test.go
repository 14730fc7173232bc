package main_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// distantFixes returns a file with two fixable findings about 2,000 lines apart.
func distantFixes() string {
	var src strings.Builder
	src.WriteString("package p\n\nimport (\n\t\"log\"\n\t\"time\"\n)\n\n")
	timed := func(name string) {
		fmt.Fprintf(&src, "func %s(work func()) {\n\tstart := time.Now()\n\tdefer log.Print(time.Since(start))\n\twork()\n}\n\n", name)
	}
	timed("First")
	for i := range 660 {
		fmt.Fprintf(&src, "func filler%d() int {\n\treturn %d\n}\n", i, i)
	}
	src.WriteString("\n")
	timed("Last")
	return src.String()
}

// TestDiffHunks checks that two fixes far apart in one file are two small hunks, and
// that the hunks are those of diff -u between the file and the file -fix writes.
func TestDiffHunks(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod": "module example.com/p\n\ngo 1.22\n",
		"p.go":   distantFixes(),
	})
	r := run(t, dir, deferlint, "-diff", "./...")
	if r.code != 1 {
		t.Fatalf("exit status %d, want 1; stderr:\n%s", r.code, r.stderr)
	}
	if n := strings.Count(r.stdout, "\n@@ "); n != 2 {
		t.Errorf("%d hunks, want 2:\n%s", n, r.stdout)
	}
	if n := strings.Count(r.stdout, "\n"); n > 20 {
		t.Errorf("the diff has %d lines, want two hunks of 7 and the headers", n)
	}
	if _, err := exec.LookPath("diff"); err != nil {
		return
	}
	orig := filepath.Join(t.TempDir(), "p.go")
	if err := os.WriteFile(orig, []byte(distantFixes()), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := run(t, dir, deferlint, "-fix", "./..."); r.code == 2 {
		t.Fatalf("-fix failed:\n%s", r.stderr)
	}
	want := run(t, dir, "diff", "-u", orig, "p.go").stdout
	if hunks(r.stdout) != hunks(want) || want == "" {
		t.Errorf("-diff:\n%s\ndiff -u of what -fix wrote:\n%s", r.stdout, want)
	}
}

// hunks returns a diff without its file headers.
func hunks(diff string) string {
	if i := strings.Index(diff, "\n@@ "); i >= 0 {
		return diff[i+1:]
	}
	return diff
}
