package driver

import (
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestInvokedByGoCommand(t *testing.T) {
	for _, test := range []struct {
		args []string
		want bool
	}{
		{[]string{"-V=full"}, true},
		{[]string{"-flags"}, true},
		{[]string{"-deferargs", "-json", "/tmp/go-build/vet.cfg"}, true},
		{[]string{"./..."}, false},
		{[]string{"-format", "json", "./..."}, false},
		{[]string{}, false},
		{[]string{"V=full"}, false},
	} {
		if got := invokedByGoCommand(test.args); got != test.want {
			t.Errorf("invokedByGoCommand(%q) = %v, want %v", test.args, got, test.want)
		}
	}
}

func TestSelectAnalyzers(t *testing.T) {
	a, b, c := &analysis.Analyzer{Name: "a"}, &analysis.Analyzer{Name: "b"}, &analysis.Analyzer{Name: "c"}
	suite := []*analysis.Analyzer{a, b, c}
	for _, test := range []struct {
		enable, disable string
		want            []string
		err             string
	}{
		{"", "", []string{"a", "b", "c"}, ""},
		{"c,a", "", []string{"a", "c"}, ""},
		{"", "b", []string{"a", "c"}, ""},
		{"a,b", "b", []string{"a"}, ""},
		{"x", "", nil, `-enable: unknown analyzer "x"`},
		{"", "a,b,c", nil, "leave no analyzer to run"},
	} {
		got, err := selectAnalyzers(suite, test.enable, test.disable)
		var names []string
		for _, a := range got {
			names = append(names, a.Name)
		}
		if test.err != "" {
			if err == nil || !strings.Contains(err.Error(), test.err) {
				t.Errorf("selectAnalyzers(%q, %q): error %v, want %q", test.enable, test.disable, err, test.err)
			}
		} else if err != nil || !slices.Equal(names, test.want) {
			t.Errorf("selectAnalyzers(%q, %q) = %v, %v; want %v", test.enable, test.disable, names, err, test.want)
		}
	}
}

func TestHelpRequest(t *testing.T) {
	for _, test := range []struct {
		args []string
		name string
		ok   bool
	}{
		{[]string{"-help"}, "", true},
		{[]string{"--help", "deferargs"}, "deferargs", true},
		{[]string{"-h", "-list"}, "", true},
		{[]string{"./..."}, "", false},
		{[]string{"--", "-help"}, "", false},
	} {
		if name, ok := helpRequest(test.args); name != test.name || ok != test.ok {
			t.Errorf("helpRequest(%q) = %q, %v; want %q, %v", test.args, name, ok, test.name, test.ok)
		}
	}
}

func TestAcceptSkipsOverlappingFixes(t *testing.T) {
	byFile := make(map[string][]edit)
	first := []edit{{filename: "f.go", start: 10, end: 20, newText: "x"}}
	if !accept(byFile, first) {
		t.Fatal("the first fix was refused")
	}
	if !accept(byFile, first) {
		t.Error("an identical fix (a package and its test variant) was refused")
	}
	if accept(byFile, []edit{{filename: "f.go", start: 15, end: 25, newText: "y"}}) {
		t.Error("an overlapping fix was accepted")
	}
	if accept(byFile, []edit{{filename: "f.go", start: 10, end: 10, newText: "z"}}) {
		t.Error("an insertion at the start of an accepted edit was accepted: their order is undefined")
	}
	if !accept(byFile, []edit{{filename: "f.go", start: 20, end: 22, newText: "w"}}) {
		t.Error("an adjacent fix was refused")
	}
	if got := string(applyEdits([]byte("0123456789abcdefghijklmnop"), byFile["f.go"])); got != "0123456789xwmnop" {
		t.Errorf("applyEdits = %q", got)
	}
}

func TestUTF16Columns(t *testing.T) {
	name := filepath.Join(t.TempDir(), "f.go")
	if err := os.WriteFile(name, []byte("ab\n\"é😀\" + x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := newColumnCounter()
	// x is at byte column 12: the quote (1), é (2), 😀 (4), the quote and " + " (4).
	// In UTF-16: 1 + 1 + 2 + 4 = 8 units before it.
	if got := c.utf16(token.Position{Filename: name, Line: 2, Column: 12}); got != 9 {
		t.Errorf("utf16 column = %d, want 9", got)
	}
	if got := c.utf16(token.Position{Filename: name, Line: 1, Column: 2}); got != 2 {
		t.Errorf("utf16 column on an ASCII line = %d, want 2", got)
	}
	if got := c.utf16(token.Position{Filename: "missing.go", Line: 3, Column: 7}); got != 7 {
		t.Errorf("utf16 column of an unreadable file = %d, want the byte column 7", got)
	}
}

func TestPositionAfter(t *testing.T) {
	old := []byte("a\nbb\ncc\ndd\n")
	edits := []edit{
		{filename: "f.go", start: 2, end: 2, newText: "new\n"}, // a line inserted before bb
		{filename: "f.go", start: 5, end: 7, newText: "CCC"},   // cc replaced
	}
	file := fixedFile{name: "f.go", old: old, updated: applyEdits(old, edits), edits: edits}
	for _, test := range []struct {
		offset, line, column int // before
		wantLine, wantColumn int
	}{
		{0, 1, 1, 1, 1},   // before every edit: unchanged
		{2, 2, 1, 3, 1},   // at an insertion: after the inserted line
		{3, 2, 2, 3, 2},   // moved down a line
		{6, 3, 2, 4, 1},   // inside a replaced span: the start of the replacement
		{8, 4, 1, 5, 1},   // after both
		{8, 40, 1, 40, 1}, // a //line directive moved it: left as it is
	} {
		posn := token.Position{Filename: "f.go", Offset: test.offset, Line: test.line, Column: test.column}
		got := positionAfter(posn, []fixedFile{file})
		if got.Line != test.wantLine || got.Column != test.wantColumn {
			t.Errorf("positionAfter(offset %d) = %d:%d, want %d:%d", test.offset, got.Line, got.Column, test.wantLine, test.wantColumn)
		}
	}
	other := token.Position{Filename: "g.go", Offset: 3, Line: 2, Column: 2}
	if got := positionAfter(other, []fixedFile{file}); got != other {
		t.Errorf("a position in a file not written moved to %v", got)
	}
}

func TestSayApplied(t *testing.T) {
	wd := t.TempDir()
	name := filepath.Join(wd, "f.go")
	fixed := func(analyzer string, offset int, text string) finding {
		e := edit{filename: name, start: offset, end: offset, newText: text}
		return finding{analyzer: analyzer, posn: token.Position{Filename: name, Offset: offset, Line: 1, Column: offset + 1},
			fixes: []fix{{edits: []edit{e}}}}
	}
	plan := planFixes([]finding{
		fixed("deferloop", 0, "x\n"),
		fixed("ctxcancel", 2, "y"),
		fixed("loopcapture", 2, "z"), // the same insertion point as ctxcancel's: skipped, and said after ctxcancel's "y"
	})
	old := []byte("ab\n")
	file := fixedFile{name: name, old: old, updated: applyEdits(old, plan.edits[name]), edits: plan.edits[name]}
	var out strings.Builder
	sayApplied(plan, []fixedFile{file}, wd, &out)
	want := `deferlint: fixed f.go: 2 fixes (deferloop, ctxcancel)
deferlint: skipped the loopcapture fix at f.go:2:4: it overlaps another fix (run deferlint -fix again to apply it)
deferlint: applied 2 fixes to 1 file, skipped 1
`
	if got := out.String(); got != want {
		t.Errorf("sayApplied printed\n%s\nwant\n%s", got, want)
	}
	out.Reset()
	sayApplied(planFixes(nil), nil, wd, &out)
	if got := out.String(); got != "deferlint: no fixes applied\n" {
		t.Errorf("sayApplied without fixes printed %q", got)
	}
}
