package testcode

import (
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestSupportPackage(t *testing.T) {
	for _, tt := range []struct {
		module, pkg string
		want        bool
	}{
		{"example.com/m", "example.com/m/internal/testutils/simulator", true}, // go-tuf's repository simulator
		{"example.com/m", "example.com/m/pkg/testutil", true},
		{"example.com/m", "example.com/m/awstesting", true},
		{"example.com/m", "example.com/m/test/e2e", true},
		{"example.com/m", "example.com/m/dendrite-upgrade-tests", true},
		{"example.com/m", "example.com/m/e2e", true},
		{"example.com/m", "example.com/m/integration", true},
		{"example.com/m", "example.com/m/integrationtests/proxy", true},
		{"example.com/m", "example.com/m/mocks", true},
		{"example.com/m", "example.com/m/examples/chat", true},
		{"example.com/m", "example.com/m/_examples/chat", true},
		{"example.com/m", "example.com/m/hack/tools", true},
		{"example.com/m", "example.com/m/scripts/release", true},
		{"example.com/m", "example.com/m/bench", true}, // raft-wal's append benchmark program
		{"example.com/m", "example.com/m/tools/benchmark/cmd", true},
		{"example.com/m", "example.com/m/benchmarks/ycsb", true},
		{"example.com/m", "example.com/m/benchstat", false},       // a tool named for benchmarks, not a harness directory
		{"example.com/m", "example.com/m/pkg/latest", false},      // contains test, a word of its own
		{"example.com/m", "example.com/m/pkg/attestation", false}, // likewise
		{"example.com/m", "example.com/m/pkg/fastest", false},     // an English superlative
		{"example.com/m", "example.com/m/integrations/slack", false},
		{"example.com/m", "example.com/m/mockingbird", false},
		{"example.com/m", "example.com/m/server", false},
		{"example.com/example", "example.com/example/server", false}, // the module's own path does not count
		{"example.com/testing", "example.com/testing", false},
		{"", "example.com/m/testutil", false}, // no module: the rule does not apply
	} {
		pass := &analysis.Pass{Pkg: types.NewPackage(tt.pkg, "p")}
		if tt.module != "" {
			pass.Module = &analysis.Module{Path: tt.module}
		}
		if got := SupportPackage(pass); got != tt.want {
			t.Errorf("SupportPackage(%s in %q) = %v, want %v", tt.pkg, tt.module, got, tt.want)
		}
	}
}

func TestFakeFile(t *testing.T) {
	fset := token.NewFileSet()
	for name, want := range map[string]bool{
		"/m/pkg/mock.go":         true,
		"/m/pkg/mock_sysfs.go":   true,
		"/m/pkg/client_mock.go":  true,
		"/m/pkg/client-mocks.go": true,
		"/m/pkg/mockingbird.go":  false,
		"/m/pkg/client.go":       false,
	} {
		f := fset.AddFile(name, -1, 10)
		pass := &analysis.Pass{Fset: fset}
		if got := FakeFile(pass, f.Pos(0)); got != want {
			t.Errorf("FakeFile(%s) = %v, want %v", name, got, want)
		}
	}
}
