package ctxcancel_test

import (
	"fmt"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/deferlint/deferlint/analyzers/ctxcancel"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/lostcancel"
)

// Each analysistest run loads its packages and everything they import, the
// standard library included, from source: the cases run in one load (one for
// those with a .golden file), not one each, and the two loads run in parallel.

// vetPackages reproduce the test shapes of go vet's lostcancel, and those vet
// reports that ctxcancel deliberately does not (vetdiverge, and the lines marked
// "divergence:" elsewhere).
var vetPackages = []string{"vetshapes", "vetmain", "generic", "vetdiverge"}

func TestCases(t *testing.T) {
	t.Parallel()
	results := analysistest.Run(t, analysistest.TestData(), ctxcancel.Analyzer,
		slices.Concat(vetPackages, []string{
			"beyond", "fields", // beyond vet
			"helper", "user", // across packages
			"testbounds",      // test code
			"once", "oncelib", // code that runs once per process
			"owners",   // derived contexts that outlive the function
			"parents",  // derived contexts released with their parent
			"cleanups", // released by a cleanup closure
		})...)
	t.Run("MatchesVet", func(t *testing.T) { matchesVet(t, results) })
}

// TestTestsOption runs the test-code cases with -ctxcancel.tests. It sets the
// analyzer's global flag, so it runs alone, before the parallel tests.
func TestTestsOption(t *testing.T) {
	flag := ctxcancel.Analyzer.Flags.Lookup("tests")
	old := flag.Value.String()
	if err := flag.Value.Set("true"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { flag.Value.Set(old) })
	analysistest.Run(t, analysistest.TestData(), ctxcancel.Analyzer, "testsoption")
}

func TestFixes(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), ctxcancel.Analyzer, "fixes")
}

// quiet swallows the expectation mismatches of go vet's analyzer, whose messages
// differ from ours: matchesVet compares lines only.
type quiet struct{}

func (quiet) Errorf(string, ...any) {}

// matchesVet runs go vet's lostcancel on the packages that reproduce its test
// shapes and checks that ctxcancel, whose results on them are ours, reports every
// line that lostcancel reports (at the call, or at a leaking return that its
// report at the call names as related information: one finding per leak where
// vet has two), except the deliberate divergences: the lines
// marked with a comment "divergence:" and the reason, each of which vet must
// report (the analysistest run checks that ctxcancel does not).
//
// The divergences (see doc.go): a cancel context of context.Background() or
// TODO() holds nothing; a derived context handed on to an owner (returned, stored,
// given to a goroutine) outside a loop is the owner's to end; in test code, a
// cancel function lost once per test costs the test's lifetime at most; code that
// runs once per process (main.main, a function it calls once) loses one context
// at most, which the exit releases; a return outside the block that declares
// the cancel variable, where it cannot be called, is not reported (the report at
// the call names where the path left the block).
func matchesVet(t *testing.T, ours []*analysistest.Result) {
	lines := func(results []*analysistest.Result) map[string]bool {
		set := make(map[string]bool)
		for _, r := range results {
			for _, d := range r.Diagnostics {
				at := []token.Pos{d.Pos}
				for _, rel := range d.Related {
					at = append(at, rel.Pos) // a leaking return, which vet reports apart
				}
				for _, pos := range at {
					posn := r.Pass.Fset.Position(pos)
					set[fmt.Sprintf("%s:%d", posn.Filename, posn.Line)] = true
				}
			}
		}
		return set
	}
	vet := lines(analysistest.Run(quiet{}, analysistest.TestData(), lostcancel.Analyzer, vetPackages...))
	reported := lines(ours)
	if len(vet) < 20 {
		t.Fatalf("lostcancel reported only %d lines; the shapes are not exercised", len(vet))
	}
	diverges := divergences(t)
	for line := range vet {
		if !reported[line] && !diverges[line] {
			t.Errorf("%s: go vet's lostcancel reports this line, ctxcancel does not", line)
		}
	}
	for line := range diverges {
		if !vet[line] {
			t.Errorf("%s: marked as a divergence from go vet, but go vet does not report it", line)
		}
	}
}

// divergences returns the lines of the vet packages that carry a comment
// "divergence:", as file:line.
func divergences(t *testing.T) map[string]bool {
	set := make(map[string]bool)
	fset := token.NewFileSet()
	for _, pkg := range vetPackages {
		files, err := filepath.Glob(filepath.Join(analysistest.TestData(), "src", pkg, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range files {
			f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			for _, group := range f.Comments {
				for _, c := range group.List {
					if strings.HasPrefix(c.Text, "// divergence:") {
						posn := fset.Position(c.Pos())
						set[fmt.Sprintf("%s:%d", posn.Filename, posn.Line)] = true
					}
				}
			}
		}
	}
	return set
}
