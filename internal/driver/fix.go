package driver

import (
	"bytes"
	"cmp"
	"fmt"
	"go/format"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/deferlint/deferlint/internal/unified"
)

// A fixPlan is the suggested fixes chosen among the findings: the first fix of each
// finding, unless it overlaps a fix chosen before it.
type fixPlan struct {
	edits   map[string][]edit // the chosen edits, by file
	chosen  []finding         // the findings whose fix is in edits
	skipped []finding         // the findings whose fix overlaps one chosen before it
}

func planFixes(found []finding) fixPlan {
	plan := fixPlan{edits: make(map[string][]edit)}
	for _, f := range found {
		switch {
		case len(f.fixes) == 0:
		case accept(plan.edits, f.fixes[0].edits):
			plan.chosen = append(plan.chosen, f)
		default:
			plan.skipped = append(plan.skipped, f)
		}
	}
	return plan
}

// A fixedFile is a file that the chosen edits change: its content before and after
// the edits, the edits, sorted, and what is written: the content after the edits,
// gofmt'd.
type fixedFile struct {
	name         string
	old, updated []byte
	edits        []edit
	formatted    []byte // nil: updated as it is
}

// final returns the content written to the file.
// gofmtClean reports whether src is already as gofmt prints it.
func gofmtClean(src []byte) bool {
	formatted, err := format.Source(src)
	return err == nil && bytes.Equal(formatted, src)
}

func (f fixedFile) final() []byte {
	if f.formatted != nil {
		return f.formatted
	}
	return f.updated
}

// fixedFiles reads the files the plan edits and returns those whose content changes,
// sorted by name. A Go file that was gofmt-clean is formatted after the edits, as go
// fix formats it, so that -fix writes and -diff shows the same bytes as go fix
// -fixtool; a file its authors keep unformatted keeps its layout, and only the fixed
// lines change (go fix would reformat it whole: a fix changes nothing but what it
// fixes). The edits of a file that has changed since it was loaded (they do not fit
// it), or that would not leave valid Go (it cannot be parsed), are left out, with a
// word on stderr.
func (p fixPlan) fixedFiles(wd string, stderr io.Writer) ([]fixedFile, error) {
	names := make([]string, 0, len(p.edits))
	for name := range p.edits {
		names = append(names, name)
	}
	slices.Sort(names)
	var files []fixedFile
	for _, name := range names {
		old, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		edits := p.edits[name]
		if !validEdits(edits, len(old)) {
			fmt.Fprintf(stderr, "deferlint: skipped the fixes for %s: they do not fit the file on disk\n", name)
			continue
		}
		f := fixedFile{name: name, old: old, updated: applyEdits(old, edits), edits: edits}
		if strings.HasSuffix(name, ".go") {
			formatted, err := format.Source(f.updated)
			if err != nil {
				fmt.Fprintf(stderr, "deferlint: skipped the fixes for %s: they would leave it invalid Go (%v)\n", relative(wd, name), err)
				continue
			}
			if gofmtClean(old) {
				f.formatted = formatted
			}
		}
		if !bytes.Equal(old, f.final()) {
			files = append(files, f)
		}
	}
	return files, nil
}

// printDiff prints the changes the fixes would make as a unified diff, and reports
// whether there is any.
func printDiff(found []finding, wd string, stdout, stderr io.Writer) (changed bool, err error) {
	files, err := planFixes(found).fixedFiles(wd, stderr)
	if err != nil {
		return false, err
	}
	for _, f := range files {
		fmt.Fprint(stdout, unified.Diff(filepath.ToSlash(relative(wd, f.name)), f.old, f.final()))
	}
	return len(files) > 0, nil
}

// applyFixes writes the chosen fixes to the files. It returns the files written; on
// an error, those written before it.
func applyFixes(plan fixPlan, wd string, stderr io.Writer) ([]fixedFile, error) {
	files, err := plan.fixedFiles(wd, stderr)
	if err != nil {
		return nil, err
	}
	var written []fixedFile
	for _, f := range files {
		info, err := os.Stat(f.name)
		if err == nil {
			err = os.WriteFile(f.name, f.final(), info.Mode().Perm())
		}
		if err != nil {
			return written, err
		}
		written = append(written, f)
	}
	return written, nil
}

