// Package e2e builds golangci-lint with deferlint (the main package one directory up)
// and runs it on ../testdata/fixture with the repository's example configuration.
// It is a package of its own so that only the built binary links golangci-lint, not
// the test binary as well.
package e2e

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"
	"golang.org/x/mod/modfile"
)

// The files this test keeps valid, relative to this directory.
const (
	gclMain       = ".." // this module's main package
	exampleConfig = "../../../.golangci.example.yml"
	customConfig  = "../../../.custom-gcl.example.yml"
	rootGoMod     = "../../../go.mod"
	readme        = "../../../README.md"
	fixture       = "../testdata/fixture"
	pluginImport  = "github.com/deferlint/deferlint/golangci"
)

var (
	buildOnce sync.Once
	binPath   string // the built golangci-lint with deferlint
	cacheDir  string // golangci-lint's cache for this test run
	buildErr  error
)

func TestMain(m *testing.M) {
	tmp, err := os.MkdirTemp("", "deferlint-gcl-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binPath = filepath.Join(tmp, "gcl")
	cacheDir = filepath.Join(tmp, "cache")
	code := m.Run()
	os.RemoveAll(tmp)
	os.Exit(code)
}

// binary builds this module's golangci-lint once per test run. A cold build
// compiles all of golangci-lint (minutes); with a warm build cache it only links.
func binary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		cmd := exec.Command("go", "build", "-o", binPath, ".")
		cmd.Dir = gclMain
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// gcl runs the built golangci-lint in dir and returns its stdout, stderr and exit status.
func gcl(t *testing.T, dir string, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	// This test's runs share a cache of their own (cacheDir) and run one at a time, so
	// the lock golangci-lint takes against other runs on the machine is not needed.
	if args[0] == "run" {
		args = append([]string{"run", "--allow-parallel-runners"}, args[1:]...)
	}
	cmd := exec.Command(binary(t), args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+cacheDir, "NO_COLOR=1")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		status = exit.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return out.String(), errOut.String(), status
}

// finding is one issue as "FILE:LINE: TEXT", FILE relative to the fixture module.
type finding = string

// lint runs golangci-lint on the fixture with config and returns its findings, or
// fails when golangci-lint could not do its job.
func lint(t *testing.T, config string) []finding {
	t.Helper()
	return lintDir(t, fixture, config)
}

// lintDir runs golangci-lint on the module in dir, with extra arguments.
func lintDir(t *testing.T, dir, config string, extra ...string) []finding {
	t.Helper()
	abs, err := filepath.Abs(config)
	if err != nil {
		t.Fatal(err)
	}
	args := append([]string{"run", "-c", abs, "--path-mode=abs", "--show-stats=false",
		"--output.json.path=stdout", "--output.text.path=stderr"}, extra...)
	stdout, stderr, status := gcl(t, dir, append(args, "./...")...)
	if status != 0 && status != 1 {
		t.Fatalf("golangci-lint exited with status %d:\n%s", status, stderr)
	}
	var report struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename string
				Line     int
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatalf("golangci-lint's JSON output: %v\n%s", err, stdout)
	}
	root, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []finding
	for _, is := range report.Issues {
		if is.FromLinter != "deferlint" {
			t.Errorf("issue from linter %q, want only deferlint's: %s", is.FromLinter, is.Text)
		}
		rel, err := filepath.Rel(root, is.Pos.Filename)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, filepath.ToSlash(rel)+":"+strconv.Itoa(is.Pos.Line)+": "+is.Text)
	}
	if (status == 1) != (len(got) > 0) {
		t.Errorf("exit status %d with %d findings", status, len(got))
	}
	return got
}

// The fixture's findings under the example configuration: "FILE:LINE: TEXT PREFIX".
// The analyzers' own tests pin the messages; here the analyzer's name is enough.
var exampleFindings = []string{
	"fanout/fanout.go:15: loopcapture: ",
	"jobs/jobs.go:10: deferargs: ",
	"jobs/jobs.go:42: directives: ",
	"jobs/jobs.go:43: deferargs: ",
}

