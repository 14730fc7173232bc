package driver

import (
	"bufio"
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// changes is what changed in a git work tree since a revision: for each file (by
// canonical absolute path), the lines added or changed; nil for a file that is new
// as a whole (untracked).
type changes struct {
	lines map[string]map[int]bool
}

// changedSince asks git, in the work tree containing dir, which lines changed
// since rev: git diff -U0 rev, from the repository's top level, and untracked
// files, which git diff does not show but which are new code all the same.
func changedSince(dir, rev string) (*changes, error) {
	top, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("-new-from-rev: %s is not in a git work tree: %v", dir, err)
	}
	root := strings.TrimSpace(string(top))
	if _, err := git(root, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("-new-from-rev: %q is not a revision of the repository at %s", rev, root)
	}
	diff, err := git(root, "-c", "core.quotePath=false", "diff", "-U0", "--no-color", "--no-ext-diff",
		"--src-prefix=a/", "--dst-prefix=b/", rev, "--")
	if err != nil {
		return nil, fmt.Errorf("-new-from-rev: git diff %s: %v", rev, err)
	}
	c := &changes{lines: make(map[string]map[int]bool)}
	if err := c.addDiff(root, diff); err != nil {
		return nil, fmt.Errorf("-new-from-rev: git diff %s: %v", rev, err)
	}
	untracked, err := git(root, "-c", "core.quotePath=false", "ls-files", "-z", "--others", "--exclude-standard")
	if err != nil {
		return nil, fmt.Errorf("-new-from-rev: git ls-files: %v", err)
	}
	for name := range strings.SplitSeq(string(untracked), "\x00") {
		if name != "" {
			c.lines[canonical(filepath.Join(root, filepath.FromSlash(name)))] = nil
		}
	}
	return c, nil
}

// git runs git in dir and returns its output; the error carries git's own message.
func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			first, _, _ := strings.Cut(msg, "\n")
			return nil, fmt.Errorf("%s", first)
		}
		return nil, err
	}
	return out, nil
}

// addDiff records the lines that a unified diff with no context adds, from each
// file's "+++ b/path" header and its hunks' "@@ -a,b +c,d @@" headers.
func (c *changes) addDiff(root string, diff []byte) error {
	var current map[int]bool
	sc := bufio.NewScanner(bytes.NewReader(diff))
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "+++ "):
			current = nil
			name := strings.TrimPrefix(line, "+++ ")
			if strings.HasPrefix(name, `"`) {
				unquoted, err := strconv.Unquote(name)
				if err != nil {
					return fmt.Errorf("cannot read the file name %s", name)
				}
				name = unquoted
			}
			if name == "/dev/null" {
				continue // deleted: no finding can be on its lines
			}
			name = strings.TrimPrefix(name, "b/")
			path := canonical(filepath.Join(root, filepath.FromSlash(name)))
			current = make(map[int]bool)
			c.lines[path] = current
		case strings.HasPrefix(line, "@@ ") && current != nil:
			start, count, err := addedRange(line)
			if err != nil {
				return err
			}
			for l := start; l < start+count; l++ {
				current[l] = true
			}
		}
	}
	return sc.Err()
}

// addedRange returns the first line and the number of lines of the new side of a
// hunk header: +c,d, or +c for one line.
func addedRange(header string) (start, count int, err error) {
	fields := strings.Fields(header)
	if len(fields) < 3 || !strings.HasPrefix(fields[2], "+") {
		return 0, 0, fmt.Errorf("cannot read the hunk header %q", header)
	}
	first, n, found := strings.Cut(fields[2][1:], ",")
	start, err = strconv.Atoi(first)
	count = 1
	if err == nil && found {
		count, err = strconv.Atoi(n)
	}
	if err != nil {
		return 0, 0, fmt.Errorf("cannot read the hunk header %q", header)
	}
	return start, count, nil
}

// changed reports whether one of the lines of f changed.
func (c *changes) changed(f finding) bool {
	lines, ok := c.lines[canonical(f.posn.Filename)]
	if !ok {
		return false
	}
	if lines == nil {
		return true // a new file
	}
	for l := f.posn.Line; l <= max(f.end.Line, f.posn.Line); l++ {
		if lines[l] {
			return true
		}
	}
	return false
}

// onChangedLines returns the findings on lines that changed.
func (c *changes) onChangedLines(found []finding) []finding {
	var kept []finding
	for _, f := range found {
		if c.changed(f) {
			kept = append(kept, f)
		}
	}
	return kept
}

// canonical returns the absolute path of name with symbolic links resolved, so that
// the paths git prints and those the go command prints compare equal.
func canonical(name string) string {
	if abs, err := filepath.Abs(name); err == nil {
		name = abs
	}
	if real, err := filepath.EvalSymlinks(name); err == nil {
		return real
	}
	return name
}
