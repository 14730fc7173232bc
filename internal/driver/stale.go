package driver

import (
	"fmt"
	"slices"
	"strings"

	"github.com/deferlint/deferlint/internal/suppress"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// staleDirectives returns a finding of the directives analyzer for each well-formed
// directive that silenced nothing in this run, although every analyzer it names ran
// on its file (in every package the file belongs to: a package and its test
// variant), and is on there in the package's configuration. Only this driver can
// know: go vet and golangci-lint filter the findings of each analyzer apart, and
// none of them sees the others'.
func staleDirectives(units []*unit, enabled []*analysis.Analyzer, configs configs) []finding {
	i := slices.IndexFunc(enabled, func(a *analysis.Analyzer) bool { return a.Name == "directives" })
	if i < 0 {
		return nil
	}
	directives := enabled[i]
	type state struct {
		d               directive
		pkg             *packages.Package
		used, unchecked bool
	}
	var order []string
	states := make(map[string]*state) // by position: a file's directive is in each of its packages
	for _, u := range units {
		if u.role != reported || u.result == nil {
			continue
		}
		ran := make(map[string]bool) // the analyzers that ran on the package and are on there
		for _, name := range u.result.ran {
			ran[name] = configs.of(u.pkg).Enabled(name)
		}
		for _, d := range u.result.directives {
			s := states[d.key]
			if s == nil {
				s = &state{d: d, pkg: u.pkg}
				states[d.key] = s
				order = append(order, d.key)
			}
			s.used = s.used || d.used
			s.unchecked = s.unchecked || slices.ContainsFunc(d.analyzers, func(name string) bool { return !ran[name] })
		}
	}
	var found []finding
	for _, key := range order {
		s := states[key]
		if s.used || s.unchecked {
			continue
		}
		f := finding{
			analyzer: directives.Name,
			url:      directives.URL,
			posn:     s.d.posn,
			end:      s.d.end,
			message:  s.d.message,
			pkg:      s.pkg,
			function: s.d.function,
		}
		f.severity = configs.of(s.pkg).Severity(f.analyzer, f.category)
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
