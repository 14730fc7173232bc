package driver

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/deferlint/deferlint/internal/severity"
)

// write prints the findings in the given format. Text and JSON paths are relative
// to the working directory wd when they lie below it, SARIF and GitHub paths to the
// repository root.
func write(cfg *config, format string, found []finding, wd string, w io.Writer) error {
	switch format {
	case "json":
		return writeJSON(w, found, wd)
	case "sarif":
		return writeSARIF(w, found, cfg.enabled, cfg.severities, wd)
	case "github":
		writeGitHub(w, found, repositoryRoot(wd))
	default:
		writeText(w, found, wd)
	}
	return nil
}

// relative returns filename relative to dir when it lies below dir, else unchanged.
func relative(dir, filename string) string {
	if dir == "" {
		return filename
	}
	rel, err := filepath.Rel(dir, filename)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filename
	}
	return rel
}

// writeText prints file:line:col: message (analyzer) for an error, as compilers and
// go vet print them, and file:line:col: warning: message (analyzer) for a warning.
func writeText(w io.Writer, found []finding, wd string) {
	for _, f := range found {
		grade := ""
		if f.severity == severity.Warning {
			grade = "warning: "
		}
		fmt.Fprintf(w, "%s:%d:%d: %s%s (%s)\n", relative(wd, f.posn.Filename), f.posn.Line, f.posn.Column, grade, f.message, f.analyzer)
	}
}

// The JSON output schema, version 1. Documented in docs/output.md; fields are only
// ever added.
type (
	jsonOutput struct {
		Version  int           `json:"version"`
		Findings []jsonFinding `json:"findings"`
	}
	jsonFinding struct {
		Analyzer       string        `json:"analyzer"`
		Severity       string        `json:"severity"`
		Posn           jsonPosn      `json:"posn"`
		End            jsonPosn      `json:"end"`
		Message        string        `json:"message"`
		URL            string        `json:"url"`
		SuggestedFixes []jsonFix     `json:"suggested_fixes,omitempty"`
		Related        []jsonRelated `json:"related,omitempty"`
	}
	jsonRelated struct {
		Posn    jsonPosn `json:"posn"`
		End     jsonPosn `json:"end"`
		Message string   `json:"message"`
	}
	jsonPosn struct {
		File   string `json:"file"`
		Line   int    `json:"line"`
		Column int    `json:"column"`
		Offset int    `json:"offset"`
	}
	jsonFix struct {
		Message string     `json:"message"`
		Edits   []jsonEdit `json:"edits"`
	}
	jsonEdit struct {
		File    string `json:"file"`
		Start   int    `json:"start"`
		End     int    `json:"end"`
		NewText string `json:"new_text"`
	}
)

func writeJSON(w io.Writer, found []finding, wd string) error {
	out := jsonOutput{Version: 1, Findings: []jsonFinding{}}
	for _, f := range found {
		jf := jsonFinding{
			Analyzer: f.analyzer,
			Severity: f.severity.String(),
			Posn:     jsonPosn{relative(wd, f.posn.Filename), f.posn.Line, f.posn.Column, f.posn.Offset},
			End:      jsonPosn{relative(wd, f.end.Filename), f.end.Line, f.end.Column, f.end.Offset},
			Message:  f.message,
			URL:      f.url,
		}
		for _, fx := range f.fixes {
			jfx := jsonFix{Message: fx.message}
			for _, e := range fx.edits {
				jfx.Edits = append(jfx.Edits, jsonEdit{relative(wd, e.filename), e.start, e.end, e.newText})
			}
			jf.SuggestedFixes = append(jf.SuggestedFixes, jfx)
		}
		for _, r := range f.related {
			jf.Related = append(jf.Related, jsonRelated{
				Posn:    jsonPosn{relative(wd, r.posn.Filename), r.posn.Line, r.posn.Column, r.posn.Offset},
				End:     jsonPosn{relative(wd, r.end.Filename), r.end.Line, r.end.Column, r.end.Offset},
				Message: r.message,
			})
		}
		out.Findings = append(out.Findings, jf)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// writeGitHub prints GitHub Actions workflow commands, which the Actions runner turns
// into annotations on the pull request: ::error or ::warning by severity, with paths
// relative to the repository root, as the runner resolves them.
func writeGitHub(w io.Writer, found []finding, root string) {
	for _, f := range found {
		fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n", f.severity,
			escapeProperty(filepath.ToSlash(relative(root, f.posn.Filename))), f.posn.Line, f.posn.Column,
			f.end.Line, f.end.Column, escapeProperty("deferlint "+f.analyzer), escapeData(f.message+" ("+f.url+")"))
	}
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
