package golangci

import (
	"strings"
	"testing"
)

// TestRejectedOptions checks that the real analyzers' options are parsed when the
// plugin is built: a bad value stops golangci-lint with an error naming the analyzer,
// the option and the problem, instead of failing every package later, or never.
func TestRejectedOptions(t *testing.T) {
	for _, tt := range []struct {
		analyzer, option, value, wantErr string
	}{
		{"unclosed", "types", "garbage", `unclosed: option types: "garbage" is not of the form TYPE=ACQUIRER`},
		{"unclosed", "types", "T=example.com/p.Get:Clo se", `release method "Clo se"`},
		{"gorecover", "launchers", "garbage((", `gorecover: option launchers: "garbage((" is not a function name`},
		{"gorecover", "recoverers", "example.com/p.", `gorecover: option recoverers: "example.com/p." is not a function name`},
		{"gorecover", "handler", "Recover", `gorecover: option handler: "Recover" is not importpath.Func`},
	} {
		settings := map[string]any{tt.analyzer: map[string]any{tt.option: tt.value}}
		_, err := New(settings)
		if err == nil || !strings.HasPrefix(err.Error(), "deferlint settings: ") || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("New(%v) error = %v, want one containing %q", settings, err, tt.wantErr)
		}
	}
}
