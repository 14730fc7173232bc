// Package golangci makes deferlint a golangci-lint v2 module plugin.
//
// Importing the package registers the linter "deferlint" with
// github.com/golangci/plugin-module-register: the whole suite (analyzers.All) as one
// linter that needs type information. golangci-lint reports each finding as
// "NAME: message" under the linter deferlint, so both //nolint:deferlint and
// //deferlint:ignore NAME reason silence it.
//
// # Settings
//
// The settings under linters.settings.custom.deferlint.settings mirror the command
// line of cmd/deferlint:
//
//	settings:
//	  enable: [deferargs, unclosed]   # analyzers to run (default: all)
//	  disable: [directives]           # analyzers not to run
//	  unclosed:                       # an analyzer's options, under its name:
//	    types: "..."                  # the same as -unclosed.types=...
//
// Every key is checked: a key that is neither enable, disable nor an analyzer's name,
// an unknown analyzer in enable or disable, an option an analyzer does not have, or a
// value its flag rejects is an error that names it, and golangci-lint stops with it.
// Option values may be strings, numbers or booleans; they are set exactly as the
// matching command-line flag would be. golangci-lint lower-cases configuration keys,
// so option names are matched without regard to case.
//
// # Configuration files and severity
//
// The analyzers read deferlint.toml files (package configfile) as under every
// driver: a file's options override these settings in its directories. golangci-lint
// takes no severity from linters, so a finding that the configuration grades warning
// reads "NAME: warning: message"; a severity rule in .golangci.yml matching that
// text makes it a warning in golangci-lint's outputs (see .golangci.example.yml).
package golangci

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/deferlint/deferlint/analyzers"
	"github.com/deferlint/deferlint/internal/configfile"
	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
)

// Name is the linter's name in golangci-lint's configuration and in //nolint comments.
const Name = "deferlint"

func init() {
	register.Plugin(Name, New)
}

// New builds the plugin from golangci-lint's raw settings (nil when there are none).
// It applies the analyzers' options at once, so that a mistake in the configuration
// stops golangci-lint before it loads any package.
func New(settings any) (register.LinterPlugin, error) {
	suite := analyzers.All()
	s, err := decode(settings, names(suite))
	if err != nil {
		return nil, fmt.Errorf("%s settings: %w", Name, err)
	}
	enabled, err := selectAnalyzers(suite, s.enable, s.disable)
	if err != nil {
		return nil, fmt.Errorf("%s settings: %w", Name, err)
	}
	if err := setOptions(suite, s.options); err != nil {
		return nil, fmt.Errorf("%s settings: %w", Name, err)
	}
	return &plugin{analyzers: configfile.LabelWarnings(enabled)}, nil
}

type plugin struct {
	analyzers []*analysis.Analyzer
}

func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) { return p.analyzers, nil }

// GetLoadMode asks for type information: every analyzer needs it.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// settings is the decoded configuration.
type settings struct {
	enable, disable []string
	options         map[string]map[string]string // analyzer -> option -> value, as flag text
}

// decode reads golangci-lint's raw settings strictly. They arrive as whatever the
// configuration loader produced (maps, slices, scalars); a round trip through JSON
// gives them one shape whatever the loader and whatever the configuration format.
func decode(raw any, known []string) (*settings, error) {
	s := &settings{options: make(map[string]map[string]string)}
	if raw == nil {
		return s, nil
	}
	data, err := json.Marshal(raw)
	if err != nil {
		return nil, fmt.Errorf("cannot read the settings: %w", err)
	}
	var top map[string]json.RawMessage
	if err := strictUnmarshal(data, &top); err != nil {
		return nil, errors.New("the settings must be a map with the keys enable, disable and analyzer names")
	}
	for _, key := range sortedKeys(top) {
		value := top[key]
		switch {
		case key == "enable" || key == "disable":
			list, err := decodeNames(value)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", key, err)
			}
			if key == "enable" {
				s.enable = list
			} else {
				s.disable = list
			}
		case slices.Contains(known, key):
			opts, err := decodeOptions(value)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", key, err)
			}
			s.options[key] = opts
		default:
			return nil, fmt.Errorf("unknown key %q: want enable, disable or an analyzer's name (%s)", key, strings.Join(known, ", "))
		}
	}
	return s, nil
}

