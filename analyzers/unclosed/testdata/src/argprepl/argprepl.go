// Package argprepl executes argp command lines in a loop: its commands' actions
// run once per line, not once per process, and their leaks are reported.
package argprepl

import (
	"os"

	"github.com/tdewolff/argp"
)

type Show struct{ Input string }

func (cmd *Show) Run() error {
	f, err := os.Open(cmd.Input) // want `f \(file from os.Open\) is not closed on any path`
	if err != nil {
		return err
	}
	_, err = f.Stat()
	return err
}

// Shell parses a command line per input line.
func Shell(lines []string) {
	for range lines {
		argp.NewCmd(&Show{}, "show").Parse()
	}
}
