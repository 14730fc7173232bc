package driver

import (
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFixedFilesFormat checks that a fixed Go file is written gofmt'd, and that the
// fixes of a file they would leave invalid are skipped, with a word on stderr.
func TestFixedFilesFormat(t *testing.T) {
	wd := t.TempDir()
	good := filepath.Join(wd, "good.go")
	bad := filepath.Join(wd, "bad.go")
	src := "package p\n\nimport (\n\t\"os\"\n)\n\nfunc f() {\n\tos.Exit(0)\n}\n"
	for _, name := range []string{good, bad} {
		if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	at := strings.Index(src, "\t\"os\"") + len("\t\"os\"")
	body := strings.Index(src, "\tos.Exit")
	plan := planFixes([]finding{
		{analyzer: "a", fixes: []fix{{edits: []edit{{filename: good, start: at, end: at, newText: "\n\t\"errors\""}}}}},
		{analyzer: "b", fixes: []fix{{edits: []edit{{filename: good, start: body, end: body + 1, newText: "  _ = errors.New(\"x\")\n  "}}}}},
		{analyzer: "c", fixes: []fix{{edits: []edit{{filename: bad, start: body, end: body, newText: "defer (\n"}}}}},
	})
	var stderr strings.Builder
	files, err := plan.fixedFiles(wd, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	want := "package p\n\nimport (\n\t\"errors\"\n\t\"os\"\n)\n\nfunc f() {\n\t_ = errors.New(\"x\")\n\tos.Exit(0)\n}\n"
	if len(files) != 1 || files[0].name != good || string(files[0].final()) != want {
		t.Fatalf("fixedFiles = %+v, want good.go only, as\n%s", files, want)
	}
	if !strings.Contains(stderr.String(), "deferlint: skipped the fixes for bad.go: they would leave it invalid Go") {
		t.Errorf("stderr does not say the fixes for bad.go were skipped:\n%s", stderr.String())
	}

	// A position after the fixes follows the formatting: os.Exit, reindented by the
	// edit before it, stands at the start of its line's code.
	exit := strings.Index(src, "os.Exit")
	posn := positionAfter(token.Position{Filename: good, Offset: exit, Line: 8, Column: 2}, files)
	if posn.Line != 10 || posn.Column != 2 || posn.Offset != strings.Index(want, "os.Exit") {
		t.Errorf("positionAfter(os.Exit) = %d:%d (offset %d), want 10:2 (offset %d)", posn.Line, posn.Column, posn.Offset, strings.Index(want, "os.Exit"))
	}
}

// TestFixedFilesKeepLayout checks that a file its authors keep unformatted is not
// reformatted: only the fixed lines change.
func TestFixedFilesKeepLayout(t *testing.T) {
	wd := t.TempDir()
	name := filepath.Join(wd, "loose.go")
	src := "package p\n\n//      http://example.com/licence\nfunc f() {\n\tg()\n}\n\nfunc g()  {}\n"
	if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	at := strings.Index(src, "\tg()")
	plan := planFixes([]finding{
		{analyzer: "a", fixes: []fix{{edits: []edit{{filename: name, start: at, end: at, newText: "\tdefer g()\n"}}}}},
	})
	var stderr strings.Builder
	files, err := plan.fixedFiles(wd, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	want := "package p\n\n//      http://example.com/licence\nfunc f() {\n\tdefer g()\n\tg()\n}\n\nfunc g()  {}\n"
	if len(files) != 1 || string(files[0].final()) != want {
		t.Fatalf("fixedFiles = %+v, want\n%s", files, want)
	}
}