// sayApplied prints, for each file written, how many fixes changed it and from which
// analyzers, then the skipped fixes at their positions in the fixed files, then the
// totals. A fix counts once in each file it edits.
func sayApplied(plan fixPlan, written []fixedFile, wd string, stderr io.Writer) {
	applied := make(map[int]bool) // indexes in plan.chosen
	for _, file := range written {
		n := 0
		var names []string
		for i, f := range plan.chosen {
			if touches(f, file.name) {
				n++
				applied[i] = true
				if !slices.Contains(names, f.analyzer) {
					names = append(names, f.analyzer)
				}
			}
		}
		fmt.Fprintf(stderr, "deferlint: fixed %s: %s (%s)\n", relative(wd, file.name), plural(n, "fix", "fixes"), strings.Join(names, ", "))
	}
	for _, f := range plan.skipped {
		posn := positionAfter(f.posn, written)
		fmt.Fprintf(stderr, "deferlint: skipped the %s fix at %s:%d:%d: it overlaps another fix (run deferlint -fix again to apply it)\n",
			f.analyzer, relative(wd, posn.Filename), posn.Line, posn.Column)
	}
	total := "no fixes applied"
	if len(applied) > 0 {
		total = fmt.Sprintf("applied %s to %s", plural(len(applied), "fix", "fixes"), plural(len(written), "file", "files"))
	}
	if n := len(plan.skipped); n > 0 {
		total += fmt.Sprintf(", skipped %d", n)
	}
	fmt.Fprintf(stderr, "deferlint: %s\n", total)
}

// touches reports whether the finding's chosen (first) fix edits the named file.
func touches(f finding, name string) bool {
	return slices.ContainsFunc(f.fixes[0].edits, func(e edit) bool { return e.filename == name })
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// positionAfter returns where posn, a position in a file before the fixes, stands in
// the fixed file: moved by the edits before it, or at the start of the replacement
// when an edit replaced it, then by the formatting (see afterFormat). A position in
// a file not written, or one that a //line directive moves to another line, is
// returned as it is.
func positionAfter(posn token.Position, written []fixedFile) token.Position {
	i := slices.IndexFunc(written, func(f fixedFile) bool { return f.name == posn.Filename })
	if i < 0 || posn.Offset > len(written[i].old) {
		return posn
	}
	file := written[i]
	if line, _ := lineColumn(file.old, posn.Offset); line != posn.Line {
		return posn
	}
	offset := posn.Offset
	shift := 0
	for _, e := range file.edits {
		if e.end <= posn.Offset { // before it, or an insertion just before it
			shift += len(e.newText) - (e.end - e.start)
		} else if e.start <= posn.Offset && posn.Offset < e.end {
			offset = e.start
		}
	}
	posn.Offset = offset + shift
	posn.Line, posn.Column = lineColumn(file.updated, posn.Offset)
	if file.formatted != nil && !bytes.Equal(file.formatted, file.updated) {
		posn = afterFormat(posn, file.updated, file.formatted)
	}
	return posn
}

// afterFormat returns where posn, a position in updated, stands in formatted: a line
// that formatting kept keeps its column; a line it changed (reindented, as a rule)
// stands where its replacement does (the k-th line of a run of changed lines, the
// k-th line of the run that replaces it), its column moved by the change of
// indentation.
func afterFormat(posn token.Position, updated, formatted []byte) token.Position {
	a, b := unified.Lines(updated), unified.Lines(formatted)
	ops := unified.Ops(a, b)
	for i, op := range ops {
		if op.Kind == '+' || op.A != posn.Line-1 {
			continue
		}
		line, column := op.B, posn.Column
		if op.Kind == '-' {
			k, first := 0, i // op is the k-th line of the run of deleted lines from first
			for first > 0 && ops[first-1].Kind == '-' {
				first--
				k++
			}
			end := i
			for end < len(ops) && ops[end].Kind == '-' {
				end++
			}
			added := 0
			for end+added < len(ops) && ops[end+added].Kind == '+' {
				added++
			}
			if added > 0 {
				line = ops[end+min(k, added-1)].B
			}
		}
		if line >= len(b) {
			break
		}
		if op.Kind == '-' {
			column = max(column-indentWidth(a[op.A])+indentWidth(b[line]), 1)
		}
		column = min(column, len(strings.TrimRight(b[line], "\n"))+1)
		start := 0
		for _, l := range b[:line] {
			start += len(l)
		}
		posn.Line, posn.Column, posn.Offset = line+1, column, start+column-1
		break
	}
	return posn
}

// indentWidth returns the length of the blanks that start line.
func indentWidth(line string) int {
	return len(line) - len(strings.TrimLeft(line, " \t"))
}

// lineColumn returns the 1-based line and byte column of offset in content.
func lineColumn(content []byte, offset int) (line, column int) {
	before := content[:offset]
	return bytes.Count(before, []byte("\n")) + 1, offset - bytes.LastIndexByte(before, '\n')
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
