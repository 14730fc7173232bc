package configfile

import (
	"github.com/deferlint/deferlint/internal/severity"
	"golang.org/x/tools/go/analysis"
)

// WarningPrefix starts the message of a warning where a driver has no severity of
// its own to show it with (go vet, golangci-lint), as deferlint's text output
// writes it.
const WarningPrefix = "warning: "

// LabelWarnings returns copies of the analyzers whose findings graded warning in
// their package's configuration have messages that start with WarningPrefix. Each
// analyzer must require Analyzer.
func LabelWarnings(suite []*analysis.Analyzer) []*analysis.Analyzer {
	labelled := make([]*analysis.Analyzer, len(suite))
	for i, a := range suite {
		l := *a
		run := a.Run
		l.Run = func(pass *analysis.Pass) (any, error) {
			c, err := Of(pass)
			if err != nil {
				return nil, err
			}
			labelling := *pass
			labelling.Report = func(d analysis.Diagnostic) {
				if c.Severity(pass.Analyzer.Name, d.Category) == severity.Warning {
					d.Message = WarningPrefix + d.Message
				}
				pass.Report(d)
			}
			return run(&labelling)
		}
		labelled[i] = &l
	}
	return labelled
}
