package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestReadModules(t *testing.T) {
	list := filepath.Join(t.TempDir(), "modules.txt")
	data := "# comment\n\ngithub.com/jackc/pgx/v5@v5.12.0   note # more\ngo.etcd.io/bbolt@v1.5.0\n"
	if err := os.WriteFile(list, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	mods, err := readModules(list, "")
	if err != nil {
		t.Fatal(err)
	}
	want := []module{{"github.com/jackc/pgx/v5", "v5.12.0"}, {"go.etcd.io/bbolt", "v1.5.0"}}
	if !slices.Equal(mods, want) {
		t.Errorf("readModules = %v, want %v", mods, want)
	}
	if mods, _ := readModules(list, "bolt, nothing"); len(mods) != 1 || mods[0].Path != "go.etcd.io/bbolt" {
		t.Errorf("filter bolt: got %v", mods)
	}
	if _, err := readModules(list, "nothing"); err == nil {
		t.Error("a filter that matches nothing is not an error")
	}
	if err := os.WriteFile(list, []byte("github.com/a/b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readModules(list, ""); err == nil {
		t.Error("a line without a version is not an error")
	}
}

// TestModulesTxt checks the real list: it parses, and no module appears twice.
func TestModulesTxt(t *testing.T) {
	mods, err := readModules("../../modules.txt", "")
	if err != nil {
		t.Fatal(err)
	}
	seen := make(map[string]bool)
	for _, m := range mods {
		if seen[m.Path] {
			t.Errorf("%s is listed twice", m.Path)
		}
		seen[m.Path] = true
	}
}

func TestShort(t *testing.T) {
	for path, want := range map[string]string{
		"github.com/jackc/pgx/v5":             "pgx",
		"go.etcd.io/bbolt":                    "bbolt",
		"github.com/caddyserver/caddy/v2":     "caddy",
		"github.com/prometheus/client_golang": "client_golang",
		"gopkg.in/yaml.v3":                    "yaml.v3",
	} {
		if got := (module{Path: path}).Short(); got != want {
			t.Errorf("Short(%s) = %q, want %q", path, got, want)
		}
	}
}

func TestParsers(t *testing.T) {
	vet := "# example.com/m\n./a.go:3:4: lost cancel\n# example.com/m [example.com/m.test]\n./a.go:3:4: lost cancel\nsub/b.go:1:2: x: y\n"
	if got, _ := parseVet(nil, []byte(vet)); !slices.Equal(got, []string{"vet a.go:3:4: lost cancel", "vet sub/b.go:1:2: x: y"}) {
		t.Errorf("parseVet = %q", got)
	}
	sc := `{"code":"compile","location":{"file":"/m/a.go","line":1,"column":1},"message":"broken"}
{"code":"SA5001","severity":"error","location":{"file":"/m/a.go","line":11,"column":2},"message":"check the error first"}
`
	if got, err := parseStaticcheck([]byte(sc), nil); err != nil || !slices.Equal(got, []string{"SA5001 /m/a.go:11:2: check the error first"}) {
		t.Errorf("parseStaticcheck = %q, %v", got, err)
	}
	gcl := `{"Issues":[{"FromLinter":"bodyclose","Text":"response body must be closed","Pos":{"Filename":"/m/a.go","Line":5,"Column":6}}],"Report":{}}`
	if got, err := parseGolangci([]byte(gcl), nil); err != nil || !slices.Equal(got, []string{"bodyclose /m/a.go:5:6: response body must be closed"}) {
		t.Errorf("parseGolangci = %q, %v", got, err)
	}
	dl := `{"version":1,"findings":[{"analyzer":"unclosed","posn":{"file":"a.go","line":7,"column":2,"offset":90},"message":"f is not closed"}]}`
	if got, err := parseDeferlintLines([]byte(dl), nil); err != nil || !slices.Equal(got, []string{"unclosed a.go:7:2: f is not closed"}) {
		t.Errorf("parseDeferlintLines = %q, %v", got, err)
	}
	if _, err := parseDeferlintLines([]byte("deferlint: no packages"), nil); err == nil {
		t.Error("parseDeferlintLines accepted output that is not JSON")
	}
}

func TestReadTime(t *testing.T) {
	file := filepath.Join(t.TempDir(), "time")
	if err := os.WriteFile(file, []byte("Command exited with non-zero status 1\n12.50 3.25 0.75 204800\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var ms measurement
	if err := readTime(file, &ms); err != nil {
		t.Fatal(err)
	}
	if ms.Wall != 12.5 || ms.CPU != 4 || ms.PeakKB != 204800 {
		t.Errorf("readTime = %+v", ms)
	}
}

func TestDiffRuns(t *testing.T) {
	dir := t.TempDir()
	oldRun, newRun := filepath.Join(dir, "old"), filepath.Join(dir, "new.txt")
	if err := os.Mkdir(oldRun, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := writeLines(filepath.Join(oldRun, findingsFile), []string{"m@v1 a x.go:1:1: kept", "m@v1 b x.go:2:1: gone"}); err != nil {
		t.Fatal(err)
	}
	if err := writeLines(newRun, []string{"m@v1 a x.go:1:1: kept", "m@v1 a x.go:3:1: new"}); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := diffRuns(&out, oldRun, newRun); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"- m@v1 b x.go:2:1: gone\n", "+ m@v1 a x.go:3:1: new\n", "2 findings before, 2 after", "a  ", "-0 +1", "-1 +0"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("diff output lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "kept") {
		t.Errorf("diff output shows an unchanged finding:\n%s", out.String())
	}
}

func TestMedian(t *testing.T) {
	all := []measurement{
		{Module: "m", Tool: "t", Wall: 3, CPU: 1, PeakKB: 10},
		{Module: "m", Tool: "t", Wall: 1, CPU: 5, PeakKB: 30},
		{Module: "m", Tool: "t", Wall: 2, CPU: 3, PeakKB: 20},
		{Module: "m", Tool: "u", Wall: 9, Err: "failed"},
	}
	if med, ok := median(all, "m", "t"); !ok || med.Wall != 2 || med.CPU != 3 || med.PeakKB != 20 {
		t.Errorf("median = %+v, %v", med, ok)
	}
	if _, ok := median(all, "m", "u"); ok {
		t.Error("a failed run counts as complete")
	}
	if _, ok := median(all, "m", "v"); ok {
		t.Error("a missing run counts as complete")
	}
}
