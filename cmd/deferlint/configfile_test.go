package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// configCode has a goroutine that nothing recovers (reported with
// gorecover.strict) and a deferred call whose argument is evaluated too early
// (deferargs).
const configCode = `package PKG

import (
	"log"
	"os"
	"time"
)

func work() { os.ReadFile("x") }

func Start() {
	go func() {
		work()
	}()
	start := time.Now()
	defer log.Print(time.Since(start))
}
`

// configModule has deferlint.toml files: at the top, gorecover reports every
// goroutine (strict), as an error, and deferargs is a warning; in legacy/, deferargs
// is off and gorecover's default rule applies again.
func configModule(t *testing.T) string {
	return writeModule(t, map[string]string{
		"go.mod": "module example.com/cf\n\ngo 1.22\n",
		"deferlint.toml": `# the whole module
[gorecover]
strict = true

[gorecover.goroutine]
severity = "error"

[deferargs]
severity = "warning"
`,
		"legacy/deferlint.toml": `[deferargs]
enabled = false

[gorecover]
strict = false
`,
		"app/app.go":       strings.Replace(configCode, "PKG", "app", 1),
		"legacy/legacy.go": strings.Replace(configCode, "PKG", "legacy", 1),
	})
}

const (
	goroutineFinding = "app/app.go:12:5: goroutine running the function literal does not recover panics"
	deferargsFinding = "app/app.go:16:18: warning: time.Since(start) is evaluated when the defer statement runs"
)

// TestConfigFile checks per-directory enabling, options and severities from
// deferlint.toml files, in every output format.
func TestConfigFile(t *testing.T) {
	dir := configModule(t)
	r := run(t, dir, deferlint, "./...")
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if r.code != 1 || len(lines) != 2 || !strings.HasPrefix(lines[0], goroutineFinding) || !strings.HasPrefix(lines[1], deferargsFinding) {
		t.Fatalf("exit status %d, output:\n%s%s\nwant exit status 1 and two lines:\n%s...\n%s...", r.code, r.stdout, r.stderr, goroutineFinding, deferargsFinding)
	}
	for format, wants := range map[string][]string{
		"json":   {`"analyzer": "gorecover"`, `"severity": "error"`, `"analyzer": "deferargs"`, `"severity": "warning"`},
		"github": {"::error file=app/app.go,line=12", "::warning file=app/app.go,line=16"},
		"sarif":  {`"level": "error"`, `"level": "warning"`},
	} {
		out := run(t, dir, deferlint, "-format", format, "./...")
		for _, want := range wants {
			if !strings.Contains(out.stdout, want) {
				t.Errorf("-format %s: the output does not contain %q:\n%s", format, want, out.stdout)
			}
		}
		if strings.Contains(out.stdout, "legacy") {
			t.Errorf("-format %s reports in legacy/, where the configuration turns them off:\n%s", format, out.stdout)
		}
	}
	// The file's option overrides the command line's for its directory.
	if r := run(t, dir, deferlint, "-gorecover.strict=false", "./app"); !strings.Contains(r.stdout, goroutineFinding) {
		t.Errorf("-gorecover.strict=false overrides the file's strict = true:\n%s", r.stdout)
	}
}

// TestConfigFileGoVet checks that go vet -vettool honours the same files, shows
// severities as the text format does, and sees an edit of a file although the go
// command caches each package's results.
func TestConfigFileGoVet(t *testing.T) {
	dir := configModule(t)
	r := run(t, dir, "go", "vet", "-vettool="+deferlint, "./...")
	if r.code == 0 || !strings.Contains(r.stderr, goroutineFinding) || !strings.Contains(r.stderr, deferargsFinding) || strings.Contains(r.stderr, "legacy") {
		t.Fatalf("go vet -vettool: exit status %d, output:\n%s\nwant the two findings in app/ and none in legacy/", r.code, r.stderr)
	}
	if err := os.WriteFile(filepath.Join(dir, "legacy", "deferlint.toml"), []byte("[deferargs]\nseverity = \"error\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	again := run(t, dir, "go", "vet", "-vettool="+deferlint, "./...")
	if !strings.Contains(again.stderr, "legacy/legacy.go:16:18: time.Since(start) is evaluated") {
		t.Errorf("go vet after turning deferargs on in legacy/ does not report it there:\n%s", again.stderr)
	}
}

// TestConfigFileErrors checks that a mistake in a configuration file is one line
// naming the file, the line and the key, exit status 2, before any analysis, even
// for an analyzer the command line leaves out; and that go vet says the same.
func TestConfigFileErrors(t *testing.T) {
	for _, tt := range []struct {
		name, file, want string
	}{
		{"unknown option", "[gorecover]\nstrict = true\nstrct = true\n",
			"deferlint.toml:3: gorecover.strct: unknown key: want enabled, severity or an option of gorecover (options: goroutines, handler, launchers, recoverers, strict, tests)"},
		{"rejected value", "\n[unclosed]\ntypes = \"garbage\"\n",
			`deferlint.toml:3: unclosed.types: "garbage" is not of the form TYPE=ACQUIRER[,ACQUIRER]:RELEASE[,RELEASE]`},
		{"bad severity", "[deferargs]\nseverity = \"fatal\"\n", `deferlint.toml:2: deferargs.severity: want "error" or "warning"`},
		{"bad enabled", "[deferargs]\nenabled = \"no\"\n", "deferlint.toml:2: deferargs.enabled: want true or false"},
		{"unknown analyzer", "[deferarg]\nenabled = false\n", `deferlint.toml:2: deferarg.enabled: unknown analyzer "deferarg"`},
		{"unknown category", "[gorecover.goroutines]\nseverity = \"error\"\n", `deferlint.toml:2: gorecover.goroutines.severity: gorecover has no category "goroutines" graded apart (categories: goroutine)`},
		{"syntax", "[deferargs\n", "deferlint.toml:1: a table header must end with ]"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeModule(t, map[string]string{
				"go.mod":             "module example.com/bad\n\ngo 1.22\n",
				"sub/deferlint.toml": tt.file,
				"sub/sub.go":         "package sub\n",
			})
			oneLine(t, run(t, dir, deferlint, "-enable", "loopcapture", "./..."), "deferlint: sub/"+tt.want)
			vet := run(t, dir, "go", "vet", "-vettool="+deferlint, "./...")
			if vet.code == 0 || !strings.Contains(vet.stderr, "deferlint: sub/"+tt.want) || strings.Count(vet.stderr, "deferlint:") != 1 {
				t.Errorf("go vet -vettool: exit status %d, stderr:\n%s\nwant one line containing %q", vet.code, vet.stderr, tt.want)
			}
		})
	}
}
