package main_test

import (
	"strings"
	"testing"
)

// directivesModule has a used and a stale ignore directive, a used and a stale
// file-ignore directive.
func directivesModule(t *testing.T) string {
	return writeModule(t, map[string]string{
		"go.mod": "module example.com/st\n\ngo 1.22\n",
		"st.go": `package st

import (
	"log"
	"time"
)

func Used(work func()) {
	start := time.Now()
	//deferlint:ignore deferargs the time to reach this line is what we log
	defer log.Print(time.Since(start))
	work()
}

func Stale(work func()) {
	//deferlint:ignore deferargs nothing here any more
	defer log.Print("done")
	work()
}
`,
		"whole.go": `//deferlint:file-ignore deferargs the times logged here are those of the start

package st

import (
	"log"
	"time"
)

func Whole(work func()) {
	start := time.Now()
	defer log.Print(time.Since(start))
	work()
}
`,
		"stalefile.go": `package st

//deferlint:file-ignore unclosed,deferloop nothing to silence here

func Nothing() {}
`,
	})
}

const (
	staleIgnore     = "st.go:16:2: warning: //deferlint:ignore deferargs silences nothing: there is no deferargs finding on this line or the next, so the directive can be removed (directives)"
	staleFileIgnore = "stalefile.go:3:1: warning: //deferlint:file-ignore unclosed,deferloop silences nothing: there is no unclosed or deferloop finding in this file, so the directive can be removed (directives)"
)

func TestStaleDirectives(t *testing.T) {
	dir := directivesModule(t)
	r := run(t, dir, deferlint, "./...")
	if r.code != 1 {
		t.Errorf("exit status %d, want 1; stderr:\n%s", r.code, r.stderr)
	}
	if want := staleIgnore + "\n" + staleFileIgnore + "\n"; r.stdout != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", r.stdout, want)
	}
	// A directive is not stale when an analyzer it names did not run.
	r = run(t, dir, deferlint, "-disable", "deferargs", "./...")
	if want := staleFileIgnore + "\n"; r.stdout != want {
		t.Errorf("-disable deferargs: stdout:\n%s\nwant:\n%s", r.stdout, want)
	}
	r = run(t, dir, deferlint, "-disable", "directives", "./...")
	if r.code != 0 || r.stdout != "" {
		t.Errorf("-disable directives: exit status %d, stdout:\n%s", r.code, r.stdout)
	}
}

// TestFileIgnoreGoVet checks that go vet honours a file-ignore directive, and that
// it reports no stale directive: it cannot know.
func TestFileIgnoreGoVet(t *testing.T) {
	dir := directivesModule(t)
	r := run(t, dir, "go", "vet", "-vettool="+deferlint, "./...")
	if r.code != 0 || strings.Contains(r.stderr, "whole.go") || strings.Contains(r.stderr, "silences nothing") {
		t.Errorf("go vet: exit status %d, stderr:\n%s", r.code, r.stderr)
	}
}
