// Package toml parses the subset of TOML that deferlint's configuration file uses,
// keeping the line of every key so that a mistake can be named where it is written.
//
// The subset, every file of which is also valid TOML with the same meaning:
//
//	# a comment, alone or after a value
//	[table]                  # a table header; dotted names ([a.b]) name sub-tables
//	key = "basic string"     # with the escapes \" \\ \t \n \r \uXXXX
//	key = 'literal string'   # taken as written
//	key = true               # or false
//	key = 42                 # a decimal integer
//
// Keys are bare (letters, digits, '_' and '-'). Everything else TOML has (arrays,
// inline tables, multi-line strings, dates, floats, quoted or dotted keys) is an
// error that says so, as is a key or table defined twice.
package toml

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A Kind is the type of a value.
type Kind int

const (
	String Kind = iota
	Bool
	Integer
)

// A Value is a parsed value.
type Value struct {
	Kind Kind
	Text string // a String's contents, a Bool's or Integer's spelling
}

// An Entry is one key = value line.
type Entry struct {
	Line  int
	Table []string // the names of the table header above it ([a.b] is a, b); nil above any header
	Key   string
	Value Value
}

// Path returns the entry's table and key joined with dots: "a.b.key".
func (e Entry) Path() string {
	return strings.Join(append(append([]string(nil), e.Table...), e.Key), ".")
}

