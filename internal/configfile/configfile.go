// Package configfile reads deferlint's configuration files, deferlint.toml, through
// an analyzer, so that every go/analysis driver (deferlint, go vet -vettool,
// golangci-lint, nogo) honours them the same way.
//
// A file applies to the packages of its directory and of the directories below it.
// The files that apply to a package are those of its directory and of each parent
// up to the repository root (the nearest directory holding .git) or, outside a
// repository, up to the module root (the nearest holding go.mod). They combine key
// by key: a nearer file's key overrides the same key of a farther file, and keys a
// nearer file does not set keep the farther file's values.
//
// Every key lives in an analyzer's table:
//
//	[gorecover]
//	enabled = false            # report nothing in these directories
//	severity = "warning"       # grade every gorecover finding (error or warning)
//	strict = true              # the option -gorecover.strict, for these directories
//	launchers = "example.com/pool.Go,example.com/pool.Submit"
//
//	[gorecover.goroutine]      # the findings of one category (see package severity)
//	severity = "error"
//
// An option's value is the text its command-line flag takes, parsed by the same
// flag.Value, so it is checked the same way. A file's option overrides the command
// line's value for its directories: the command line (or golangci-lint's settings)
// sets the defaults of the whole run, and the files refine them where they stand.
// The command line's -enable and -disable choose the analyzers that run at all; a
// file can turn an analyzer off (enabled = false) where it is on, or back on below.
//
// An analyzer's options for a package flow through the pass (SetOptions fills a
// fresh flag set bound to the analyzer's own copy of its options), never through
// the flag variables the command line sets.
package configfile

import (
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"github.com/deferlint/deferlint/internal/severity"
	"github.com/deferlint/deferlint/internal/suppress"
	"github.com/deferlint/deferlint/internal/toml"
	"golang.org/x/tools/go/analysis"
)

// FileName is the name of a configuration file.
const FileName = "deferlint.toml"

// Reserved keys of an analyzer's table; no analyzer may have an option so named.
const (
	keyEnabled  = "enabled"
	keySeverity = "severity"
)

// Analyzer finds and reads the configuration files that apply to a package. It
// never fails: a mistake in a file is handed on in its result, and each analyzer
// returns it as its own error (see Of), because drivers show the errors of the
// analyzers a user asked for, not of their prerequisites.
var Analyzer = &analysis.Analyzer{
	Name:             "deferlintconfig",
	Doc:              "read the " + FileName + " files that apply to a package",
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeFor[*result](),
}

type result struct {
	config *Config
	err    error
}

func run(pass *analysis.Pass) (any, error) {
	c, err := Load(Dir(pass.Fset, pass.Files))
	return &result{config: c, err: err}, nil
}

// Of returns the configuration of pass's package, or the mistake in one of its files.
// pass's analyzer must require Analyzer (package report's Requires lists it).
func Of(pass *analysis.Pass) (*Config, error) {
	r, ok := pass.ResultOf[Analyzer].(*result)
	if !ok {
		return empty(), nil
	}
	return r.config, r.err
}

// Apply sets the options that the package's configuration gives pass's analyzer
// into the flag set that bind fills (see Config.SetOptions; bind is nil for an
// analyzer without options), and reports whether the analyzer is on in the package.
// The error is the first mistake in the package's configuration files.
func Apply(pass *analysis.Pass, bind func(*flag.FlagSet)) (enabled bool, err error) {
	c, err := Of(pass)
	if err != nil {
		return false, err
	}
	if err := c.SetOptions(pass.Analyzer.Name, bind); err != nil {
		return false, err
	}
	return c.Enabled(pass.Analyzer.Name), nil
}

// Dir returns the directory of the package made of files: that of its first source
// file as written (a file cgo generates names its source in a //line directive above
// its package clause), or "" when no file has an absolute name.
func Dir(fset *token.FileSet, files []*ast.File) string {
	for _, f := range files {
		name := fset.Position(f.Package).Filename
		if filepath.IsAbs(name) && !strings.HasPrefix(filepath.Base(name), "_cgo_") {
			return filepath.Dir(name)
		}
	}
	return ""
}

// An Error is a mistake in a configuration file, at a line, about a key.
type Error struct {
	File string
	Line int
	Key  string // analyzer.key, or "" for a syntax error
	Err  error
}

