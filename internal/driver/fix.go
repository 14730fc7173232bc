package driver

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// applyFixes applies the first suggested fix of each finding, or with diff prints
// the changes as a unified diff instead of writing them. A fix that overlaps one
// already accepted is skipped, and its finding stays unfixed. It reports whether
// any file changed and returns the findings left unfixed.
func applyFixes(found []finding, diff bool, wd string, stdout, stderr io.Writer) (changed bool, unfixed []finding, err error) {
	byFile := make(map[string][]edit)
	for _, f := range found {
		if len(f.fixes) == 0 || !accept(byFile, f.fixes[0].edits) {
			unfixed = append(unfixed, f)
		}
	}
	files := make([]string, 0, len(byFile))
	for name := range byFile {
		files = append(files, name)
	}
	slices.Sort(files)
	for _, name := range files {
		old, err := os.ReadFile(name)
		if err != nil {
			return changed, nil, err
		}
		edits := byFile[name]
		if !validEdits(edits, len(old)) {
			fmt.Fprintf(stderr, "deferlint: skipped the fixes for %s: they do not fit the file on disk\n", name)
			continue
		}
		updated := applyEdits(old, edits)
		if bytes.Equal(old, updated) {
			continue
		}
		changed = true
		if diff {
			fmt.Fprint(stdout, unifiedDiff(filepath.ToSlash(relative(wd, name)), old, updated))
			continue
		}
		info, err := os.Stat(name)
		if err != nil {
			return changed, nil, err
		}
		if err := os.WriteFile(name, updated, info.Mode().Perm()); err != nil {
			return changed, nil, err
		}
	}
	return changed, unfixed, nil
}

// accept adds the edits of one fix to byFile unless one of them overlaps an edit
// already there. An identical edit (the same fix reported twice) is accepted once.
func accept(byFile map[string][]edit, edits []edit) bool {
	var fresh []edit
	for _, e := range edits {
		duplicate := false
		for _, other := range byFile[e.filename] {
			if other.start == e.start && other.end == e.end && other.newText == e.newText {
				duplicate = true
				break
			}
			if e.start < other.end && other.start < e.end || e.start == other.start {
				return false
			}
		}
		if !duplicate {
			fresh = append(fresh, e)
		}
	}
	for _, e := range fresh {
		byFile[e.filename] = append(byFile[e.filename], e)
	}
	return true
}

func validEdits(edits []edit, size int) bool {
	for _, e := range edits {
		if e.start < 0 || e.end < e.start || e.end > size {
			return false
		}
	}
	return true
}

// applyEdits returns content with the non-overlapping edits applied.
func applyEdits(content []byte, edits []edit) []byte {
	slices.SortFunc(edits, func(a, b edit) int { return cmp.Compare(a.start, b.start) })
	var out bytes.Buffer
	last := 0
	for _, e := range edits {
		out.Write(content[last:e.start])
		out.WriteString(e.newText)
		last = e.end
	}
	out.Write(content[last:])
	return out.Bytes()
}

// unifiedDiff returns a unified diff of old and updated, with three lines of context.
func unifiedDiff(name string, old, updated []byte) string {
	a, b := splitLines(old), splitLines(updated)
	ops := lineOps(a, b)
	var out strings.Builder
	fmt.Fprintf(&out, "--- a/%s\n+++ b/%s\n", name, name)
	const context = 3
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		// A hunk starts context lines before the first change and ends where more
		// than 2*context unchanged lines follow the last change.
		first := max(i-context, 0)
		last := i
		for j := i; j < len(ops); j++ {
			if ops[j].kind != ' ' {
				last = j
			} else if j-last > 2*context {
				break
			}
		}
		end := min(last+context+1, len(ops))
		hunk := ops[first:end]
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", hunkRange(hunk[0].a, count(hunk, '-')), hunkRange(hunk[0].b, count(hunk, '+')))
		for _, op := range hunk {
			out.WriteString(string(op.kind) + op.line)
		}
		i = end
	}
	return out.String()
}

// A lineOp keeps (' '), deletes ('-') or inserts ('+') one line; a and b are the
// 0-based indexes in the old and new files where the operation stands.
type lineOp struct {
	kind byte
	line string
	a, b int
}

// count returns the number of lines a hunk covers in the old ('-') or new ('+') file.
func count(hunk []lineOp, side byte) int {
	n := 0
	for _, op := range hunk {
		if op.kind == ' ' || op.kind == side {
			n++
		}
	}
	return n
}

// lineOps returns an edit script from a to b: the common prefix and suffix are kept,
// and the lines between are aligned by a longest common subsequence. Fixes change
// little, so the middle is small; when it is not, it is replaced whole.
func lineOps(a, b []string) []lineOp {
	prefix := 0
	for prefix < len(a) && prefix < len(b) && a[prefix] == b[prefix] {
		prefix++
	}
	suffix := 0
	for suffix < len(a)-prefix && suffix < len(b)-prefix && a[len(a)-1-suffix] == b[len(b)-1-suffix] {
		suffix++
	}
	var ops []lineOp
	for i := range prefix {
		ops = append(ops, lineOp{' ', a[i], i, i})
	}
	midA, midB := a[prefix:len(a)-suffix], b[prefix:len(b)-suffix]
	ops = append(ops, alignMiddle(midA, midB, prefix)...)
	for k := suffix; k > 0; k-- {
		ops = append(ops, lineOp{' ', a[len(a)-k], len(a) - k, len(b) - k})
	}
	return ops
}

func alignMiddle(a, b []string, offset int) []lineOp {
	var ops []lineOp
	if len(a)*len(b) > 1<<22 {
		for i, line := range a {
			ops = append(ops, lineOp{'-', line, offset + i, offset})
		}
		for j, line := range b {
			ops = append(ops, lineOp{'+', line, offset + len(a), offset + j})
		}
		return ops
	}
	// lcs[i][j] is the length of the longest common subsequence of a[i:] and b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			ops = append(ops, lineOp{' ', a[i], offset + i, offset + j})
			i, j = i+1, j+1
		case i < len(a) && (j == len(b) || lcs[i+1][j] >= lcs[i][j+1]):
			ops = append(ops, lineOp{'-', a[i], offset + i, offset + j})
			i++
		default:
			ops = append(ops, lineOp{'+', b[j], offset + i, offset + j})
			j++
		}
	}
	return ops
}

// hunkRange formats the start and length of a hunk side; start is 0-based.
func hunkRange(start, length int) string {
	if length == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	return fmt.Sprintf("%d,%d", start+1, length)
}

// splitLines splits content after each newline; a last line without one gets the
// conventional marker, so that the diff says so.
func splitLines(content []byte) []string {
	var lines []string
	for len(content) > 0 {
		i := bytes.IndexByte(content, '\n')
		if i < 0 {
			lines = append(lines, string(content)+"\n\\ No newline at end of file\n")
			break
		}
		lines = append(lines, string(content[:i+1]))
		content = content[i+1:]
	}
	return lines
}
