package main_test

import (
	"archive/tar"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The SARIF 2.1.0 JSON schema (version rtm.5, the one the OASIS standard was approved
// with) ships in this npm package, which the test fetches from the npm registry
// unless DEFERLINT_SARIF_SCHEMA names a copy of the schema already on disk.
const (
	schemaPackage = "@microsoft/jest-sarif@1.0.0-beta.0"
	schemaMember  = "package/lib/schemas/sarif-2.1.0-rtm.5.json"
)

func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	path := os.Getenv("DEFERLINT_SARIF_SCHEMA")
	if path == "" {
		path = fetchSchema(t)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("reading the SARIF schema: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif-schema.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif-schema.json")
	if err != nil {
		t.Fatalf("compiling the SARIF schema: %v", err)
	}
	return schema
}

// fetchSchema downloads the schema's npm package and extracts the schema. Without
// npm or the registry the test is skipped, except in CI, where it must run.
func fetchSchema(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	pack := exec.Command("npm", "pack", "--silent", "--pack-destination", dir, schemaPackage)
	pack.Dir = dir
	out, err := pack.Output()
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("npm pack %s: %v", schemaPackage, err)
		}
		t.Skipf("cannot fetch the SARIF schema with npm (%v); set DEFERLINT_SARIF_SCHEMA to a copy", err)
	}
	archive, err := os.Open(filepath.Join(dir, strings.TrimSpace(string(out))))
	if err != nil {
		t.Fatal(err)
	}
	defer archive.Close()
	gz, err := gzip.NewReader(archive)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			t.Fatalf("%s has no %s", schemaPackage, schemaMember)
		}
		if err != nil {
			t.Fatal(err)
		}
		if hdr.Name == schemaMember {
			data, err := io.ReadAll(tr)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, "sarif-schema-2.1.0.json")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			return path
		}
	}
}

func TestSARIFOutput(t *testing.T) {
	dir := example(t, "example")
	// A repository root above the module: URIs are relative to it.
	if err := os.Mkdir(filepath.Join(filepath.Dir(dir), ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	r := run(t, dir, deferlint, "-format", "sarif", "./...")
	if r.code != 1 {
		t.Fatalf("exit status %d, want 1; stderr:\n%s", r.code, r.stderr)
	}
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(r.stdout))
	if err != nil {
		t.Fatalf("SARIF output is not JSON: %v", err)
	}
	schema := sarifSchema(t)
	if err := schema.Validate(doc); err != nil {
		t.Errorf("SARIF output does not validate against the SARIF 2.1.0 schema: %v", err)
	}
	// A control: the schema does reject a result level SARIF does not define.
	bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(strings.Replace(r.stdout, `"level": "warning"`, `"level": "severe"`, 1)))
	if schema.Validate(bad) == nil {
		t.Error("the schema accepts an invalid level: the validation proves nothing")
	}

	var log struct {
		Version string
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name  string
					Rules []struct {
						ID   string
						Help struct{ Text string }
					}
				}
			}
			Results []struct {
				RuleID    string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
						Region           struct{ StartLine, StartColumn, EndColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatal(err)
	}
	run0 := log.Runs[0]
	var ids []string
	for _, rule := range run0.Tool.Driver.Rules {
		ids = append(ids, rule.ID)
		if !strings.Contains(rule.Help.Text, "Wrong:") {
			t.Errorf("rule %s has no documentation in its help", rule.ID)
		}
	}
	if !slices.Equal(ids, suiteNames()) {
		t.Errorf("rules = %v, want one per analyzer: %v", ids, suiteNames())
	}
	for _, res := range run0.Results {
		loc := res.Locations[0].PhysicalLocation
		if !strings.HasPrefix(loc.ArtifactLocation.URI, "example/") {
			t.Errorf("URI %q is not relative to the repository root", loc.ArtifactLocation.URI)
		}
		// worker/report.go:8 is `defer log.Printf("✓ %d", total)`: total starts at
		// byte column 29, but the check mark is 3 bytes and one UTF-16 unit.
		if loc.ArtifactLocation.URI == "example/worker/report.go" && (loc.Region.StartColumn != 27 || loc.Region.EndColumn != 32) {
			t.Errorf("report.go region = %+v, want UTF-16 columns 27 to 32", loc.Region)
		}
	}
}

// TestRelatedPositions checks that a finding's related positions (ctxcancel's
// leaking returns, named in its one report at the call) reach the JSON output
// and the SARIF output as related locations, and that the SARIF log still
// validates.
func TestRelatedPositions(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod": "module example.com/rel\n\ngo 1.22\n",
		"rel.go": `package rel

import "context"

func work(context.Context) error { return nil }

func Run(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent)
	if err := work(ctx); err != nil {
		return err
	}
	cancel()
	return nil
}
`,
	})
	r := run(t, dir, deferlint, "-format", "json", "./...")
	var out struct {
		Findings []struct {
			Analyzer string
			Posn     struct{ Line int }
			Related  []struct {
				Posn    struct{ Line int }
				Message string
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("JSON output: %v\n%s", err, r.stdout)
	}
	if len(out.Findings) != 1 || out.Findings[0].Posn.Line != 8 || len(out.Findings[0].Related) != 1 ||
		out.Findings[0].Related[0].Posn.Line != 10 || !strings.Contains(out.Findings[0].Related[0].Message, "leaks the context created at line 8") {
		t.Errorf("JSON findings = %+v, want one at line 8 with the return at line 10 related", out.Findings)
	}

	r = run(t, dir, deferlint, "-format", "sarif", "./...")
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(r.stdout))
	if err != nil {
		t.Fatalf("SARIF output is not JSON: %v", err)
	}
	if err := sarifSchema(t).Validate(doc); err != nil {
		t.Errorf("SARIF output does not validate against the SARIF 2.1.0 schema: %v", err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RelatedLocations []struct {
					Message          struct{ Text string }
					PhysicalLocation struct{ Region struct{ StartLine int } }
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatal(err)
	}
	if res := log.Runs[0].Results; len(res) != 1 || len(res[0].RelatedLocations) != 1 ||
		res[0].RelatedLocations[0].PhysicalLocation.Region.StartLine != 10 || res[0].RelatedLocations[0].Message.Text == "" {
		t.Errorf("SARIF results = %+v, want one with the return at line 10 as a related location", res)
	}
}