func (e *Error) Error() string {
	if e.Key == "" {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s:%d: %s: %v", e.File, e.Line, e.Key, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// A Config is the combined configuration of one directory.
type Config struct {
	Files    []string           // the files read, farthest first
	settings map[string]setting // by path (analyzer.key, analyzer.category.key); nearer files win
	grades   *severity.Table
}

// setting is one key's value and where it was written.
type setting struct {
	file  string
	entry toml.Entry
}

func (s setting) errorf(format string, args ...any) *Error {
	return &Error{File: s.file, Line: s.entry.Line, Key: s.entry.Path(), Err: fmt.Errorf(format, args...)}
}

func empty() *Config {
	return &Config{settings: make(map[string]setting), grades: severity.Default()}
}

// Load returns the configuration of the packages in dir (an absolute directory, or
// "" for none: no files apply), or the first mistake in its files.
func Load(dir string) (*Config, error) {
	c := empty()
	if dir != "" {
		c.Files = find(dir)
	}
	for _, file := range c.Files {
		if err := c.read(file); err != nil {
			return nil, err
		}
	}
	c.grade()
	return c, nil
}

// find returns the configuration files that apply to dir, farthest first.
func find(dir string) []string {
	var files []string // nearest first
	moduleRoot := -1   // len(files) at the nearest directory holding go.mod
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if name := filepath.Join(d, FileName); exists(name) {
			files = append(files, name)
		}
		if moduleRoot < 0 && exists(filepath.Join(d, "go.mod")) {
			moduleRoot = len(files)
		}
		if exists(filepath.Join(d, ".git")) {
			break // the repository root
		}
		if filepath.Dir(d) == d {
			if moduleRoot >= 0 {
				files = files[:moduleRoot] // outside a repository: not above the module
			}
			break
		}
	}
	slices.Reverse(files)
	return files
}

func exists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// read adds a file's keys to c, over those of farther files, checking each key.
func (c *Config) read(file string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return &Error{File: file, Line: 1, Err: err}
	}
	entries, err := toml.Parse(data)
	if err != nil {
		var syntax *toml.Error
		if errors.As(err, &syntax) {
			return &Error{File: file, Line: syntax.Line, Err: errors.New(syntax.Msg)}
		}
		return &Error{File: file, Line: 1, Err: err}
	}
	for _, e := range entries {
		s := setting{file: file, entry: e}
		if err := check(s); err != nil {
			return err
		}
		c.settings[e.Path()] = s
	}
	return nil
}

// check checks what can be known of a key without the analyzer's flags: its table
// names an analyzer (and a category of it), and enabled and severity have values
// of their kind. Options are checked by SetOptions and Check.
func check(s setting) *Error {
	e := s.entry
	switch {
	case len(e.Table) == 0:
		return s.errorf("keys belong in an analyzer's table: write [NAME] above it (deferlint -list shows the names)")
	case !slices.Contains(suppress.KnownAnalyzers, e.Table[0]):
		return s.errorf("unknown analyzer %q (deferlint -list shows them)", e.Table[0])
	case len(e.Table) > 2:
		return s.errorf("too many names in the table header: [ANALYZER] or [ANALYZER.CATEGORY]")
	case len(e.Table) == 2 && !slices.Contains(categories(e.Table[0]), e.Table[1]):
		return s.errorf("%s has no category %q graded apart (%s)", e.Table[0], e.Table[1], describe(categories(e.Table[0]), "categories"))
	case len(e.Table) == 2 && e.Key != keySeverity:
		return s.errorf("a category's table holds only severity")
	case e.Key == keyEnabled && e.Value.Kind != toml.Bool:
		return s.errorf("want true or false")
	case e.Key == keySeverity:
		if _, err := severity.Parse(e.Value.Text); err != nil || e.Value.Kind != toml.String {
			return s.errorf("want \"error\" or \"warning\"")
		}
	}
	return nil
}

// categories returns the categories of an analyzer's findings that have grades of
// their own.
func categories(analyzer string) []string {
	var cats []string
	for _, k := range severity.Default().Keys() {
		if k.Analyzer == analyzer && k.Category != "" {
			cats = append(cats, k.Category)
		}
	}
	return cats
}

// grade applies the files' severities to the default table: an analyzer's
// severity to all its findings, then each category's own.
func (c *Config) grade() {
	keys := c.grades.Keys()
	for _, k := range keys {
		if s, ok := c.settings[k.Analyzer+"."+keySeverity]; ok {
			c.grades.Set(k, mustLevel(s))
		}
	}
	for _, k := range keys {
		if s, ok := c.settings[k.Analyzer+"."+k.Category+"."+keySeverity]; ok && k.Category != "" {
			c.grades.Set(k, mustLevel(s))
		}
	}
}

// mustLevel returns a severity that check accepted.
func mustLevel(s setting) severity.Level {
	l, _ := severity.Parse(s.entry.Value.Text)
	return l
}

