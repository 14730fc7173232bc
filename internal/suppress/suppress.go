// Package suppress finds the //deferlint:ignore directives of a package.
//
// A directive silences the named analyzers on its own line (a trailing comment) and on
// the line below it (a comment above the statement):
//
//	//deferlint:ignore deferloop,unclosed the loop runs at most twice
//
// The index is computed once per package by Analyzer and shared by every analyzer
// that reports through package report, so each directive is parsed once whatever the
// number of analyzers, and behaves the same under every go/analysis driver.
package suppress

import (
	"go/ast"
	"go/token"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Prefix starts every directive.
const Prefix = "//deferlint:ignore"

// KnownAnalyzers lists the names a directive may silence. A test in package analyzers
// keeps it equal to the suite, so that a typo in a directive is reported instead of
// silently suppressing nothing.
var KnownAnalyzers = []string{
	"ctxcancel",
	"deferargs",
	"deferloop",
	"directives",
	"gorecover",
	"loopcapture",
	"unclosed",
}

// Directive is one //deferlint:ignore comment.
type Directive struct {
	Pos       token.Pos
	End       token.Pos
	Filename  string
	Line      int
	Analyzers []string // as written, in order
	Reason    string   // empty when the author gave none
}

// Problem describes what is wrong with a directive, or "" when nothing is.
func (d *Directive) Problem() string {
	if len(d.Analyzers) == 0 {
		return "//deferlint:ignore names no analyzer: write //deferlint:ignore NAME[,NAME] reason"
	}
	for _, name := range d.Analyzers {
		if !slices.Contains(KnownAnalyzers, name) {
			return "//deferlint:ignore names unknown analyzer " + quote(name) + ", so it silences nothing: use a name from deferlint -list"
		}
	}
	if d.Reason == "" {
		return "//deferlint:ignore needs a reason after the analyzer names, so that a reviewer can judge the suppression"
	}
	return ""
}

func quote(s string) string { return `"` + s + `"` }

// Index holds the directives of one package.
type Index struct {
	Directives []*Directive
	byLine     map[fileLine][]*Directive
}

type fileLine struct {
	filename string
	line     int
}

// Silences reports whether a directive silences analyzer at posn: a well-formed
// directive naming analyzer on posn's line or on the line above it.
func (x *Index) Silences(posn token.Position, analyzer string) bool {
	if x == nil {
		return false
	}
	for _, line := range []int{posn.Line, posn.Line - 1} {
		for _, d := range x.byLine[fileLine{posn.Filename, line}] {
			if d.Problem() == "" && slices.Contains(d.Analyzers, analyzer) {
				return true
			}
		}
	}
	return false
}

// Analyzer parses the directives of a package. It reports nothing itself; the
// directives analyzer reports malformed directives.
var Analyzer = &analysis.Analyzer{
	Name:             "deferlintdirectives",
	Doc:              "index the //deferlint:ignore directives of a package",
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeFor[*Index](),
}

func run(pass *analysis.Pass) (any, error) {
	index := &Index{byLine: make(map[fileLine][]*Directive)}
	for _, file := range pass.Files {
		for _, group := range file.Comments {
			for _, c := range group.List {
				if d := parse(pass.Fset, c); d != nil {
					index.Directives = append(index.Directives, d)
					key := fileLine{d.Filename, d.Line}
					index.byLine[key] = append(index.byLine[key], d)
				}
			}
		}
	}
	return index, nil
}

// parse returns the directive written in c, or nil when c is no directive.
func parse(fset *token.FileSet, c *ast.Comment) *Directive {
	rest, ok := strings.CutPrefix(c.Text, Prefix)
	if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return nil
	}
	posn := fset.PositionFor(c.Pos(), false)
	d := &Directive{Pos: c.Pos(), End: c.End(), Filename: posn.Filename, Line: posn.Line}
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		return d
	}
	for name := range strings.SplitSeq(fields[0], ",") {
		if name = strings.TrimSpace(name); name != "" {
			d.Analyzers = append(d.Analyzers, name)
		}
	}
	d.Reason = strings.Join(fields[1:], " ")
	return d
}
