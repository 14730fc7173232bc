// Package unified compares files line by line and prints the difference as a
// unified diff, as diff -u and git diff do:
//
//   - Lines splits a file into lines;
//   - Ops returns a shortest edit script between two lists of lines (Myers'
//     algorithm, in linear space: a change far from another stays its own change,
//     however long the file);
//   - Diff prints the edit script as hunks with three lines of context, each change
//     in its own hunk unless fewer than seven unchanged lines separate it from the
//     next.
package unified

import (
	"fmt"
	"strings"
)

// Context is the number of unchanged lines shown around a change.
const Context = 3

// An Op keeps (' '), deletes ('-') or inserts ('+') one line; A and B are the
// 0-based indexes in the old and new files where the operation stands.
type Op struct {
	Kind byte
	Line string
	A, B int
}

// Lines splits content after each newline; a last line without one gets the
// conventional marker, so that a diff says so.
func Lines(content []byte) []string {
	var lines []string
	for s := string(content); s != ""; {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			lines = append(lines, s+"\n\\ No newline at end of file\n")
			break
		}
		lines = append(lines, s[:i+1])
		s = s[i+1:]
	}
	return lines
}

// Diff returns the unified diff of old and updated, as a/name and b/name, or "" when
// they are equal.
func Diff(name string, old, updated []byte) string {
	ops := Ops(Lines(old), Lines(updated))
	var out strings.Builder
	for i := 0; i < len(ops); {
		if ops[i].Kind == ' ' {
			i++
			continue
		}
		if out.Len() == 0 {
			fmt.Fprintf(&out, "--- a/%s\n+++ b/%s\n", name, name)
		}
		// A hunk starts Context lines before its first change and ends Context lines
		// after its last one, the last change before more than 2*Context unchanged
		// lines (two hunks that close would share or touch their context).
		first, last := max(i-Context, 0), i
		for j := i; j < len(ops); j++ {
			if ops[j].Kind != ' ' {
				last = j
			} else if j-last > 2*Context {
				break
			}
		}
		end := min(last+Context+1, len(ops))
		hunk := ops[first:end]
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", hunkRange(hunk[0].A, count(hunk, '-')), hunkRange(hunk[0].B, count(hunk, '+')))
		for _, op := range hunk {
			out.WriteByte(op.Kind)
			out.WriteString(op.Line)
		}
		i = end
	}
	return out.String()
}

// count returns the number of lines a hunk covers in the old ('-') or new ('+') file.
func count(hunk []Op, side byte) int {
	n := 0
	for _, op := range hunk {
		if op.Kind == ' ' || op.Kind == side {
			n++
		}
	}
	return n
}

// hunkRange formats the start (0-based) and length of one side of a hunk as diff -u
// does: "start,length", the length left out when it is 1, and an empty side named by
// the line before it.
func hunkRange(start, length int) string {
	switch length {
	case 0:
		return fmt.Sprintf("%d,0", start)
	case 1:
		return fmt.Sprint(start + 1)
	}
	return fmt.Sprintf("%d,%d", start+1, length)
}

// Ops returns a shortest edit script from a to b. Within a change, the deleted lines
// come before the inserted ones.
func Ops(a, b []string) []Op {
	d := newDiffer(a, b)
	d.compare(0, len(a), 0, len(b))
	var ops []Op
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && d.deleted[i]:
			ops = append(ops, Op{'-', a[i], i, j})
			i++
		case j < len(b) && d.inserted[j]:
			ops = append(ops, Op{'+', b[j], i, j})
			j++
		default:
			ops = append(ops, Op{' ', a[i], i, j})
			i, j = i+1, j+1
		}
	}
	return ops
}

// A differ finds which lines of a are deleted and which of b are inserted. Lines are
// compared as small integers, one per distinct line.
type differ struct {
	a, b              []int
	deleted, inserted []bool
}

func newDiffer(a, b []string) *differ {
	ids := make(map[string]int)
	intern := func(lines []string) []int {
		out := make([]int, len(lines))
		for i, line := range lines {
			id, ok := ids[line]
			if !ok {
				id = len(ids)
				ids[line] = id
			}
			out[i] = id
		}
		return out
	}
	return &differ{a: intern(a), b: intern(b), deleted: make([]bool, len(a)), inserted: make([]bool, len(b))}
}

