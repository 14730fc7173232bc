package unclosed_test

import (
	"path/filepath"
	"testing"

	"github.com/deferlint/deferlint/analyzers/unclosed"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestUnclosed runs the cases in one load: the standard library is type-checked
// from source once. It and TestFix leave the flags as a user does, so they run
// in parallel, after TestTypesOption, which sets a flag.
func TestUnclosed(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), unclosed.Analyzer,
		"files", "http", "sqldb", "netconn", "writers", "ticker", "pgxuse", "mainpkg", "kinds",
		"helper", "usehelper", "paired", "guarded", "handoff", "tests", "execfiles",
		"cmdexit", "messages", "dropped", "valueflow", "early", "cliaction", "fatalexit", "acceptloop", "cobraaction", "frameworks", "zerologexit", "recursivetypes", "cobramain", "cobracmds", "cobrashell", "subcommand", "example.com/cmd/tool/sub", "argpcmd", "argprepl", "kongcmd", "fakefile", "generator", "codegen", "uncalled", "wrapreturn") // usehelper sees helper's facts
}

// TestExamplesDirectory runs a module, example.com/example, in module mode: code
// under its examples directory gets the test-code default, its other code not,
// though the module's own name says example.
func TestExamplesDirectory(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, filepath.Join(analysistest.TestData(), "modules", "example"), unclosed.Analyzer, "./...")
}

func TestFix(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), unclosed.Analyzer, "fix")
}

func TestTypesOption(t *testing.T) {
	flag := unclosed.Analyzer.Flags.Lookup("types")
	old := flag.Value.String()
	if err := flag.Value.Set("*pool.Conn=pool.Pool.Get,pool.Get:Release"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { flag.Value.Set(old) })
	analysistest.Run(t, analysistest.TestData(), unclosed.Analyzer, "custom")
}
