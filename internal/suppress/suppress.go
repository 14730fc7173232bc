// Package suppress finds the //deferlint:ignore and //deferlint:file-ignore
// directives of a package.
//
// An ignore directive silences the named analyzers on its own line (a trailing
// comment) and on the line below it (a comment above the statement); a file-ignore
// directive silences them in the whole file, wherever it stands:
//
//	//deferlint:ignore deferloop,unclosed the loop runs at most twice
//	//deferlint:file-ignore gorecover the workers of this file are supervised
//
// Each directive records whether it silenced anything, so that a driver that sees
// every analyzer's findings can report the directives that silence nothing.
//
// Other linters' directives that silence a report of a deferlint class silence the
// analyzer of that class too, on the same two lines (peer.go has the table): a
// project that has silenced, say, go vet's lostcancel on a line has seen that bug
// reported there and decided, and ctxcancel reporting it again is a false alarm.
//
//	ctx, cancel := context.WithCancel(parent) //nolint:govet // lostcancel: stop cancels
//	//lint:ignore SA9001 the channel is closed after one value
//	//nolint:bodyclose // the body is closed by the caller
//
// golangci-lint's //nolint:govet counts only when its explanation names the vet
// check (lostcancel, loopclosure), since govet also runs checks of other classes;
// likewise gocritic (deferInLoop), revive (defer) and staticcheck (SA9001, SA5003,
// SA5001). A //nolint:staticcheck naming no check silences deferloop where
// staticcheck's own rules report a defer in a loop on its line or the line below
// (staticcheck.go). bodyclose and sqlclosecheck count by name, a bare //nolint or //nolint:all for
// every analyzer. Peer directives are not ours: they are never reported as
// malformed or as silencing nothing, and are not in Index.Directives.
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
	"sync/atomic"

	"golang.org/x/tools/go/analysis"
)

// Prefix starts every line directive, FilePrefix every file directive.
const (
	Prefix     = "//deferlint:ignore"
	FilePrefix = "//deferlint:file-ignore"
)

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

// Directive is one //deferlint:ignore or //deferlint:file-ignore comment.
type Directive struct {
	Pos       token.Pos
	End       token.Pos
	Filename  string
	Line      int
	WholeFile bool     // a file-ignore directive
	Analyzers []string // as written, in order
	Reason    string   // empty when the author gave none
	used      atomic.Bool
}

// Name returns how the directive is written: //deferlint:ignore or
// //deferlint:file-ignore.
func (d *Directive) Name() string {
	if d.WholeFile {
		return FilePrefix
	}
	return Prefix
}

// Problem describes what is wrong with a directive, or "" when nothing is.
func (d *Directive) Problem() string {
	name := d.Name()
	if len(d.Analyzers) == 0 {
		return name + " names no analyzer: write " + name + " NAME[,NAME] reason"
	}
	for _, a := range d.Analyzers {
		if !slices.Contains(KnownAnalyzers, a) {
			return name + " names unknown analyzer " + quote(a) + ", so it silences nothing: use a name from deferlint -list"
		}
	}
	if d.Reason == "" {
		return name + " needs a reason after the analyzer names, so that a reviewer can judge the suppression"
	}
	return ""
}

// Used reports whether the directive has silenced a finding. Analyzers of one
// package run at once, so it is read once they all have run.
func (d *Directive) Used() bool { return d.used.Load() }

func quote(s string) string { return `"` + s + `"` }

// Index holds the directives of one package.
type Index struct {
	Directives []*Directive
	byLine     map[fileLine][]*Directive
	byFile     map[string][]*Directive // file-ignore directives
	peers      map[fileLine][]string   // the analyzers other linters' directives silence (peer.go)
}

type fileLine struct {
	filename string
	line     int
}

// Silences reports whether a directive silences analyzer at posn: a well-formed
// directive naming analyzer on posn's line or on the line above it, or in posn's file
// for a file-ignore directive, or another linter's directive of analyzer's bug class
// on posn's line or the line above. Our directives that silence it are marked used.
func (x *Index) Silences(posn token.Position, analyzer string) bool {
	if x == nil {
		return false
	}
	candidates := slices.Concat(x.byLine[fileLine{posn.Filename, posn.Line}], x.byLine[fileLine{posn.Filename, posn.Line - 1}], x.byFile[posn.Filename])
	silenced := false
	for _, d := range candidates {
		if d.Problem() == "" && slices.Contains(d.Analyzers, analyzer) {
			d.used.Store(true)
			silenced = true
		}
	}
	// Another linter's directive of the same class (peer.go) silences too; our own
	// directives are looked at first, so that one beside it still counts as used.
	return silenced ||
		slices.Contains(x.peers[fileLine{posn.Filename, posn.Line}], analyzer) ||
		slices.Contains(x.peers[fileLine{posn.Filename, posn.Line - 1}], analyzer)
}

// Analyzer parses the directives of a package. It reports nothing itself; the
// directives analyzer reports malformed directives.
var Analyzer = &analysis.Analyzer{
	Name:             "deferlintdirectives",
	Doc:              "index the //deferlint:ignore and //deferlint:file-ignore directives of a package",
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeFor[*Index](),
}

func run(pass *analysis.Pass) (any, error) {
	index := &Index{byLine: make(map[fileLine][]*Directive), byFile: make(map[string][]*Directive), peers: make(map[fileLine][]string)}
	var deferLines map[fileLine]bool
	staticLines := func() map[fileLine]bool {
		if deferLines == nil {
			deferLines = staticcheckDeferLines(pass)
		}
		return deferLines
	}
	for _, file := range pass.Files {
		for _, group := range file.Comments {
			for _, c := range group.List {
				d := parse(pass.Fset, c)
				switch {
				case d == nil:
					index.addPeer(pass.Fset, c, staticLines)
					continue
				case d.WholeFile:
					index.byFile[d.Filename] = append(index.byFile[d.Filename], d)
				default:
					key := fileLine{d.Filename, d.Line}
					index.byLine[key] = append(index.byLine[key], d)
				}
				index.Directives = append(index.Directives, d)
			}
		}
	}
	return index, nil
}

// addPeer records the analyzers that c silences when it is another linter's
// directive of a deferlint class. It is no Directive: not ours to check or to
// report as silencing nothing. A directive silencing all of staticcheck silences
// deferloop where staticcheck reports a defer in a loop on its line or the line
// below (staticcheck.go); staticLines finds those lines on first need.
func (x *Index) addPeer(fset *token.FileSet, c *ast.Comment, staticLines func() map[fileLine]bool) {
	analyzers, wholeStaticcheck := peerAnalyzers(c.Text)
	posn := fset.PositionFor(c.Pos(), false)
	key := fileLine{posn.Filename, posn.Line}
	if wholeStaticcheck {
		lines := staticLines()
		if lines[key] || lines[fileLine{posn.Filename, posn.Line + 1}] {
			analyzers = compact(append(analyzers, "deferloop"))
		}
	}
	if len(analyzers) > 0 {
		x.peers[key] = append(x.peers[key], analyzers...)
	}
}

// parse returns the directive written in c, or nil when c is no directive.
func parse(fset *token.FileSet, c *ast.Comment) *Directive {
	wholeFile := false
	rest, ok := strings.CutPrefix(c.Text, Prefix)
	if !ok {
		rest, ok = strings.CutPrefix(c.Text, FilePrefix)
		wholeFile = true
	}
	if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return nil
	}
	posn := fset.PositionFor(c.Pos(), false)
	d := &Directive{Pos: c.Pos(), End: c.End(), Filename: posn.Filename, Line: posn.Line, WholeFile: wholeFile}
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