// compare marks the changes between a[a0:a1] and b[b0:b1]: it sets aside their
// common start and end, then splits the rest at a point that a shortest edit script
// goes through and compares the two halves.
func (d *differ) compare(a0, a1, b0, b1 int) {
	for a0 < a1 && b0 < b1 && d.a[a0] == d.b[b0] {
		a0, b0 = a0+1, b0+1
	}
	for a0 < a1 && b0 < b1 && d.a[a1-1] == d.b[b1-1] {
		a1, b1 = a1-1, b1-1
	}
	switch {
	case a0 == a1:
		for j := b0; j < b1; j++ {
			d.inserted[j] = true
		}
	case b0 == b1:
		for i := a0; i < a1; i++ {
			d.deleted[i] = true
		}
	default:
		x, y, ok := d.split(a0, a1, b0, b1)
		if !ok {
			d.compare(a0, a1, b0, b0) // nothing in common: delete all, insert all
			d.compare(a1, a1, b0, b1)
			return
		}
		d.compare(a0, x, b0, y)
		d.compare(x, a1, y, b1)
	}
}

// split returns a point (x, y) that a shortest edit script from a[a0:a1] to b[b0:b1]
// goes through, strictly inside the box: Myers' search from both corners at once,
// one more edit at a time, until the forward and the backward paths meet. The first
// and last lines differ (compare set aside the common ones), so a script has at least
// two edits and the halves are both smaller.
//
// Forward paths are indexed by diagonal k = x - y, and forward[k] is the furthest x
// reached on it; backward paths the same, counted from the end (x and y are the
// numbers of lines left behind from a1 and b1).
func (d *differ) split(a0, a1, b0, b1 int) (x, y int, ok bool) {
	n, m := a1-a0, b1-b0
	maxD := (n + m + 1) / 2
	offset := maxD + 1
	forward, backward := make([]int, 2*offset+1), make([]int, 2*offset+1)
	for i := range forward {
		forward[i], backward[i] = -1, -1
	}
	forward[offset+1], backward[offset+1] = 0, 0
	delta := n - m
	odd := delta%2 != 0
	// Diagonals that have left the box (past the end of a or of b) are not extended.
	var fLow, fHigh, bLow, bHigh int
	for e := 0; e < maxD; e++ {
		for k := -e + fLow; k <= e-fHigh; k += 2 {
			x := furthest(forward, offset, k, e)
			y := x - k
			for x < n && y < m && d.a[a0+x] == d.b[b0+y] {
				x, y = x+1, y+1
			}
			forward[offset+k] = x
			switch {
			case x > n:
				fHigh += 2
			case y > m:
				fLow += 2
			case odd:
				if i := offset + delta - k; i >= 0 && i < len(backward) && backward[i] != -1 && x >= n-backward[i] {
					return a0 + x, b0 + y, true
				}
			}
		}
		for k := -e + bLow; k <= e-bHigh; k += 2 {
			x := furthest(backward, offset, k, e)
			y := x - k
			for x < n && y < m && d.a[a1-1-x] == d.b[b1-1-y] {
				x, y = x+1, y+1
			}
			backward[offset+k] = x
			switch {
			case x > n:
				bHigh += 2
			case y > m:
				bLow += 2
			case !odd:
				if i := offset + delta - k; i >= 0 && i < len(forward) && forward[i] != -1 {
					fx := forward[i]
					if fx >= n-x {
						return a0 + fx, b0 + fx - (delta - k), true
					}
				}
			}
		}
	}
	return 0, 0, false
}

// furthest returns where a path with e edits starts on diagonal k: one step down from
// diagonal k+1 (an insertion) or one step right from k-1 (a deletion), whichever is
// further.
func furthest(v []int, offset, k, e int) int {
	if k == -e || (k != e && v[offset+k-1] < v[offset+k+1]) {
		return v[offset+k+1]
	}
	return v[offset+k-1] + 1
}
