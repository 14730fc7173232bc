package ownership_test

import (
	"path/filepath"
	"testing"

	"github.com/deferlint/deferlint/internal/ownership"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestFacts checks the facts of resources, in one load: fresh results, owned
// and kept parameters, receivers released, assertions, facts imported from
// another package, and the package fact of each package (acquiring or not).
func TestFacts(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), ownership.Analyzer,
		"files", "http", "sqldb", "netconn", "writers", "ticker", "pgxuse", "mainpkg", "kinds",
		"helper", "usehelper", "paired", "guarded", "handoff", "tests",
		"cmdexit", "messages", "dropped", "valueflow", "early", "cliaction",
		"asserts", "failedtest", "testsoption", "custom", "fix", "github.com/jackc/pgx/v5")
}

// TestModuleFacts checks the facts of a module loaded in module mode.
func TestModuleFacts(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, filepath.Join(analysistest.TestData(), "modules", "example"), ownership.Analyzer, "./...")
}

// TestCancelFacts checks the facts of cancel functions: fresh cancel results,
// whether they may be nil, and the function parameters a function calls or
// keeps (the others are inert).
func TestCancelFacts(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, filepath.Join(analysistest.TestData(), "cancels"), ownership.Analyzer,
		"beyond", "fields", "fixes", "generic", "helper", "owners", "vetshapes")
}
