package driver

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"slices"
)

// A baseline file records the fingerprints of the findings a code base already had,
// one JSON object per line, sorted by file, function, analyzer, message and index,
// so that it reads and diffs well in review:
//
//	{"analyzer":"unclosed","file":"db/db.go","function":"(*Store).Load","message":"...","index":0}
//
// No line numbers: a finding keeps its fingerprint when code above it moves.

// writeBaseline records the fingerprints of found in the file named name.
func writeBaseline(name string, found []finding, root string) error {
	prints := fingerprints(found, root)
	slices.SortFunc(prints, func(a, b fingerprint) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Function, b.Function),
			cmp.Compare(a.Analyzer, b.Analyzer),
			cmp.Compare(a.Message, b.Message),
			cmp.Compare(a.Index, b.Index),
		)
	})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, fp := range prints {
		if err := enc.Encode(fp); err != nil {
			return err
		}
	}
	if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("-baseline-write: %w", err)
	}
	return nil
}

// readBaseline returns the fingerprints recorded in the file named name.
func readBaseline(name string) (map[fingerprint]bool, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("-baseline: %w", err)
	}
	recorded := make(map[fingerprint]bool)
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var fp fingerprint
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&fp); err != nil || fp.Analyzer == "" || fp.File == "" || fp.Message == "" {
			return nil, fmt.Errorf("-baseline: %s:%d: not a baseline entry (deferlint -baseline-write writes them)", name, n)
		}
		recorded[fp] = true
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("-baseline: %s: %w", name, err)
	}
	return recorded, nil
}

// notInBaseline returns the findings whose fingerprints are not recorded.
func notInBaseline(found []finding, recorded map[fingerprint]bool, root string) []finding {
	var kept []finding
	for i, fp := range fingerprints(found, root) {
		if !recorded[fp] {
			kept = append(kept, found[i])
		}
	}
	return kept
}
