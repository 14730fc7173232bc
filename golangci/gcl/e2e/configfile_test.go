package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// withCache runs f with golangci-lint's cache in a fresh directory: golangci-lint
// keys its cached findings by a package's Go files and .golangci.yml, not by the
// deferlint.toml files, so a copy of the fixture with other files must not see the
// findings cached for the fixture.
func withCache(t *testing.T, f func()) {
	old := cacheDir
	cacheDir = t.TempDir()
	defer func() { cacheDir = old }()
	f()
}

// fixtureWith copies the fixture and adds files to the copy.
func fixtureWith(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(fixture)); err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestConfigFile checks that golangci-lint honours deferlint.toml files (deferargs
// off in jobs/, loopcapture regraded for the module) and that the example
// configuration's severity rule turns deferlint's warnings into golangci-lint's.
func TestConfigFile(t *testing.T) {
	dir := fixtureWith(t, map[string]string{
		"deferlint.toml":      "[loopcapture]\nseverity = \"warning\"\n",
		"jobs/deferlint.toml": "[deferargs]\nenabled = false\n",
	})
	config, err := filepath.Abs(exampleConfig)
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr string
	var status int
	withCache(t, func() {
		stdout, stderr, status = gcl(t, dir, "run", "-c", config, "--path-mode=abs", "--show-stats=false",
			"--output.json.path=stdout", "--output.text.path=stderr", "./...")
	})
	if status != 1 {
		t.Fatalf("golangci-lint exited with status %d, want 1:\n%s", status, stderr)
	}
	var report struct {
		Issues []struct {
			Text, Severity string
			Pos            struct {
				Filename string
				Line     int
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatalf("golangci-lint's JSON output: %v\n%s", err, stdout)
	}
	var got []string
	for _, is := range report.Issues {
		rel, _ := filepath.Rel(dir, is.Pos.Filename)
		analyzer, _, _ := strings.Cut(is.Text, ":")
		got = append(got, filepath.ToSlash(rel)+":"+strconv.Itoa(is.Pos.Line)+": "+analyzer+" "+is.Severity)
	}
	slices.Sort(got)
	want := []string{
		"fanout/fanout.go:15: loopcapture warning", // regraded by deferlint.toml
		"jobs/jobs.go:42: directives warning",      // a warning by default
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings with severities:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// TestConfigFileError checks that a mistake in a deferlint.toml stops golangci-lint
// with an error naming the file, the line and the key.
func TestConfigFileError(t *testing.T) {
	dir := fixtureWith(t, map[string]string{"jobs/deferlint.toml": "[deferargs]\nstrict = true\n"})
	config, err := filepath.Abs(exampleConfig)
	if err != nil {
		t.Fatal(err)
	}
	var stderr string
	var status int
	withCache(t, func() { _, stderr, status = gcl(t, dir, "run", "-c", config, "./...") })
	want := "deferlint.toml:2: deferargs.strict: unknown key: want enabled, severity or an option of deferargs (it has no options)"
	if status == 0 || status == 1 || !strings.Contains(stderr, want) {
		t.Errorf("status %d, stderr:\n%s\nwant an error containing %q", status, stderr, want)
	}
}
