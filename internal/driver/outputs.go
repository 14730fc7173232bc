package driver

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// formats are the output formats, for -format (standard output) and -out (files).
var formats = []string{"text", "json", "sarif", "github"}

// An output is a file that -out FORMAT=FILE asks the findings to be written to, in
// addition to standard output: one analysis, several consumers (annotations on
// stdout and SARIF for code scanning, say).
type output struct {
	format, file string
}

// outputs is the value of the repeatable -out flag.
type outputs []output

func (o *outputs) String() string {
	var s []string
	for _, out := range *o {
		s = append(s, out.format+"="+out.file)
	}
	return strings.Join(s, ",")
}

// Set parses FORMAT=FILE, so that a mistake is reported before any analysis runs.
func (o *outputs) Set(value string) error {
	format, file, ok := strings.Cut(value, "=")
	if !ok || file == "" {
		return fmt.Errorf("want FORMAT=FILE, as in sarif=deferlint.sarif")
	}
	if !slices.Contains(formats, format) {
		return fmt.Errorf("unknown format %q: use text, json, sarif or github", format)
	}
	for _, out := range *o {
		if out.file == file {
			return fmt.Errorf("%s is named twice", file)
		}
	}
	*o = append(*o, output{format, file})
	return nil
}

// writeOutputs writes the findings to standard output in cfg.format, then to each
// -out file in its format.
func writeOutputs(cfg *config, found []finding, wd string, stdout io.Writer) error {
	if err := write(cfg, cfg.format, found, wd, stdout); err != nil {
		return err
	}
	for _, out := range cfg.outputs {
		if err := writeFile(cfg, out, found, wd); err != nil {
			return err
		}
	}
	return nil
}

func writeFile(cfg *config, out output, found []finding, wd string) error {
	f, err := os.Create(out.file)
	if err != nil {
		return fmt.Errorf("-out: %w", err)
	}
	err = write(cfg, out.format, found, wd, f)
	if closeErr := f.Close(); err == nil && closeErr != nil {
		err = fmt.Errorf("-out: %w", closeErr)
	}
	return err
}

// checkCombinations rejects flags that ask for contradictory runs.
func checkCombinations(cfg *config) error {
	switch {
	case cfg.baselineWrite != "" && (cfg.baseline != "" || cfg.newFromRev != ""):
		return fmt.Errorf("-baseline-write records every finding, so it cannot be combined with -baseline or -new-from-rev")
	case cfg.baselineWrite != "" && (cfg.fix || cfg.diff):
		return fmt.Errorf("-baseline-write cannot be combined with -fix or -diff: record the findings before or after fixing")
	case len(cfg.outputs) > 0 && cfg.diff:
		return fmt.Errorf("-out cannot be combined with -diff, which prints a diff rather than findings")
	}
	return nil
}
