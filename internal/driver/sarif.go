package driver

import (
	"bytes"
	"encoding/json"
	"go/token"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"unicode/utf8"

	"github.com/deferlint/deferlint/internal/docs"
	"github.com/deferlint/deferlint/internal/severity"
	"golang.org/x/tools/go/analysis"
	"honnef.co/go/tools/sarif"
)

// srcRoot names the base of the relative artifact URIs: the repository root.
const srcRoot = "%SRCROOT%"

// writeSARIF prints a SARIF 2.1.0 log, as GitHub code scanning accepts it: one rule
// per enabled analyzer with its documentation and default level, each result with
// its finding's level, URIs relative to the repository root (see repositoryRoot),
// columns in UTF-16 code units.
func writeSARIF(w io.Writer, found []finding, enabled []*analysis.Analyzer, grades *severity.Table, wd string) error {
	root := repositoryRoot(wd)
	run := sarif.Run{
		Tool: sarif.Tool{Driver: sarif.ToolComponent{
			Name:           "deferlint",
			Version:        Version(),
			InformationURI: "https://github.com/deferlint/deferlint",
		}},
		Results: []sarif.Result{},
	}
	for _, a := range enabled {
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarif.ReportingDescriptor{
			ID:                   a.Name,
			ShortDescription:     sarif.Message{Text: docs.Summary(a.Name, a.Doc)},
			Help:                 sarif.Message{Text: a.Doc},
			HelpURI:              a.URL,
			DefaultConfiguration: sarif.ReportingConfiguration{Enabled: true, Level: sarifLevel(grades.Of(a.Name, ""))},
		})
	}
	columns := newColumnCounter()
	for _, f := range found {
		run.Results = append(run.Results, sarif.Result{
			RuleID:  f.analyzer,
			Kind:    sarif.Fail,
			Level:   sarifLevel(f.severity),
			Message: sarif.Message{Text: f.message},
			Locations: []sarif.Location{{PhysicalLocation: sarif.PhysicalLocation{
				ArtifactLocation: artifactLocation(root, f.posn.Filename),
				Region: sarif.Region{
					StartLine:   f.posn.Line,
					StartColumn: columns.utf16(f.posn),
					EndLine:     f.end.Line,
					EndColumn:   columns.utf16(f.end),
				},
			}}},
			RelatedLocations: relatedLocations(root, columns, f.related),
			Suppressions:     []sarif.Suppression{},
		})
	}
	log := sarif.Log{Version: sarif.Version, Schema: sarif.Schema, Runs: []sarif.Run{run}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

// relatedLocations returns the SARIF related locations of a finding, each with
// its message.
func relatedLocations(root string, columns *columnCounter, rel []related) []sarif.Location {
	var locs []sarif.Location
	for _, r := range rel {
		locs = append(locs, sarif.Location{
			Message: &sarif.Message{Text: r.message},
			PhysicalLocation: sarif.PhysicalLocation{
				ArtifactLocation: artifactLocation(root, r.posn.Filename),
				Region: sarif.Region{
					StartLine:   r.posn.Line,
					StartColumn: columns.utf16(r.posn),
					EndLine:     r.end.Line,
					EndColumn:   columns.utf16(r.end),
				},
			},
		})
	}
	return locs
}

// sarifLevel returns the SARIF result level of a severity.
func sarifLevel(l severity.Level) string {
	if l == severity.Error {
		return sarif.Error
	}
	return sarif.Warning
}

// artifactLocation returns a URI relative to the repository root when the file lies
// below it, and an absolute file URI otherwise.
func artifactLocation(root, filename string) sarif.ArtifactLocation {
	if rel := relative(root, filename); rel != filename || !filepath.IsAbs(filename) {
		return sarif.ArtifactLocation{URI: (&url.URL{Path: filepath.ToSlash(rel)}).String(), URIBaseID: srcRoot}
	}
	return sarif.ArtifactLocation{URI: (&url.URL{Scheme: "file", Path: filepath.ToSlash(filename)}).String()}
}

// repositoryRoot returns the directory that SARIF, GitHub annotation and baseline
// paths are relative to: the nearest directory above wd holding .git (a directory,
// or a file in a linked work tree), else the nearest holding go.mod, else wd. Code
// scanning and pull-request annotations resolve paths against the repository's
// top level, wherever the module lies in it.
func repositoryRoot(wd string) string {
	if dir, ok := ancestorWith(wd, ".git"); ok {
		return dir
	}
	if dir, ok := ancestorWith(wd, "go.mod"); ok {
		return dir
	}
	return wd
}

// ancestorWith returns the nearest of dir and its ancestors holding name.
func ancestorWith(dir, name string) (string, bool) {
	for ; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			return dir, true
		}
		if filepath.Dir(dir) == dir {
			return "", false
		}
	}
}

// columnCounter converts byte columns into UTF-16 columns, reading each file once.
type columnCounter struct {
	files map[string][][]byte
}

func newColumnCounter() *columnCounter {
	return &columnCounter{files: make(map[string][][]byte)}
}

// utf16 returns the 1-based column of posn counted in UTF-16 code units, as SARIF
// requires. It falls back to the byte column when the file cannot be read.
func (c *columnCounter) utf16(posn token.Position) int {
	lines, ok := c.files[posn.Filename]
	if !ok {
		content, err := os.ReadFile(posn.Filename)
		if err == nil {
			lines = bytes.Split(content, []byte("\n"))
		}
		c.files[posn.Filename] = lines
	}
	if posn.Line < 1 || posn.Line > len(lines) || posn.Column < 1 {
		return max(posn.Column, 1)
	}
	line := lines[posn.Line-1]
	prefix := line[:min(posn.Column-1, len(line))]
	units := 0
	for len(prefix) > 0 {
		r, size := utf8.DecodeRune(prefix)
		prefix = prefix[size:]
		units++
		if r >= 0x10000 {
			units++ // a surrogate pair
		}
	}
	return units + 1
}
