package toml

import (
	"reflect"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	doc := `# deferlint.toml
top = 1

[gorecover]   # a comment
strict = true
handler = "example.com/crash.Recover"  # another
launchers = "a.B,c/d.E"
quoted = "tab\there \"q\" \u00e9"
literal = 'C:\path'

[gorecover.goroutine]
severity = "error"
n = -7
`
	entries, err := Parse([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Path())
	}
	want := []string{"top", "gorecover.strict", "gorecover.handler", "gorecover.launchers", "gorecover.quoted", "gorecover.literal", "gorecover.goroutine.severity", "gorecover.goroutine.n"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("paths = %v, want %v", got, want)
	}
	check := func(i int, line int, v Value) {
		t.Helper()
		if entries[i].Line != line || !reflect.DeepEqual(entries[i].Value, v) {
			t.Errorf("entry %s = line %d %+v, want line %d %+v", entries[i].Path(), entries[i].Line, entries[i].Value, line, v)
		}
	}
	check(0, 2, Value{Kind: Integer, Text: "1"})
	check(1, 5, Value{Kind: Bool, Text: "true"})
	check(2, 6, Value{Kind: String, Text: "example.com/crash.Recover"})
	check(3, 7, Value{Kind: String, Text: "a.B,c/d.E"})
	check(4, 8, Value{Kind: String, Text: "tab\there \"q\" é"})
	check(5, 9, Value{Kind: String, Text: `C:\path`})
	check(7, 13, Value{Kind: Integer, Text: "-7"})
}

func TestErrors(t *testing.T) {
	for _, tt := range []struct{ doc, want string }{
		{"a = 1\na = 2", "line 2: a is defined twice (first at line 1)"},
		{"[t]\n[t]", "line 2: t is defined twice"},
		{"x", `line 1: want key = value or [table], not "x"`},
		{"a = yes", `line 1: a: "yes" is not a supported value`},
		{"a = 1.5", `"1.5" is not a supported value`},
		{"a = 007", `"007" is not a supported value`},
		{`a = "open`, "a: unterminated string"},
		{`a = "\q"`, `invalid escape \q`},
		{`a = ["x", "y"]`, `arrays are not supported: write a list as one string, "a,b"`},
		{"a = true false", `unexpected "false" after the value`},
		{"a.b = 1", `name "a.b": only bare names`},
		{`"a" = 1`, "only bare names"},
		{"[[t]]", "arrays of tables"},
		{"[t", "must end with ]"},
		{"[t] x", `unexpected "x" after the table header`},
		{"a = '''x'''", "multi-line strings"},
		{"a =", "a: value missing"},
		{"a = {b = 1}", `"{b" is not a supported value`},
		{"\xff", "not UTF-8"},
	} {
		_, err := Parse([]byte(tt.doc))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) error = %v, want one containing %q", tt.doc, err, tt.want)
		}
	}
}
