package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFixRefusesWhatDoesNotCompile runs -fix with a recovery handler that does not
// exist: the gorecover fix would import it, so the package it would fix keeps its
// files, the run says so and fails, and the module still builds.
func TestFixRefusesWhatDoesNotCompile(t *testing.T) {
	dir := example(t, "example")
	jobs := filepath.Join(dir, "jobs", "jobs.go")
	before, err := os.ReadFile(jobs)
	if err != nil {
		t.Fatal(err)
	}
	r := run(t, dir, deferlint, "-gorecover.handler=example.com/x.Recover", "-fix", "./...")
	if r.code != 2 {
		t.Errorf("exit status %d, want 2; stderr:\n%s", r.code, r.stderr)
	}
	want := "deferlint: refused the fixes for package example.com/example/jobs: they would not compile (jobs/jobs.go:"
	if !strings.Contains(r.stderr, want) || !strings.Contains(r.stderr, "restored jobs/jobs.go") {
		t.Errorf("stderr does not say %q and what it restored:\n%s", want, r.stderr)
	}
	if strings.Contains(r.stderr, "fixed jobs/jobs.go") {
		t.Errorf("stderr says a refused file was fixed:\n%s", r.stderr)
	}
	if !strings.Contains(r.stderr, "fixed metrics/metrics.go") {
		t.Errorf("the fixes of the other packages were not kept:\n%s", r.stderr)
	}
	after, err := os.ReadFile(jobs)
	if err != nil {
		t.Fatal(err)
	}
	if string(after) != string(before) {
		t.Errorf("jobs.go was not restored:\n%s", after)
	}
	if b := run(t, dir, "go", "build", "./..."); b.code != 0 {
		t.Errorf("the module does not build after -fix:\n%s", b.stderr)
	}
	// The findings of the refused package are still reported.
	if !strings.Contains(r.stdout, "jobs/jobs.go:") {
		t.Errorf("the findings of the refused package are not reported:\n%s", r.stdout)
	}
}