// decodeNames reads a list of analyzer names; null is an empty list.
func decodeNames(data json.RawMessage) ([]string, error) {
	var list []string
	if err := strictUnmarshal(data, &list); err != nil {
		return nil, errors.New("want a list of analyzer names")
	}
	return list, nil
}

// decodeOptions reads one analyzer's options, turning each value into the text its
// flag parses: strings as they are, numbers and booleans as written.
func decodeOptions(data json.RawMessage) (map[string]string, error) {
	var raw map[string]json.RawMessage
	if err := strictUnmarshal(data, &raw); err != nil {
		return nil, errors.New("want a map of the analyzer's options")
	}
	opts := make(map[string]string, len(raw))
	for name, value := range raw {
		var v any
		dec := json.NewDecoder(bytes.NewReader(value))
		dec.UseNumber()
		if err := dec.Decode(&v); err != nil {
			return nil, fmt.Errorf("option %q: %w", name, err)
		}
		switch v := v.(type) {
		case string:
			opts[name] = v
		case json.Number:
			opts[name] = v.String()
		case bool:
			opts[name] = strconv.FormatBool(v)
		default:
			return nil, fmt.Errorf("option %q: want a string, a number or a boolean", name)
		}
	}
	return opts, nil
}

func strictUnmarshal(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// selectAnalyzers applies enable and disable to the suite, keeping its order, with
// the same meaning as the command line's -enable and -disable.
func selectAnalyzers(suite []*analysis.Analyzer, enable, disable []string) ([]*analysis.Analyzer, error) {
	known := names(suite)
	check := func(key string, names []string) error {
		for _, name := range names {
			if !slices.Contains(known, name) {
				return fmt.Errorf("%s: unknown analyzer %q: want one of %s", key, name, strings.Join(known, ", "))
			}
		}
		return nil
	}
	if err := check("enable", enable); err != nil {
		return nil, err
	}
	if err := check("disable", disable); err != nil {
		return nil, err
	}
	var enabled []*analysis.Analyzer
	for _, a := range suite {
		if (len(enable) == 0 || slices.Contains(enable, a.Name)) && !slices.Contains(disable, a.Name) {
			enabled = append(enabled, a)
		}
	}
	if len(enabled) == 0 {
		return nil, errors.New("enable and disable leave no analyzer to run")
	}
	return enabled, nil
}

// setOptions sets each analyzer's flags from the options, as -NAME.OPTION=value would.
// The flags belong to the analyzers, which is where every go/analysis driver keeps an
// analyzer's options; golangci-lint builds the plugin once per run.
func setOptions(suite []*analysis.Analyzer, options map[string]map[string]string) error {
	for _, a := range suite {
		opts := options[a.Name]
		for _, name := range sortedKeys(opts) {
			f := lookupFlag(&a.Flags, name)
			if f == nil {
				return fmt.Errorf("%s: unknown option %q (%s)", a.Name, name, describeFlags(&a.Flags))
			}
			if err := a.Flags.Set(f.Name, opts[name]); err != nil {
				return fmt.Errorf("%s: option %s: %w", a.Name, f.Name, err)
			}
		}
	}
	return nil
}

// lookupFlag finds an option by name, then without regard to case (golangci-lint
// lower-cases configuration keys).
func lookupFlag(fs *flag.FlagSet, name string) *flag.Flag {
	if f := fs.Lookup(name); f != nil {
		return f
	}
	var found *flag.Flag
	fs.VisitAll(func(f *flag.Flag) {
		if found == nil && strings.EqualFold(f.Name, name) {
			found = f
		}
	})
	return found
}

func describeFlags(fs *flag.FlagSet) string {
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	if len(names) == 0 {
		return "the analyzer has no options"
	}
	return "options: " + strings.Join(names, ", ")
}

func names(suite []*analysis.Analyzer) []string {
	var names []string
	for _, a := range suite {
		names = append(names, a.Name)
	}
	return names
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
