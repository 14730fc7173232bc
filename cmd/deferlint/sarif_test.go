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
