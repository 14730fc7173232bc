// Package argpcmd has the commands of an argp program (github.com/tdewolff/argp).
// argp's Parse runs the selected command's Run once and exits: one command per
// process, as cobra and urfave/cli run. What a Run leaks it leaks once, and the
// exit releases it (measurement 15: canvas's cmd/pdftext Extract.Run).
package argpcmd

import (
	"os"

	"github.com/tdewolff/argp"
)

type Extract struct{ Input string }

type Replace struct{ Input string }

// Main builds the command line and runs it once.
func Main() {
	root := argp.NewCmd(&Extract{}, "extract")
	root.AddCmd(&Replace{}, "replace", "replace")
	root.Parse()
}

// Quiet: the action of the root command, run once per process.
func (cmd *Extract) Run() error {
	f, err := os.Open(cmd.Input)
	if err != nil {
		return err
	}
	st, err := f.Stat()
	if err != nil {
		return err
	}
	_ = st
	return nil
}

// Quiet: the action of a sub command.
func (cmd *Replace) Run() error {
	f, err := os.Open(cmd.Input)
	if err != nil {
		return err
	}
	_, err = f.Stat()
	return err
}

// Reported: a method of a registered type other than its action may be called
// any number of times.
func (cmd *Extract) Size() (int64, error) {
	f, err := os.Open(cmd.Input) // want `f \(file from os.Open\) is not closed on any path`
	if err != nil {
		return 0, err
	}
	st, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

// Job is not registered with argp: its Run is no command's action, and what it
// leaks it leaks on every call.
type Job struct{ Input string }

func (j *Job) Run() error {
	f, err := os.Open(j.Input) // want `f \(file from os.Open\) is not closed on any path`
	if err != nil {
		return err
	}
	_, err = f.Stat()
	return err
}
