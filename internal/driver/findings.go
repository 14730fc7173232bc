package driver

import (
	"cmp"
	"fmt"
	"go/token"
	"os"
	"runtime/debug"
	"slices"

	"github.com/deferlint/deferlint/internal/severity"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// A finding is one diagnostic, with positions resolved, as every output format and
// the fixer need it.
type finding struct {
	analyzer string
	url      string
	posn     token.Position // as reported: //line directives applied
	end      token.Position
	message  string
	fixes    []fix
	pkg      *packages.Package // the (first) package it was found in
	category string            // the diagnostic's Category
	severity severity.Level
	function string // the enclosing function, as a baseline names it (see functionName)
	related  []related
}

// A related position is one the finding's message names as part of the same
// problem (ctxcancel's leaking returns): editors show it beside the finding, and
// the JSON and SARIF outputs carry it.
type related struct {
	posn, end token.Position
	message   string
}

type fix struct {
	message string
	edits   []edit
}

// An edit replaces the bytes [start, end) of the file named filename (not adjusted
// by //line directives: the file on disk).
type edit struct {
	filename   string
	start, end int
	newText    string
	startPosn  token.Position
	endPosn    token.Position
}

// collect gathers the findings of the reported units, de-duplicated (a package
// and its test variant share files) and sorted by file, line and column. It also
// returns a description of each analyzer that failed. Each finding is graded by its
// package's configuration. Where a package's test variant is analysed, its
// findings speak for the package's files, as go vet's do, and the plain package
// is not reported (see testedByVariant): the variant holds every file of the
// package and the package's own tests besides, so it sees what the plain package
// cannot (an unexported helper that only tests call is test code; in the plain
// package it looks uncalled).
func collect(units []*unit, configs configs) (found []finding, failures []string) {
	seen := make(map[string]bool)
	for _, u := range units {
		if u.role != reported || u.result == nil {
			continue // a dependency, or a package that did not load (reported already)
		}
		failures = append(failures, u.result.failures...)
		for _, f := range u.result.found {
			f.pkg = u.pkg
			f.severity = configs.of(u.pkg).Severity(f.analyzer, f.category)
			key := fmt.Sprintf("%s\x00%s\x00%d\x00%d\x00%s", f.analyzer, f.posn.Filename, f.posn.Offset, f.end.Offset, f.message)
			if !seen[key] {
				seen[key] = true
				found = append(found, f)
			}
		}
	}
	slices.SortFunc(found, compareFindings)
	slices.Sort(failures)
	return found, slices.Compact(failures)
}

func compareFindings(a, b finding) int {
	return cmp.Or(
		cmp.Compare(a.posn.Filename, b.posn.Filename),
		cmp.Compare(a.posn.Line, b.posn.Line),
		cmp.Compare(a.posn.Column, b.posn.Column),
		cmp.Compare(a.analyzer, b.analyzer),
		cmp.Compare(a.message, b.message),
	)
}

func resolve(fset *token.FileSet, a *analysis.Analyzer, d analysis.Diagnostic) finding {
	f := finding{analyzer: a.Name, url: d.URL, message: d.Message, category: d.Category, posn: fset.Position(d.Pos)}
	if f.url == "" {
		f.url = a.URL
	}
	f.end = f.posn
	if d.End.IsValid() {
		f.end = fset.Position(d.End)
	}
	for _, r := range d.Related {
		rel := related{posn: fset.Position(r.Pos), message: r.Message}
		rel.end = rel.posn
		if r.End.IsValid() {
			rel.end = fset.Position(r.End)
		}
		f.related = append(f.related, rel)
	}
	for _, sf := range d.SuggestedFixes {
		fx := fix{message: sf.Message}
		for _, te := range sf.TextEdits {
			file := fset.File(te.Pos)
			end := te.End
			if !end.IsValid() {
				end = te.Pos
			}
			if file == nil || fset.File(end) != file {
				fx.edits = nil
				break
			}
			fx.edits = append(fx.edits, edit{
				filename:  file.Name(),
				start:     file.Offset(te.Pos),
				end:       file.Offset(end),
				newText:   string(te.NewText),
				startPosn: fset.PositionFor(te.Pos, false),
				endPosn:   fset.PositionFor(end, false),
			})
		}
		if len(fx.edits) > 0 {
			f.fixes = append(f.fixes, fx)
		}
	}
	return f
}

// guard returns copies of the analyzers whose Run turns a panic into an error
// naming the analyzer and the package, so that one bug in one analyzer fails that
// analyzer on that package instead of killing the whole run with a stack trace.
// Set DEFERLINT_DEBUG=1 to get the stack.
func guard(suite []*analysis.Analyzer) []*analysis.Analyzer {
	guarded := make([]*analysis.Analyzer, len(suite))
	for i, a := range suite {
		g := *a
		run := a.Run
		g.Run = func(pass *analysis.Pass) (result any, err error) {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("internal error (please report it): panic: %v%s", r, debugStack())
				}
			}()
			return run(pass)
		}
		guarded[i] = &g
	}
	return guarded
}

func debugStack() string {
	if os.Getenv("DEFERLINT_DEBUG") == "" {
		return ""
	}
	return "\n" + string(debug.Stack())
}
