package configfile

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/deferlint/deferlint/internal/severity"
	"golang.org/x/tools/go/analysis"
)

// tree writes files (path: contents; a path ending in / is a directory) under a
// fresh directory and returns it.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		path := filepath.Join(root, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(path, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestFind(t *testing.T) {
	root := tree(t, map[string]string{
		"deferlint.toml":                   "", // above the repository: never read
		"repo/.git/":                       "",
		"repo/deferlint.toml":              "",
		"repo/mod/go.mod":                  "module m\n",
		"repo/mod/pkg/deferlint.toml":      "",
		"repo/mod/pkg/sub/x.go":            "",
		"loose/deferlint.toml":             "", // above the module, outside any repository
		"loose/mod/go.mod":                 "module n\n",
		"loose/mod/deferlint.toml":         "",
		"loose/mod/pkg/deferlint.toml":     "",
		"loose/mod/pkg/sub/deferlint.toml": "",
	})
	rel := func(files []string) []string {
		var out []string
		for _, f := range files {
			r, _ := filepath.Rel(root, f)
			out = append(out, filepath.ToSlash(r))
		}
		return out
	}
	for dir, want := range map[string][]string{
		"repo/mod/pkg/sub":  {"repo/deferlint.toml", "repo/mod/pkg/deferlint.toml"},
		"loose/mod/pkg/sub": {"loose/mod/deferlint.toml", "loose/mod/pkg/deferlint.toml", "loose/mod/pkg/sub/deferlint.toml"},
	} {
		if got := rel(find(filepath.Join(root, dir))); !slices.Equal(got, want) {
			t.Errorf("find(%s) = %v, want %v (farthest first)", dir, got, want)
		}
	}
}

func TestLoad(t *testing.T) {
	root := tree(t, map[string]string{
		"go.mod": "module m\n",
		"deferlint.toml": `[gorecover]
strict = true
handler = "example.com/crash.Recover"
severity = "warning"

[deferargs]
enabled = false
`,
		"sub/deferlint.toml": `[gorecover]
strict = false

[gorecover.goroutine]
severity = "error"

[deferargs]
enabled = true
`,
	})
	top, err := Load(root)
	if err != nil {
		t.Fatal(err)
	}
	sub, err := Load(filepath.Join(root, "sub"))
	if err != nil {
		t.Fatal(err)
	}
	if top.Enabled("deferargs") || !sub.Enabled("deferargs") || !top.Enabled("unclosed") {
		t.Error("enabled: the nearer file's key does not override the farther one's")
	}
	// The analyzer's severity covers its categories unless a category has its own.
	for _, tt := range []struct {
		c        *Config
		category string
		want     severity.Level
	}{
		{top, "", severity.Warning}, {top, "goroutine", severity.Warning},
		{sub, "", severity.Warning}, {sub, "goroutine", severity.Error},
	} {
		if got := tt.c.Severity("gorecover", tt.category); got != tt.want {
			t.Errorf("Severity(gorecover, %q) in %v = %v, want %v", tt.category, tt.c.Files, got, tt.want)
		}
	}
	var strict bool
	var handler string
	bind := func(fs *flag.FlagSet) {
		fs.BoolVar(&strict, "strict", strict, "")
		fs.StringVar(&handler, "handler", handler, "")
		fs.Bool("tests", false, "")
	}
	if err := sub.SetOptions("gorecover", bind); err != nil || strict || handler != "example.com/crash.Recover" {
		t.Errorf("sub: strict = %v, handler = %q, err %v; want the nearer strict and the farther handler", strict, handler, err)
	}
}

// TestCheck checks that options are parsed by fresh values of the analyzers' flag
// types, leaving the analyzers' own values alone.
func TestCheck(t *testing.T) {
	var n int
	a := &analysis.Analyzer{Name: "unclosed"}
	a.Flags.IntVar(&n, "tests", 7, "")
	for _, tt := range []struct{ file, wantErr string }{
		{"[unclosed]\ntests = 3\n", ""},
		{"[unclosed]\n\ntests = \"x\"\n", `deferlint.toml:3: unclosed.tests: parse error`},
		{"[unclosed]\nnone = 1\n", "deferlint.toml:2: unclosed.none: unknown key: want enabled, severity or an option of unclosed (options: tests)"},
		{"[deferargs]\nnone = 1\n", ""}, // deferargs is not in this suite
	} {
		c, err := Load(tree(t, map[string]string{"go.mod": "module m\n", "deferlint.toml": tt.file}))
		if err != nil {
			t.Fatal(err)
		}
		err = c.Check([]*analysis.Analyzer{a})
		var ce *Error
		switch {
		case tt.wantErr == "" && err != nil, tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr) || !errors.As(err, &ce)):
			t.Errorf("%q: Check error = %v, want %q", tt.file, err, tt.wantErr)
		}
		if n != 7 {
			t.Fatalf("Check set the analyzer's own flag to %d", n)
		}
	}
}

func TestFingerprint(t *testing.T) {
	root := tree(t, map[string]string{
		".git/":                  "",
		"go.mod":                 "module m\n",
		"a/b/deferlint.toml":     "[deferargs]\nenabled = false\n",
		".hidden/deferlint.toml": "",
	})
	before := Fingerprint(filepath.Join(root, "a"))
	if err := os.WriteFile(filepath.Join(root, "a", "b", "deferlint.toml"), []byte("[deferargs]\nenabled = true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if after := Fingerprint(filepath.Join(root, "a")); slices.Equal(before, after) {
		t.Error("editing a configuration file below the working directory's repository leaves the fingerprint unchanged")
	}
}