// An Error is a syntax error at a line.
type Error struct {
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// Parse returns the entries of a document, in order.
func Parse(data []byte) ([]Entry, error) {
	if !utf8.Valid(data) {
		return nil, &Error{Line: 1, Msg: "the file is not UTF-8"}
	}
	p := parser{defined: make(map[string]int)}
	for i, line := range strings.Split(string(data), "\n") {
		if err := p.line(i+1, strings.TrimSuffix(line, "\r")); err != nil {
			return nil, err
		}
	}
	return p.entries, nil
}

type parser struct {
	table   []string
	entries []Entry
	defined map[string]int // dotted paths of tables and keys, by line
}

func (p *parser) line(n int, line string) error {
	rest := strings.TrimLeft(line, " \t")
	switch {
	case rest == "" || rest[0] == '#':
		return nil
	case rest[0] == '[':
		return p.header(n, rest)
	}
	key, value, ok := strings.Cut(rest, "=")
	if !ok {
		return &Error{n, fmt.Sprintf("want key = value or [table], not %q", strings.TrimSpace(rest))}
	}
	key = strings.TrimSpace(key)
	if err := checkKey(key); err != nil {
		return &Error{n, err.Error()}
	}
	v, err := parseValue(strings.TrimSpace(value))
	if err != nil {
		return &Error{n, fmt.Sprintf("%s: %v", key, err)}
	}
	e := Entry{Line: n, Table: p.table, Key: key, Value: v}
	if err := p.define(n, e.Path()); err != nil {
		return err
	}
	p.entries = append(p.entries, e)
	return nil
}

// header reads [name] or [name.name].
func (p *parser) header(n int, rest string) error {
	if strings.HasPrefix(rest, "[[") {
		return &Error{n, "arrays of tables ([[...]]) are not supported"}
	}
	end := strings.IndexByte(rest, ']')
	if end < 0 {
		return &Error{n, "a table header must end with ]"}
	}
	if tail := strings.TrimSpace(rest[end+1:]); tail != "" && tail[0] != '#' {
		return &Error{n, fmt.Sprintf("unexpected %q after the table header", tail)}
	}
	var names []string
	for name := range strings.SplitSeq(rest[1:end], ".") {
		name = strings.TrimSpace(name)
		if err := checkKey(name); err != nil {
			return &Error{n, "table " + err.Error()}
		}
		names = append(names, name)
	}
	p.table = names
	return p.define(n, strings.Join(names, "."))
}

func (p *parser) define(n int, path string) error {
	if first, ok := p.defined[path]; ok {
		return &Error{n, fmt.Sprintf("%s is defined twice (first at line %d)", path, first)}
	}
	p.defined[path] = n
	return nil
}

func checkKey(key string) error {
	if key == "" {
		return fmt.Errorf("name missing")
	}
	for _, r := range key {
		if !(r == '_' || r == '-' || '0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') {
			return fmt.Errorf("name %q: only bare names (letters, digits, _ and -) are supported", key)
		}
	}
	return nil
}

// parseValue parses a value and what may follow it on its line (a comment).
func parseValue(s string) (Value, error) {
	v, rest, err := scalar(s)
	if err != nil {
		return Value{}, err
	}
	if rest = strings.TrimSpace(rest); rest != "" && rest[0] != '#' {
		return Value{}, fmt.Errorf("unexpected %q after the value", rest)
	}
	return v, nil
}

func scalar(s string) (v Value, rest string, err error) {
	switch {
	case s == "":
		return Value{}, "", fmt.Errorf("value missing")
	case s[0] == '[':
		return Value{}, "", fmt.Errorf("arrays are not supported: write a list as one string, \"a,b\"")
	case s[0] == '"' || s[0] == '\'':
		text, rest, err := quoted(s)
		return Value{Kind: String, Text: text}, rest, err
	}
	word, rest := s, ""
	if i := strings.IndexAny(s, " \t#"); i >= 0 {
		word, rest = s[:i], s[i:]
	}
	switch {
	case word == "true" || word == "false":
		return Value{Kind: Bool, Text: word}, rest, nil
	case isInteger(word):
		return Value{Kind: Integer, Text: strings.TrimPrefix(word, "+")}, rest, nil
	}
	return Value{}, "", fmt.Errorf("%q is not a supported value (a quoted string, true, false or an integer)", word)
}

// isInteger reports whether s is a decimal integer as TOML writes one: an optional
// sign, and no leading zero.
func isInteger(s string) bool {
	if _, err := strconv.ParseInt(s, 10, 64); err != nil {
		return false
	}
	digits := strings.TrimLeft(s, "+-")
	return digits == "0" || !strings.HasPrefix(digits, "0")
}

// quoted reads a basic ("...") or literal ('...') string at the start of s.
func quoted(s string) (text, rest string, err error) {
	if strings.HasPrefix(s, `"""`) || strings.HasPrefix(s, "'''") {
		return "", "", fmt.Errorf("multi-line strings are not supported")
	}
	if s[0] == '\'' {
		end := strings.IndexByte(s[1:], '\'')
		if end < 0 {
			return "", "", fmt.Errorf("unterminated string")
		}
		return s[1 : 1+end], s[2+end:], nil
	}
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch c := s[i]; c {
		case '"':
			return b.String(), s[i+1:], nil
		case '\\':
			if i+1 == len(s) {
				return "", "", fmt.Errorf("unterminated string")
			}
			n, err := escape(s[i+1:], &b)
			if err != nil {
				return "", "", err
			}
			i += n
		default:
			b.WriteByte(c)
		}
	}
	return "", "", fmt.Errorf("unterminated string")
}

// escape writes the character escaped at the start of s (after the backslash) and
// returns the number of bytes it took.
func escape(s string, b *strings.Builder) (int, error) {
	simple := map[byte]string{'"': `"`, '\\': `\`, 't': "\t", 'n': "\n", 'r': "\r", 'b': "\b", 'f': "\f"}
	if r, ok := simple[s[0]]; ok {
		b.WriteString(r)
		return 1, nil
	}
	if s[0] == 'u' && len(s) >= 5 {
		if code, err := strconv.ParseUint(s[1:5], 16, 32); err == nil && utf8.ValidRune(rune(code)) {
			b.WriteRune(rune(code))
			return 5, nil
		}
	}
	return 0, fmt.Errorf("invalid escape \\%c in a string", s[0])
}
