package testcode

import (
	"go/token"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// SupportPackage reports whether the package is demonstration, test-support or
// developer-tooling code: it lies under a directory, inside its module, named for
// examples (example, examples, _examples) or for tests (a name that starts with
// test: test, tests, testing, testutil, testsuite, testcluster..., or one whose
// dash- or underscore-separated part does: dendrite-upgrade-tests; see
// namesTests; integration, integrationtest(s), e2e: Go's names for a module's
// integration and end-to-end tests and their support; not integrations, which
// names a product's integrations with other services; mock, mocks: Go's names for
// fakes that stand in for a dependency under test, as gomock and mockery generate
// them, not a prefix: mockingbird names a product) or for developer tooling
// (scripts, hack: the Kubernetes convention for scripts and programs a developer
// runs by hand, never a server; bench, benchmark, benchmarks: harnesses that load
// a system to measure it, run by hand, once per measurement). Such code is run by hand or by tests, once per
// run, and what it holds lives no longer than that run: analyzers give it the
// default of test code. Only the directories below the module's root count (a
// module may itself be named example.com/example); without the module, which some
// drivers do not give, nothing is.
func SupportPackage(pass *analysis.Pass) bool {
	rel, ok := PathInModule(pass)
	return ok && supportDirs(rel)
}

// PathInModule returns the package's path below its module's root
// (internal/store for example.com/m/internal/store): ok is false for the
// module's root package, a package outside its module, and a driver that gives
// no module.
func PathInModule(pass *analysis.Pass) (string, bool) {
	if pass.Module == nil || pass.Module.Path == "" || pass.Pkg == nil {
		return "", false
	}
	return strings.CutPrefix(pass.Pkg.Path(), pass.Module.Path+"/")
}

// supportDirs reports whether one of the directories of rel, a package's path
// inside its module, names examples, tests or developer tooling (see
// SupportPackage).
func supportDirs(rel string) bool {
	for elem := range strings.SplitSeq(rel, "/") {
		switch {
		case elem == "example", elem == "examples", elem == "_examples",
			namesTests(elem), // test, tests, testutil, dendrite-upgrade-tests, e2e_testing...
			elem == "e2e", elem == "integration", strings.HasPrefix(elem, "integrationtest"),
			elem == "mock", elem == "mocks", // fakes for tests (gomock, mockery)
			elem == "scripts", elem == "hack", // developer tooling run by hand (hack: the Kubernetes convention)
			elem == "bench", elem == "benchmark", elem == "benchmarks": // measuring harnesses run by hand
			return true
		}
	}
	return false
}

// FakeFile reports whether the file holding pos is named for fakes that stand in
// for a dependency under test, as a mock or mocks directory is: one of its
// name's underscore- or dash-separated parts is mock or mocks (mock.go,
// mock_sysfs.go, client_mock.go). Such a file builds fixtures for tests beside
// the code it fakes, in an ordinary package; what its fixtures hold lives as long
// as the test that builds them. A word that only starts with mock (mockingbird)
// names something else.
func FakeFile(pass *analysis.Pass, pos token.Pos) bool {
	return fakeName(pass.Fset.Position(pos).Filename)
}

// fakeName reports whether a file's name says mock (see FakeFile).
func fakeName(filename string) bool {
	name := strings.TrimSuffix(filepath.Base(filename), ".go")
	for part := range strings.FieldsFuncSeq(name, func(r rune) bool { return r == '-' || r == '_' }) {
		if part == "mock" || part == "mocks" {
			return true
		}
	}
	return false
}

// namesTests reports whether a directory's name says test: it, or one of its
// parts separated by a dash or an underscore (Go's import paths name words so),
// starts with test, or ends with testing or testutil(s), Go's names for the
// test support of a thing joined to the thing's name (awstesting beside
// httptest's kin; the English words that end so, attesting and contesting,
// name no package one would write). A word that only contains test (latest,
// attestation, contest) names something else, and so does one ending in test
// alone: it is an English superlative as often as a test package (latest,
// fastest, shortest).
func namesTests(elem string) bool {
	for part := range strings.FieldsFuncSeq(elem, func(r rune) bool { return r == '-' || r == '_' }) {
		if strings.HasPrefix(part, "test") ||
			strings.HasSuffix(part, "testing") || strings.HasSuffix(part, "testutil") || strings.HasSuffix(part, "testutils") {
			return true
		}
	}
	return false
}
