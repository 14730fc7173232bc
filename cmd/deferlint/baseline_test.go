package main_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// writeFiles writes the files, named by slash paths relative to dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// legacy is a module with findings already there: two identical ones in Twice.
const legacy = `package legacy

import (
	"context"
	"log"
	"time"
)

func Handle() {
	start := time.Now()
	defer log.Println(time.Since(start))
	work()
}

func Twice() {
	start := time.Now()
	defer log.Println(time.Since(start))
	defer log.Println(time.Since(start))
}

func work() { _ = context.Background() }
`

// refactored is legacy after a change that moves every finding down (a function
// inserted above them) and adds one bug: the cancel function Fresh discards.
var refactored = strings.Replace(legacy, "func Handle() {", `// Fresh is new.
func Fresh(ctx context.Context, fetch func(context.Context) error) error {
	kctx, _ := context.WithTimeout(ctx, time.Second)
	return fetch(kctx)
}

func Handle() {`, 1)

func newLegacyModule(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "legacy")
	writeFiles(t, dir, map[string]string{"go.mod": "module example.com/legacy\n\ngo 1.22\n", "legacy.go": legacy})
	return dir
}

// TestBaseline records a baseline, moves the findings and adds a bug: -baseline
// reports the new bug alone, in every format, with exit status 1.
func TestBaseline(t *testing.T) {
	dir := newLegacyModule(t)
	before := run(t, dir, deferlint, "./...")
	if before.code != 1 || strings.Count(before.stdout, "\n") != 3 {
		t.Fatalf("before: exit status %d, want 1 with 3 findings:\n%s%s", before.code, before.stdout, before.stderr)
	}
	w := run(t, dir, deferlint, "-baseline-write", "baseline.jsonl", "./...")
	if w.code != 0 || w.stdout != "" || w.stderr != "deferlint: recorded 3 findings in baseline.jsonl\n" {
		t.Fatalf("-baseline-write: exit status %d, stdout %q, stderr %q", w.code, w.stdout, w.stderr)
	}
	checkBaselineFile(t, filepath.Join(dir, "baseline.jsonl"))

	if r := run(t, dir, deferlint, "-baseline", "baseline.jsonl", "./..."); r.code != 0 || r.stdout != "" {
		t.Errorf("-baseline on the code it was written from: exit status %d, output:\n%s%s", r.code, r.stdout, r.stderr)
	}

	writeFiles(t, dir, map[string]string{"legacy.go": refactored})
	for _, format := range []string{"text", "json", "sarif", "github"} {
		r := run(t, dir, deferlint, "-baseline", "baseline.jsonl", "-format", format, "./...")
		got := findingsOf(t, format, r.stdout)
		if r.code != 1 || len(got) != 1 || !strings.HasPrefix(got[0], "legacy.go:11:8: ctxcancel") {
			t.Errorf("-baseline -format %s after the change: exit status %d, findings %q, want only the new ctxcancel one at legacy.go:11:8; stderr:\n%s",
				format, r.code, got, r.stderr)
		}
	}

	// A third copy of a recorded finding is new: the baseline counts them.
	writeFiles(t, dir, map[string]string{"legacy.go": strings.Replace(refactored,
		"\tdefer log.Println(time.Since(start))\n}", "\tdefer log.Println(time.Since(start))\n\tdefer log.Println(time.Since(start))\n}", 1)})
	r := run(t, dir, deferlint, "-baseline", "baseline.jsonl", "-enable", "deferargs", "./...")
	if r.code != 1 || strings.Count(r.stdout, "\n") != 1 || !strings.Contains(r.stdout, "(deferargs)") {
		t.Errorf("-baseline with a third identical finding: exit status %d, output:\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// checkBaselineFile checks the documented form: one JSON object a line, sorted,
// with the enclosing function and no line number.
func checkBaselineFile(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	var functions []string
	for _, line := range lines {
		var entry map[string]any
		if err := json.Unmarshal([]byte(line), &entry); err != nil {
			t.Fatalf("baseline line %q: %v", line, err)
		}
		if _, ok := entry["line"]; ok {
			t.Errorf("baseline entry has a line number: %s", line)
		}
		functions = append(functions, fmt.Sprintf("%v#%v", entry["function"], entry["index"]))
	}
	if want := []string{"Handle#0", "Twice#0", "Twice#1"}; !slices.Equal(functions, want) {
		t.Errorf("baseline entries are for %v, want %v:\n%s", functions, want, data)
	}
	if !slices.IsSorted(lines) {
		t.Errorf("baseline is not sorted:\n%s", data)
	}
}

// findingsOf returns "file:line:col: analyzer" for each finding in output of the
// format, with the file relative to the module (the repository root here).
func findingsOf(t *testing.T, format, output string) []string {
	t.Helper()
	var got []string
	switch format {
	case "text":
		for line := range strings.Lines(output) {
			posn, rest, _ := strings.Cut(line, ": ")
			analyzer := rest[strings.LastIndex(rest, "(")+1 : strings.LastIndex(rest, ")")]
			got = append(got, posn+": "+analyzer)
		}
	case "json":
		var out struct {
			Findings []struct {
				Analyzer string
				Posn     struct {
					File         string
					Line, Column int
				}
			}
		}
		if err := json.Unmarshal([]byte(output), &out); err != nil {
			t.Fatalf("json output: %v\n%s", err, output)
		}
		for _, f := range out.Findings {
			got = append(got, posn(f.Posn.File, f.Posn.Line, f.Posn.Column)+": "+f.Analyzer)
		}
	case "sarif":
		for _, r := range sarifResults(t, output) {
			got = append(got, r.posn+": "+r.rule)
		}
	case "github":
		for line := range strings.Lines(output) {
			props, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(line, "::error "), "::warning "), "::")
			fields := make(map[string]string)
			for prop := range strings.SplitSeq(props, ",") {
				k, v, _ := strings.Cut(prop, "=")
				fields[k] = v
			}
			got = append(got, fields["file"]+":"+fields["line"]+":"+fields["col"]+": "+strings.TrimPrefix(fields["title"], "deferlint "))
		}
	}
	return got
}

func posn(file string, line, column int) string {
	return file + ":" + strconv.Itoa(line) + ":" + strconv.Itoa(column)
}

type sarifResult struct {
	rule, level, posn string
}

// sarifResults returns the results of a SARIF log: rule, level, and URI:line:col.
func sarifResults(t *testing.T, output string) []sarifResult {
	t.Helper()
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string
				Level     string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(output), &log); err != nil {
		t.Fatalf("sarif output: %v\n%s", err, output)
	}
	var results []sarifResult
	for _, r := range log.Runs[0].Results {
		loc := r.Locations[0].PhysicalLocation
		results = append(results, sarifResult{r.RuleID, r.Level, posn(loc.ArtifactLocation.URI, loc.Region.StartLine, loc.Region.StartColumn)})
	}
	return results
}
