package golangci

import (
	"errors"
	"flag"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/deferlint/deferlint/analyzers"
	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
)

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("deferlint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
	got, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(names(got), names(analyzers.All())) {
		t.Errorf("BuildAnalyzers() = %v, want the whole suite %v", names(got), names(analyzers.All()))
	}
}

// TestNew drives New with settings shaped as golangci-lint's configuration loader
// hands them over (maps with string keys, []any lists), using the real suite.
func TestNew(t *testing.T) {
	all := names(analyzers.All())
	first, last := all[0], all[len(all)-1]
	tests := []struct {
		name     string
		settings any
		want     []string // analyzer names, or nil with wantErr
		wantErr  string   // a fragment of the error
	}{
		{name: "no settings", settings: nil, want: all},
		{name: "empty map", settings: map[string]any{}, want: all},
		{name: "empty lists", settings: map[string]any{"enable": []any{}, "disable": nil}, want: all},
		{name: "enable", settings: map[string]any{"enable": []any{last, first}}, want: []string{first, last}},
		{name: "disable", settings: map[string]any{"disable": []any{first}}, want: all[1:]},
		{name: "enable and disable", settings: map[string]any{"enable": []any{first, last}, "disable": []any{last}}, want: []string{first}},
		{name: "analyzer with no options", settings: map[string]any{first: map[string]any{}}, want: all},
		{name: "unknown key", settings: map[string]any{"enabled": []any{first}}, wantErr: `unknown key "enabled"`},
		{name: "unknown analyzer", settings: map[string]any{"disable": []any{"nosuch"}}, wantErr: `disable: unknown analyzer "nosuch"`},
		{name: "enable not a list", settings: map[string]any{"enable": first}, wantErr: "enable: want a list of analyzer names"},
		{name: "nothing left", settings: map[string]any{"enable": []any{first}, "disable": []any{first}}, wantErr: "leave no analyzer"},
		{name: "not a map", settings: []any{"x"}, wantErr: "must be a map"},
		{name: "options not a map", settings: map[string]any{first: "x"}, wantErr: first + ": want a map"},
		{name: "unknown option", settings: map[string]any{first: map[string]any{"nosuch": true}}, wantErr: first + `: unknown option "nosuch"`},
		{name: "unencodable", settings: map[string]any{"enable": func() {}}, wantErr: "cannot read the settings"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := New(tt.settings)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.HasPrefix(err.Error(), "deferlint settings: ") {
					t.Fatalf("New() error = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got, _ := p.BuildAnalyzers()
			if !slices.Equal(names(got), tt.want) {
				t.Errorf("analyzers = %v, want %v", names(got), tt.want)
			}
		})
	}
}

// fakeAnalyzer has one option of each common kind, like analyzers' flags.
func fakeAnalyzer() (*analysis.Analyzer, *bool, *string, *time.Duration) {
	a := &analysis.Analyzer{Name: "fake", Doc: "fake: test", Run: func(*analysis.Pass) (any, error) { return nil, nil }}
	tests := a.Flags.Bool("tests", false, "")
	types := a.Flags.String("types", "", "")
	wait := a.Flags.Duration("maxWait", time.Second, "")
	a.Flags.Func("strict", "", func(s string) error {
		if s != "yes" {
			return errors.New(`want "yes"`)
		}
		return nil
	})
	return a, tests, types, wait
}

func TestOptions(t *testing.T) {
	a, tests, types, wait := fakeAnalyzer()
	suite := []*analysis.Analyzer{a}
	// golangci-lint lower-cases keys: maxwait must find maxWait.
	raw := map[string]any{"fake": map[string]any{"tests": true, "types": "a.T=Open:Close", "maxwait": "2s", "strict": "yes"}}
	s, err := decode(raw, names(suite))
	if err != nil {
		t.Fatal(err)
	}
	if err := setOptions(suite, s.options); err != nil {
		t.Fatal(err)
	}
	if !*tests || *types != "a.T=Open:Close" || *wait != 2*time.Second {
		t.Errorf("options not set: tests=%v types=%q maxWait=%v", *tests, *types, *wait)
	}
}

func TestOptionValues(t *testing.T) {
	s, err := decode(map[string]any{"fake": map[string]any{"n": 3, "f": 1.5, "b": false, "s": "x"}}, []string{"fake"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"n": "3", "f": "1.5", "b": "false", "s": "x"}
	for k, v := range want {
		if s.options["fake"][k] != v {
			t.Errorf("option %s = %q, want %q", k, s.options["fake"][k], v)
		}
	}
	for _, bad := range []any{[]any{"a"}, map[string]any{"a": 1}, nil} {
		_, err := decode(map[string]any{"fake": map[string]any{"opt": bad}}, []string{"fake"})
		if err == nil || !strings.Contains(err.Error(), `option "opt": want a string, a number or a boolean`) {
			t.Errorf("value %#v: error = %v", bad, err)
		}
	}
}

func TestOptionErrors(t *testing.T) {
	a, _, _, _ := fakeAnalyzer()
	suite := []*analysis.Analyzer{a}
	for _, tt := range []struct {
		opts    map[string]string
		wantErr string
	}{
		{map[string]string{"nosuch": "1"}, `fake: unknown option "nosuch" (options: maxWait, strict, tests, types)`},
		{map[string]string{"tests": "maybe"}, "fake: option tests: parse error"},
		{map[string]string{"strict": "no"}, `fake: option strict: want "yes"`},
	} {
		err := setOptions(suite, map[string]map[string]string{"fake": tt.opts})
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("setOptions(%v) error = %v, want one containing %q", tt.opts, err, tt.wantErr)
		}
	}
	var empty flag.FlagSet
	if got := describeFlags(&empty); got != "the analyzer has no options" {
		t.Errorf("describeFlags(empty) = %q", got)
	}
}