// checkFindings compares findings with the expected prefixes, in sorted order.
func checkFindings(t *testing.T, got []finding, want []string) {
	t.Helper()
	got, want = slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))
	ok := len(got) == len(want)
	for i := 0; ok && i < len(got); i++ {
		ok = strings.HasPrefix(got[i], want[i])
	}
	if !ok {
		t.Errorf("findings:\n\t%s\nwant (prefixes):\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

func TestExampleConfigFindings(t *testing.T) {
	got := lint(t, exampleConfig)
	checkFindings(t, got, exampleFindings)
	// jobs.go:20 has //nolint:deferlint and jobs.go:31 a //deferlint:ignore directive
	// above it: the same bug as line 10, which both must silence.
	for _, f := range got {
		if strings.HasPrefix(f, "jobs/jobs.go:20:") {
			t.Errorf("//nolint:deferlint did not silence %s", f)
		}
		if strings.HasPrefix(f, "jobs/jobs.go:31:") {
			t.Errorf("//deferlint:ignore did not silence %s", f)
		}
	}
}

// TestSettings runs the fixture with the example configuration's deferlint settings
// replaced, to see that they reach the plugin and the analyzers.
func TestSettings(t *testing.T) {
	tests := []struct {
		name     string
		settings string // YAML
		want     []string
		wantErr  string // a fragment of golangci-lint's error
	}{
		{
			name:     "disable",
			settings: "disable: [deferargs]",
			want:     []string{exampleFindings[0], exampleFindings[2]},
		},
		{
			name:     "enable",
			settings: "enable: [loopcapture]",
			want:     []string{exampleFindings[0]},
		},
		{
			// fanout recovers in no goroutine, so only the strict rule reports its
			// goroutines, and only with tests those its test starts.
			name:     "options",
			settings: "gorecover: {strict: true, tests: true}",
			want:     append([]string{"fanout/fanout.go:13: gorecover: ", "fanout/fanout_test.go:11: gorecover: "}, exampleFindings...),
		},
		{
			name:     "unknown key",
			settings: "disabled: [deferargs]",
			wantErr:  `deferlint settings: unknown key "disabled"`,
		},
		{
			name:     "unknown analyzer",
			settings: "enable: [deferarg]",
			wantErr:  `deferlint settings: enable: unknown analyzer "deferarg"`,
		},
		{
			name:     "unknown option",
			settings: "deferargs: {strict: true}",
			wantErr:  `deferlint settings: deferargs: unknown option "strict"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			config := configWithSettings(t, tt.settings)
			if tt.wantErr != "" {
				_, stderr, status := gcl(t, fixture, "run", "-c", config, "./...")
				if status == 0 || status == 1 || !strings.Contains(stderr, tt.wantErr) {
					t.Errorf("status %d, stderr:\n%s\nwant an error containing %q", status, stderr, tt.wantErr)
				}
				return
			}
			checkFindings(t, lint(t, config), tt.want)
		})
	}
}

// TestFix applies deferargs' and loopcapture's suggested fixes with golangci-lint's
// --fix on a copy of the fixture, after which they find nothing.
func TestFix(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(fixture)); err != nil {
		t.Fatal(err)
	}
	config := configWithSettings(t, "enable: [deferargs, loopcapture]")
	lintDir(t, dir, config, "--fix")
	if got := lintDir(t, dir, config); len(got) > 0 {
		t.Errorf("findings left after --fix:\n\t%s", strings.Join(got, "\n\t"))
	}
	for file, want := range map[string]string{
		"jobs/jobs.go":     "\tdefer func() { log.Printf(\"ran %d jobs\", n) }()\n\tfor",
		"fanout/fanout.go": "\t\tgo func(msg string) {\n\t\t\tdefer wg.Done()\n\t\t\tsend(msg)\n\t\t}(msg)\n",
	} {
		data, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), want) {
			t.Errorf("%s after --fix does not contain %q:\n%s", file, want, data)
		}
	}
}

// configWithSettings writes the example configuration with the deferlint settings
// replaced by settings (YAML) and returns its path.
func configWithSettings(t *testing.T, settings string) string {
	t.Helper()
	var config map[string]any
	readYAML(t, exampleConfig, &config)
	var s any
	if err := yaml.Unmarshal([]byte(settings), &s); err != nil {
		t.Fatal(err)
	}
	deferlint, ok := dig(config, "linters", "settings", "custom", "deferlint").(map[string]any)
	if !ok {
		t.Fatalf("%s has no linters.settings.custom.deferlint", exampleConfig)
	}
	deferlint["settings"] = s
	data, err := yaml.Marshal(config)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), ".golangci.yml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func dig(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

func readYAML(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// TestExampleConfigIsValid checks the example configuration against golangci-lint's
// own JSON schema, and that it runs deferlint as a module plugin.
func TestExampleConfigIsValid(t *testing.T) {
	abs, err := filepath.Abs(exampleConfig)
	if err != nil {
		t.Fatal(err)
	}
	if _, stderr, status := gcl(t, ".", "config", "verify", "-c", abs); status != 0 {
		t.Errorf("golangci-lint config verify: status %d\n%s", status, stderr)
	}
	var config map[string]any
	readYAML(t, exampleConfig, &config)
	if v := dig(config, "version"); v != "2" {
		t.Errorf("version = %#v, want \"2\"", v)
	}
	if enable, _ := dig(config, "linters", "enable").([]any); !slices.Contains(enable, any("deferlint")) {
		t.Errorf("linters.enable = %v, want it to contain deferlint", enable)
	}
	if typ := dig(config, "linters", "settings", "custom", "deferlint", "type"); typ != "module" {
		t.Errorf("linters.settings.custom.deferlint.type = %#v, want module", typ)
	}
}

// TestCustomConfig checks .custom-gcl.example.yml, which `golangci-lint custom`
// reads: the golangci-lint release this module builds, and the plugin this binary
// links, with the same rules golangci-lint applies to the file.
func TestCustomConfig(t *testing.T) {
	var config struct {
		Version     string `yaml:"version"`
		Name        string `yaml:"name"`
		Destination string `yaml:"destination"`
		Plugins     []struct {
			Module  string `yaml:"module"`
			Import  string `yaml:"import"`
			Version string `yaml:"version"`
			Path    string `yaml:"path"`
		} `yaml:"plugins"`
	}
	readYAML(t, customConfig, &config)

	gomod := readModFile(t, filepath.Join(gclMain, "go.mod"))
	var gclVersion string
	for _, r := range gomod.Require {
		if r.Mod.Path == "github.com/golangci/golangci-lint/v2" {
			gclVersion = r.Mod.Version
		}
	}
	if config.Version != gclVersion {
		t.Errorf("version = %q, want %q, the golangci-lint this module builds and tests", config.Version, gclVersion)
	}
	root := readModFile(t, rootGoMod).Module.Mod.Path
	if len(config.Plugins) != 1 {
		t.Fatalf("%d plugins, want 1 (deferlint)", len(config.Plugins))
	}
	p := config.Plugins[0]
	if p.Module != root {
		t.Errorf("plugin module = %q, want %q", p.Module, root)
	}
	if p.Import != pluginImport {
		t.Errorf("plugin import = %q, want %q", p.Import, pluginImport)
	}
	if (p.Version == "") == (p.Path == "") {
		t.Errorf("plugin has version %q and path %q: golangci-lint custom wants exactly one", p.Version, p.Path)
	}
	// The binary tested here links the same package.
	f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(gclMain, "main.go"), nil, parser.ImportsOnly)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(f.Imports, func(s *ast.ImportSpec) bool { return s.Path.Value == strconv.Quote(pluginImport) }) {
		t.Errorf("main.go does not import %s", pluginImport)
	}
}

func readModFile(t *testing.T, path string) *modfile.File {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := modfile.ParseLax(path, data, nil)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestREADMEConfig runs the configuration the README's golangci-lint section shows.
func TestREADMEConfig(t *testing.T) {
	data, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	_, section, _ := strings.Cut(string(data), "\n## golangci-lint\n")
	_, block, ok := strings.Cut(section, "```yaml\n")
	block, _, ok2 := strings.Cut(block, "```")
	if !ok || !ok2 {
		t.Fatal("README.md's golangci-lint section has no yaml block")
	}
	config := filepath.Join(t.TempDir(), ".golangci.yml")
	if err := os.WriteFile(config, []byte(block), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, status := gcl(t, ".", "config", "verify", "-c", config); status != 0 {
		t.Errorf("golangci-lint config verify: status %d\n%s", status, stderr)
	}
	// disable: [directives], gorecover strict and tests; the default linters find nothing here.
	checkFindings(t, lint(t, config), []string{
		exampleFindings[0], exampleFindings[1], exampleFindings[3],
		"fanout/fanout.go:13: gorecover: ", "fanout/fanout_test.go:11: gorecover: ",
	})
}
