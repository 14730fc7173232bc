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
	"golang.org/x/tools/go/analysis"
	"honnef.co/go/tools/sarif"
)

// srcRoot names the base of the relative artifact URIs: the repository root.
const srcRoot = "%SRCROOT%"

// writeSARIF prints a SARIF 2.1.0 log, as GitHub code scanning accepts it: one rule
// per enabled analyzer with its documentation, URIs relative to the repository root
// (the nearest directory above wd holding .git, else wd), columns in UTF-16 code units.
func writeSARIF(w io.Writer, found []finding, enabled []*analysis.Analyzer, wd string) error {
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
			DefaultConfiguration: sarif.ReportingConfiguration{Enabled: true, Level: sarif.Warning},
		})
	}
	columns := newColumnCounter()
	for _, f := range found {
		run.Results = append(run.Results, sarif.Result{
			RuleID:  f.analyzer,
			Kind:    sarif.Fail,
			Level:   sarif.Warning,
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
			Suppressions: []sarif.Suppression{},
		})
	}
	log := sarif.Log{Version: sarif.Version, Schema: sarif.Schema, Runs: []sarif.Run{run}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

// artifactLocation returns a URI relative to the repository root when the file lies
// below it, and an absolute file URI otherwise.
func artifactLocation(root, filename string) sarif.ArtifactLocation {
	if rel := relative(root, filename); rel != filename || !filepath.IsAbs(filename) {
		return sarif.ArtifactLocation{URI: (&url.URL{Path: filepath.ToSlash(rel)}).String(), URIBaseID: srcRoot}
	}
	return sarif.ArtifactLocation{URI: (&url.URL{Scheme: "file", Path: filepath.ToSlash(filename)}).String()}
}

func repositoryRoot(wd string) string {
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		if filepath.Dir(dir) == dir {
			return wd
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