// Enabled reports whether analyzer's findings are reported in the directory.
func (c *Config) Enabled(analyzer string) bool {
	s, ok := c.settings[analyzer+"."+keyEnabled]
	return !ok || s.entry.Value.Text == "true"
}

// Severity returns the grade of a finding of analyzer with the given diagnostic
// category in the directory.
func (c *Config) Severity(analyzer, category string) severity.Level {
	return c.grades.Of(analyzer, category)
}

// SetOptions sets analyzer's options from the configuration into a new flag set
// that bind fills with the analyzer's option variables (a copy of the command
// line's values, registered with those values as defaults). It returns an Error
// naming the file, line and key of an unknown option or a value its flag rejects.
func (c *Config) SetOptions(analyzer string, bind func(*flag.FlagSet)) error {
	fs := flag.NewFlagSet(analyzer, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if bind != nil {
		bind(fs)
	}
	for _, s := range c.options(analyzer) {
		name := s.entry.Key
		if fs.Lookup(name) == nil {
			return s.errorf("unknown key: want %s, %s or an option of %s (%s)", keyEnabled, keySeverity, analyzer, describe(flagNames(fs), "options"))
		}
		if err := fs.Set(name, s.entry.Value.Text); err != nil {
			return s.errorf("%v", err)
		}
	}
	return nil
}

// Option returns the text the configuration gives analyzer's option key, for a
// pass that needs one option of another analyzer (the ownership facts pass reads
// unclosed.types), where SetOptions would want every option bound.
func (c *Config) Option(analyzer, key string) (string, bool) {
	s, ok := c.settings[analyzer+"."+key]
	return s.entry.Value.Text, ok
}

// options returns the settings of analyzer's options, sorted by key.
func (c *Config) options(analyzer string) []setting {
	var opts []setting
	for _, s := range c.settings {
		e := s.entry
		if len(e.Table) == 1 && e.Table[0] == analyzer && e.Key != keyEnabled && e.Key != keySeverity {
			opts = append(opts, s)
		}
	}
	slices.SortFunc(opts, func(a, b setting) int { return strings.Compare(a.entry.Key, b.entry.Key) })
	return opts
}

// Check checks every option the configuration gives the analyzers of suite, each
// parsed by a fresh value of its flag's type, so that a driver can refuse a
// mistake before any analysis, whether or not the analyzer runs.
func (c *Config) Check(suite []*analysis.Analyzer) error {
	for _, a := range suite {
		err := c.SetOptions(a.Name, func(fs *flag.FlagSet) {
			a.Flags.VisitAll(func(f *flag.Flag) {
				if v, ok := fresh(f.Value); ok {
					fs.Var(v, f.Name, f.Usage)
				}
			})
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// fresh returns a zero value of v's type, which Set fills as it would fill v. Only
// values that point to data qualify (not flag.Func's).
func fresh(v flag.Value) (flag.Value, bool) {
	t := reflect.TypeOf(v)
	if t.Kind() != reflect.Pointer || t.Elem().Kind() == reflect.Func {
		return nil, false
	}
	nv, ok := reflect.New(t.Elem()).Interface().(flag.Value)
	return nv, ok
}

func flagNames(fs *flag.FlagSet) []string {
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	return names
}

func describe(names []string, what string) string {
	if len(names) == 0 {
		return "it has no " + what
	}
	return what + ": " + strings.Join(names, ", ")
}

// Fingerprint returns a hash of every configuration file that can apply to the
// packages around dir: those in the tree of its repository root (or, outside a
// repository, of its module root), with their names and contents. A driver that
// caches results by a package's Go files (go vet) must key them with it too.
// Directories the go command ignores (names starting with . or _) are skipped.
func Fingerprint(dir string) []byte {
	h := sha256.New()
	root := treeRoot(filepath.Clean(dir))
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil // unreadable: nothing of it applies
		case d.IsDir() && path != root && (strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_")):
			return filepath.SkipDir
		case d.Name() == FileName && !d.IsDir():
			data, _ := os.ReadFile(path)
			fmt.Fprintf(h, "%s %d\n", path, len(data))
			h.Write(data)
		}
		return nil
	})
	return h.Sum(nil)
}

// treeRoot returns the repository root above dir (the nearest directory holding
// .git), else the module root, else dir.
func treeRoot(dir string) string {
	moduleRoot := ""
	for d := dir; ; d = filepath.Dir(d) {
		if exists(filepath.Join(d, ".git")) {
			return d
		}
		if moduleRoot == "" && exists(filepath.Join(d, "go.mod")) {
			moduleRoot = d
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	if moduleRoot != "" {
		return moduleRoot
	}
	return dir
}
