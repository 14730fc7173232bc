package main_test

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitRepo makes dir a git repository with everything in it committed.
func gitRepo(t *testing.T, dir string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	for _, args := range [][]string{
		{"init", "-q"},
		{"add", "."},
		{"-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "legacy"},
	} {
		if r := run(t, dir, "git", args...); r.code != 0 {
			t.Fatalf("git %v: %s", args, r.stderr)
		}
	}
}

// TestNewFromRev commits a module with findings, then moves them and adds a bug:
// -new-from-rev HEAD reports the bug alone, in every format, with exit status 1.
func TestNewFromRev(t *testing.T) {
	dir := newLegacyModule(t)
	gitRepo(t, dir)
	if r := run(t, dir, deferlint, "-new-from-rev", "HEAD", "./..."); r.code != 0 || r.stdout != "" {
		t.Errorf("-new-from-rev HEAD with nothing changed: exit status %d, output:\n%s%s", r.code, r.stdout, r.stderr)
	}
	writeFiles(t, dir, map[string]string{"legacy.go": refactored})
	for _, format := range []string{"text", "json", "sarif", "github"} {
		r := run(t, dir, deferlint, "-new-from-rev", "HEAD", "-format", format, "./...")
		got := findingsOf(t, format, r.stdout)
		if r.code != 1 || len(got) != 1 || got[0] != "legacy.go:11:8: ctxcancel" {
			t.Errorf("-new-from-rev -format %s: exit status %d, findings %q, want only legacy.go:11:8: ctxcancel; stderr:\n%s",
				format, r.code, got, r.stderr)
		}
	}

	// A file git does not track yet is new code as a whole.
	writeFiles(t, dir, map[string]string{"added.go": "package legacy\n\nimport (\n\t\"log\"\n\t\"time\"\n)\n\nfunc Added() {\n\tstart := time.Now()\n\tdefer log.Println(time.Since(start))\n}\n"})
	r := run(t, dir, deferlint, "-new-from-rev", "HEAD", "./...")
	if r.code != 1 || !strings.Contains(r.stdout, "added.go:10:20: ") || !strings.Contains(r.stdout, "legacy.go:11:8: ") || strings.Count(r.stdout, "\n") != 2 {
		t.Errorf("-new-from-rev with an untracked file: exit status %d, output:\n%s%s", r.code, r.stdout, r.stderr)
	}

	// Together with -baseline: what is new by both counts.
	w := run(t, dir, deferlint, "-baseline-write", "b.jsonl", "-enable", "ctxcancel", "./...")
	r = run(t, dir, deferlint, "-baseline", "b.jsonl", "-new-from-rev", "HEAD", "./...")
	if w.code != 0 || r.code != 1 || strings.TrimSpace(r.stdout) == "" || strings.Contains(r.stdout, "ctxcancel") {
		t.Errorf("-baseline with -new-from-rev: exit status %d, output:\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestNewFromRevErrors(t *testing.T) {
	dir := newLegacyModule(t)
	r := run(t, dir, deferlint, "-new-from-rev", "HEAD", "./...")
	if r.code != 2 || !strings.Contains(r.stderr, "-new-from-rev: ") || !strings.Contains(r.stderr, "is not in a git work tree") {
		t.Errorf("-new-from-rev outside a repository: exit status %d, stderr:\n%s", r.code, r.stderr)
	}
	gitRepo(t, dir)
	r = run(t, dir, deferlint, "-new-from-rev", "no-such-rev", "./...")
	want := `deferlint: -new-from-rev: "no-such-rev" is not a revision of the repository at `
	if r.code != 2 || !strings.HasPrefix(r.stderr, want) || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("-new-from-rev with an unknown revision: exit status %d, stderr:\n%s\nwant one line starting %q", r.code, r.stderr, want)
	}
	for _, test := range []struct {
		args []string
		want string
	}{
		{[]string{"-baseline", filepath.Join(dir, "none.jsonl")}, "-baseline: open "},
		{[]string{"-baseline", "go.mod"}, "-baseline: go.mod:1: not a baseline entry"},
		{[]string{"-baseline-write", "b.jsonl", "-baseline", "b.jsonl"}, "cannot be combined"},
		{[]string{"-baseline-write", "b.jsonl", "-fix"}, "cannot be combined"},
	} {
		r := run(t, dir, deferlint, append(test.args, "./...")...)
		if r.code != 2 || !strings.Contains(r.stderr, test.want) || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("deferlint %v: exit status %d, stderr:\n%s\nwant one line containing %q", test.args, r.code, r.stderr, test.want)
		}
	}
}
