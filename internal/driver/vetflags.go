package driver

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// checkAnalyzerFlags sets the analyzers' options found in args, as go vet -vettool
// passes them (-NAME.OPTION=value), and returns the first one rejected, in one line
// that names the flag. unitchecker would print the same error followed by a page of
// usage, once for every package; this way each invocation says one line.
func checkAnalyzerFlags(suite []*analysis.Analyzer, args []string) error {
	for i := 0; i < len(args); i++ {
		name, value, hasValue := strings.Cut(strings.TrimLeft(args[i], "-"), "=")
		if !strings.HasPrefix(args[i], "-") || args[i] == "--" {
			break
		}
		f := analyzerFlag(suite, name)
		if f == nil {
			continue
		}
		if !hasValue {
			if isBool(f) || i+1 == len(args) {
				continue
			}
			i++
			value = args[i]
		}
		if err := f.Value.Set(value); err != nil {
			return fmt.Errorf("invalid value %q for flag -%s: %v", value, name, err)
		}
	}
	return nil
}

// analyzerFlag returns the flag named NAME.OPTION among the analyzers' options.
func analyzerFlag(suite []*analysis.Analyzer, name string) *flag.Flag {
	analyzer, option, ok := strings.Cut(name, ".")
	if !ok {
		return nil
	}
	for _, a := range suite {
		if a.Name == analyzer {
			return a.Flags.Lookup(option)
		}
	}
	return nil
}

func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// rejectFlag says err, a rejected option, in one line and returns exit status 2,
// when the go command runs deferlint on a package the user named. When it runs
// deferlint on a dependency, for its facts only, rejectFlag writes no facts and
// returns 0: the go command would otherwise say "exit status 2" for every
// dependency, before the packages named, which say the error itself.
func rejectFlag(err error, cfg string) int {
	if vetx := factsOnlyOutput(cfg); vetx != "" && os.WriteFile(vetx, nil, 0o666) == nil {
		return ExitClean
	}
	fmt.Fprintf(os.Stderr, "deferlint: %v\n", err)
	return ExitError
}

// factsOnlyOutput returns the file where the go command expects a dependency's facts
// when the configuration file cfg asks for them only (VetxOnly), or "".
func factsOnlyOutput(cfg string) string {
	data, err := os.ReadFile(cfg)
	if err != nil {
		return ""
	}
	var unit struct {
		VetxOnly   bool
		VetxOutput string
	}
	if json.Unmarshal(data, &unit) != nil || !unit.VetxOnly {
		return ""
	}
	return unit.VetxOutput
}
