package driver

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// parseArgs parses the command line with fs and returns what is wrong with it, in
// one line: a rejected flag value names the flag and the problem, and a flag written
// after the packages is refused rather than taken for a package (then nothing runs).
func parseArgs(fs *flag.FlagSet, args []string) error {
	fs.SetOutput(io.Discard) // the error is returned, not printed with a page of usage
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if strings.HasPrefix(err.Error(), "invalid value") {
			return err
		}
		return fmt.Errorf("%v (run 'deferlint -help' for usage)", err)
	}
	return flagsAfterPackages(args, fs.Args())
}

// flagsAfterPackages returns an error naming the first flag among the packages
// (rest, what follows the flags in args), unless -- separates them.
func flagsAfterPackages(args, rest []string) error {
	if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
		return nil
	}
	for i, arg := range rest {
		if strings.HasPrefix(arg, "-") && i > 0 {
			return fmt.Errorf("flags must come before packages: %s after %s (write deferlint [flags] [packages])", arg, strings.Join(rest[:i], " "))
		}
	}
	return nil
}
