package unified

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestOpsShortest checks on random files that the edit script turns a into b and is
// as short as the longest common subsequence allows.
func TestOpsShortest(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 3000 {
		a, b := randomLines(r), randomLines(r)
		if round%3 == 0 { // b an edit of a, as a fix makes
			b = edit(r, a)
		}
		ops := Ops(a, b)
		var gotA, gotB []string
		changes := 0
		for _, op := range ops {
			if op.Kind != '+' {
				gotA = append(gotA, op.Line)
			}
			if op.Kind != '-' {
				gotB = append(gotB, op.Line)
			}
			if op.Kind != ' ' {
				changes++
			}
		}
		if strings.Join(gotA, "") != strings.Join(a, "") || strings.Join(gotB, "") != strings.Join(b, "") {
			t.Fatalf("Ops(%q, %q) = %v: not a script from a to b", a, b, ops)
		}
		if want := len(a) + len(b) - 2*lcs(a, b); changes != want {
			t.Fatalf("Ops(%q, %q) has %d changes, want %d", a, b, changes, want)
		}
	}
}

func randomLines(r *rand.Rand) []string {
	lines := make([]string, r.IntN(30))
	for i := range lines {
		lines[i] = string(rune('a'+r.IntN(4))) + "\n"
	}
	return lines
}

func edit(r *rand.Rand, a []string) []string {
	b := append([]string(nil), a...)
	for range r.IntN(4) {
		i := r.IntN(len(b) + 1)
		switch r.IntN(2) {
		case 0:
			b = append(b[:i], append([]string{"new\n"}, b[i:]...)...)
		default:
			if i < len(b) {
				b = append(b[:i], b[i+1:]...)
			}
		}
	}
	return b
}

func lcs(a, b []string) int {
	l := make([][]int, len(a)+1)
	for i := range l {
		l[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				l[i][j] = l[i+1][j+1] + 1
			} else {
				l[i][j] = max(l[i+1][j], l[i][j+1])
			}
		}
	}
	return l[0][0]
}

// numbered returns a file of n distinct lines.
func numbered(n int) []string {
	lines := make([]string, n)
	for i := range lines {
		lines[i] = fmt.Sprintf("line %d\n", i+1)
	}
	return lines
}

// TestTwoDistantChanges checks that two changes 2,000 lines apart are two small
// hunks, not one that rewrites everything between them.
func TestTwoDistantChanges(t *testing.T) {
	a := numbered(2100)
	b := append([]string(nil), a...)
	b[9] = "changed 10\n"
	b = append(b[:2010], append([]string{"inserted\n"}, b[2010:]...)...)
	got := Diff("f.go", []byte(strings.Join(a, "")), []byte(strings.Join(b, "")))
	want := `--- a/f.go
+++ b/f.go
@@ -7,7 +7,7 @@
 line 7
 line 8
 line 9
-line 10
+changed 10
 line 11
 line 12
 line 13
@@ -2008,6 +2008,7 @@
 line 2008
 line 2009
 line 2010
+inserted
 line 2011
 line 2012
 line 2013
`
	if got != want {
		t.Errorf("Diff:\n%s\nwant:\n%s", got, want)
	}
}

// TestLikeDiffU compares the hunks with those of diff -u, when it is installed, on
// cases whose shortest edit script is unique.
func TestLikeDiffU(t *testing.T) {
	if _, err := exec.LookPath("diff"); err != nil {
		t.Skip("no diff command")
	}
	lines := numbered(40)
	replace := func(i int, s string) []string {
		b := append([]string(nil), lines...)
		b[i] = s
		return b
	}
	cut := func(i, j int) []string { return append(append([]string(nil), lines[:i]...), lines[j:]...) }
	two := replace(10, "x\n")
	two[16] = "y\n"
	cases := map[string][2][]string{
		"one line changed":          {lines, replace(20, "x\n")},
		"first line changed":        {lines, replace(0, "x\n")},
		"last line changed":         {lines, replace(39, "x\n")},
		"lines deleted":             {lines, cut(10, 14)},
		"changes 5 lines apart":     {lines, two},
		"changes 7 lines apart":     {replace(10, "x\n"), replace(18, "x\n")},
		"changes close":             {replace(10, "x\n"), replace(16, "x\n")},
		"into empty":                {lines[:3], nil},
		"from empty":                {nil, lines[:3]},
		"no newline at end":         {lines[:5], append(lines[:4:4], "line 5")},
		"last line without newline": {append(lines[:4:4], "a"), append(lines[:4:4], "b")},
	}
	dir := t.TempDir()
	for name, c := range cases {
		old, updated := []byte(strings.Join(c[0], "")), []byte(strings.Join(c[1], ""))
		pa, pb := filepath.Join(dir, "a"), filepath.Join(dir, "b")
		if err := os.WriteFile(pa, old, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(pb, updated, 0o644); err != nil {
			t.Fatal(err)
		}
		out, _ := exec.Command("diff", "-u", pa, pb).Output()
		want := string(out)
		if i := strings.Index(want, "@@"); i >= 0 {
			want = want[i:]
		}
		got := Diff("f", old, updated)
		if i := strings.Index(got, "@@"); i >= 0 {
			got = got[i:]
		}
		if got != want {
			t.Errorf("%s: Diff:\n%s\ndiff -u:\n%s", name, got, want)
		}
	}
}

func TestEqual(t *testing.T) {
	if got := Diff("f", []byte("a\nb\n"), []byte("a\nb\n")); got != "" {
		t.Errorf("Diff of equal files = %q, want \"\"", got)
	}
}

func BenchmarkUnrelated(b *testing.B) {
	a := numbered(5000)
	c := make([]string, 5000)
	for i := range c {
		c[i] = fmt.Sprintf("other %d\n", i)
	}
	for b.Loop() {
		Ops(a, c)
	}
}

func TestDiff(t *testing.T) {
	old := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\n"
	updated := strings.Replace(strings.Replace(old, "c\n", "C\n", 1), "l\n", "l\nL\n", 1)
	want := `--- a/f.go
+++ b/f.go
@@ -1,6 +1,6 @@
 a
 b
-c
+C
 d
 e
 f
@@ -10,5 +10,6 @@
 j
 k
 l
+L
 m
 n
`
	if got := Diff("f.go", []byte(old), []byte(updated)); got != want {
		t.Errorf("Diff =\n%s\nwant\n%s", got, want)
	}
	if got := Diff("f.go", []byte("x"), []byte("y")); !strings.Contains(got, "-x\n\\ No newline at end of file\n+y\n") {
		t.Errorf("Diff without final newline =\n%s", got)
	}
}
