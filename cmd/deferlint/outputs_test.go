package main_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestSeveralOutputs runs once on a module two directories below the root of a git
// repository, with annotations on stdout and SARIF and JSON in files: GitHub and
// SARIF paths are relative to the repository root, JSON paths to the working
// directory, and all three hold the same findings with the same severities.
func TestSeveralOutputs(t *testing.T) {
	repo := t.TempDir()
	dir := filepath.Join(repo, "services", "legacy")
	writeFiles(t, dir, map[string]string{"go.mod": "module example.com/legacy\n\ngo 1.22\n", "legacy.go": refactored})
	gitRepo(t, repo)

	r := run(t, dir, deferlint, "-format", "github", "-out", "sarif=deferlint.sarif", "-out", "json=deferlint.json", "./...")
	if r.code != 1 || r.stderr != "" {
		t.Fatalf("exit status %d, want 1; stderr:\n%s", r.code, r.stderr)
	}
	annotations := findingsOf(t, "github", r.stdout)
	want := []string{
		"services/legacy/legacy.go:11:8: ctxcancel",
		"services/legacy/legacy.go:17:20: deferargs",
		"services/legacy/legacy.go:23:20: deferargs",
		"services/legacy/legacy.go:24:20: deferargs",
	}
	if !slices.Equal(annotations, want) {
		t.Errorf("annotations %q, want %q", annotations, want)
	}
	if !strings.HasPrefix(r.stdout, "::error file=services/legacy/legacy.go,line=11,") {
		t.Errorf("annotations are not errors:\n%s", r.stdout)
	}

	sarifLog, err := os.ReadFile(filepath.Join(dir, "deferlint.sarif"))
	if err != nil {
		t.Fatalf("-out sarif=deferlint.sarif: %v", err)
	}
	var fromSARIF []string
	for _, res := range sarifResults(t, string(sarifLog)) {
		fromSARIF = append(fromSARIF, res.posn+": "+res.rule)
		if res.level != "error" {
			t.Errorf("SARIF result %s has level %q, want error", res.posn, res.level)
		}
	}
	if !slices.Equal(fromSARIF, want) {
		t.Errorf("SARIF results %q, want %q", fromSARIF, want)
	}

	data, err := os.ReadFile(filepath.Join(dir, "deferlint.json"))
	if err != nil {
		t.Fatalf("-out json=deferlint.json: %v", err)
	}
	fromJSON := findingsOf(t, "json", string(data))
	for i := range want {
		want[i] = strings.TrimPrefix(want[i], "services/legacy/")
	}
	if !slices.Equal(fromJSON, want) {
		t.Errorf("JSON findings %q, want %q", fromJSON, want)
	}
}

// TestSeverity checks that a policy finding is a warning in every format and that
// -fail-on error lets warnings pass.
func TestSeverity(t *testing.T) {
	dir := example(t, "example")
	policy := []string{"-enable", "gorecover,directives", "./..."}
	r := run(t, dir, deferlint, append([]string{"-format", "github", "-out", "sarif=x.sarif", "-out", "json=x.json", "-out", "text=x.txt"}, policy...)...)
	if r.code != 1 || strings.Count(r.stdout, "::warning ") != 2 || strings.Contains(r.stdout, "::error ") {
		t.Errorf("policy findings: exit status %d, want 1 with two ::warning annotations:\n%s%s", r.code, r.stdout, r.stderr)
	}
	text, _ := os.ReadFile(filepath.Join(dir, "x.txt"))
	if strings.Count(string(text), ": warning: ") != 2 {
		t.Errorf("text output does not say warning twice:\n%s", text)
	}
	sarifLog, _ := os.ReadFile(filepath.Join(dir, "x.sarif"))
	for _, res := range sarifResults(t, string(sarifLog)) {
		if res.level != "warning" {
			t.Errorf("SARIF result %+v, want level warning", res)
		}
	}
	var rules struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID                   string
						DefaultConfiguration struct{ Level string }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(sarifLog, &rules); err != nil {
		t.Fatal(err)
	}
	for _, rule := range rules.Runs[0].Tool.Driver.Rules {
		if want := map[string]string{"gorecover": "error", "directives": "warning"}[rule.ID]; rule.DefaultConfiguration.Level != want {
			t.Errorf("rule %s: default level %q, want %q", rule.ID, rule.DefaultConfiguration.Level, want)
		}
	}
	var out struct{ Findings []struct{ Severity string } }
	data, _ := os.ReadFile(filepath.Join(dir, "x.json"))
	if err := json.Unmarshal(data, &out); err != nil || len(out.Findings) != 2 || out.Findings[0].Severity != "warning" || out.Findings[1].Severity != "warning" {
		t.Errorf("JSON findings %+v (%v), want two warnings", out.Findings, err)
	}

	if r := run(t, dir, deferlint, append([]string{"-fail-on", "error"}, policy...)...); r.code != 0 || strings.Count(r.stdout, ": warning: ") != 2 {
		t.Errorf("-fail-on error with warnings only: exit status %d, want 0 with the warnings printed:\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, dir, deferlint, "-fail-on", "error", "./..."); r.code != 1 {
		t.Errorf("-fail-on error with errors: exit status %d, want 1", r.code)
	}
	if r := run(t, dir, deferlint, "-fail-on", "warning", "./worker"); r.code != 1 {
		t.Errorf("-fail-on warning: exit status %d, want 1", r.code)
	}
}

func TestOutputFlagErrors(t *testing.T) {
	dir := example(t, "example")
	for _, test := range []struct {
		args []string
		want string
	}{
		{[]string{"-fail-on", "fatal"}, `invalid value "fatal" for flag -fail-on: unknown severity "fatal": use error or warning`},
		{[]string{"-out", "sarif"}, `invalid value "sarif" for flag -out: want FORMAT=FILE`},
		{[]string{"-out", "xml=x.xml"}, `unknown format "xml"`},
		{[]string{"-out", "json=x", "-out", "sarif=x"}, "x is named twice"},
		{[]string{"-out", "json=x", "-diff"}, "-out cannot be combined with -diff"},
		{[]string{"-out", "json=" + filepath.Join(dir, "no", "such", "dir", "x")}, "-out: open "},
	} {
		r := run(t, dir, deferlint, append(test.args, "./clean")...)
		if r.code != 2 || !strings.Contains(r.stderr, test.want) {
			t.Errorf("deferlint %v: exit status %d, stderr:\n%s\nwant it to contain %q", test.args, r.code, r.stderr, test.want)
		}
	}
}
