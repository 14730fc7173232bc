package driver

import (
	"fmt"
	"slices"
	"strings"

	"github.com/deferlint/deferlint/internal/suppress"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// staleDirectives returns a finding of the directives analyzer for each well-formed
// directive that silenced nothing in this run, although every analyzer it names ran
// on its file (in every package the file belongs to: a package and its test
// variant), and is on there in the package's configuration. Only this driver can
// know: go vet and golangci-lint filter the findings of each analyzer apart, and
// none of them sees the others'.
func staleDirectives(graph *checker.Graph, reported map[string]bool, enabled []*analysis.Analyzer, configs configs) []finding {
	i := slices.IndexFunc(enabled, func(a *analysis.Analyzer) bool { return a.Name == "directives" })
	if i < 0 {
		return nil
	}
	directives := enabled[i]
	ran := make(map[*packages.Package]map[string]bool) // the analyzers that ran, by package
	for _, act := range graph.Roots {
		if reported[act.Package.ID] && act.Err == nil && configs.of(act.Package).Enabled(act.Analyzer.Name) {
			if ran[act.Package] == nil {
				ran[act.Package] = make(map[string]bool)
			}
			ran[act.Package][act.Analyzer.Name] = true
		}
	}
	type state struct {
		d               *suppress.Directive
		pkg             *packages.Package
		used, unchecked bool
	}
	var order []string
	states := make(map[string]*state) // by position: a file's directive is in each of its packages
	for _, act := range graph.Roots {
		// The directives analyzer hands on the package's index (the checker keeps
		// the results of root actions only); its flags are read now that every
		// analyzer has run.
		index, ok := act.Result.(*suppress.Index)
		if act.Analyzer != directives || !ok || !reported[act.Package.ID] {
			continue
		}
		fset := act.Package.Fset
		for _, d := range index.Directives {
			if d.Problem() != "" {
				continue // reported as malformed
			}
			key := fset.PositionFor(d.Pos, false).String()
			s := states[key]
			if s == nil {
				s = &state{d: d, pkg: act.Package}
				states[key] = s
				order = append(order, key)
			}
			s.used = s.used || d.Used()
			s.unchecked = s.unchecked || slices.ContainsFunc(d.Analyzers, func(name string) bool { return !ran[act.Package][name] })
		}
	}
	var found []finding
	for _, key := range order {
		s := states[key]
		if s.used || s.unchecked {
			continue
		}
		fset := s.pkg.Fset
		f := finding{
			analyzer: directives.Name,
			url:      directives.URL,
			posn:     fset.Position(s.d.Pos),
			end:      fset.Position(s.d.End),
			message:  staleMessage(s.d),
			pkg:      s.pkg,
		}
		f.severity = configs.of(s.pkg).Severity(f.analyzer, f.category)
		f.function = functionName(s.pkg.Syntax, s.d.Pos)
		found = append(found, f)
	}
	return found
}

func staleMessage(d *suppress.Directive) string {
	where := "on this line or the next"
	if d.WholeFile {
		where = "in this file"
	}
	return fmt.Sprintf("%s %s silences nothing: there is no %s finding %s, so the directive can be removed",
		d.Name(), strings.Join(d.Analyzers, ","), strings.Join(d.Analyzers, " or "), where)
}
