package knowledge_test

import (
	"testing"

	"github.com/deferlint/deferlint/internal/knowledge"
)

func mustParseFuncs(t *testing.T, s string) knowledge.Funcs {
	t.Helper()
	fs, err := knowledge.ParseFuncs(s)
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

func TestFuncsFlag(t *testing.T) {
	for _, good := range []string{
		"",
		"os.Open",
		"example.com/p.F, example.com/p.T.M,(*example.com/p.T).M,(example.com/p.T).M,",
		"gopkg.in/yaml.v3.Marshal",
	} {
		var f knowledge.FuncsFlag
		if err := f.Set(good); err != nil {
			t.Errorf("Set(%q): %v", good, err)
		}
	}
	for _, bad := range []string{
		"garbage((",
		"garbage",
		"example.com/p.",
		"example.com/p.T.M.X",
		"(*example.com/p.T.M",
		"(*example.com/p.T).",
		"(example.com/p.T.U).M",
		"exa mple.com/p.F",
		"os.Open,nope",
	} {
		var f knowledge.FuncsFlag
		if err := f.Set(bad); err == nil {
			t.Errorf("Set(%q) succeeded, want an error", bad)
		}
	}
}

func TestFuncFlag(t *testing.T) {
	var f knowledge.FuncFlag
	if err := f.Set("example.com/x/v2.Recover"); err != nil || f.Path != "example.com/x/v2" || f.Name != "Recover" {
		t.Errorf("Set(example.com/x/v2.Recover) = %+v, %v", f, err)
	}
	if f.String() != "example.com/x/v2.Recover" {
		t.Errorf("String() = %q", f.String())
	}
	for _, bad := range []string{"Recover", "example.com/x.", "example.com/x", "example.com/x.Re cover", "(*example.com/x.T).M", "exa mple.com/x.F"} {
		if err := f.Set(bad); err == nil {
			t.Errorf("Set(%q) succeeded, want an error", bad)
		}
	}
	if err := f.Set(""); err != nil || f.String() != "" {
		t.Errorf("Set(\"\") = %v, leaves %q", err, f.String())
	}
}
