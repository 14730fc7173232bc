// Package kongcmd has the commands of a kong program (github.com/alecthomas/kong):
// the grammar given to kong.Parse is a struct whose fields tagged cmd are the
// commands, and ctx.Run() calls the selected command's Run once. What a Run
// leaks it leaks once per process, and the exit releases it.
package kongcmd

import (
	"os"

	"github.com/alecthomas/kong"
)

type CLI struct {
	Cat  CatCmd  `cmd:"" help:"Print a file."`
	Tool ToolCmd `kong:"cmd,help='Tools.'"`
	Path string  `help:"A flag, not a command."`
	Opts Options
}

type CatCmd struct{ File string }

type ToolCmd struct {
	Lint LintCmd `cmd:""`
}

type LintCmd struct{ File string }

// Options is a field without a cmd tag: no command.
type Options struct{ File string }

// Main parses the command line and runs the selected command once.
func Main() error {
	var cli CLI
	ctx := kong.Parse(&cli)
	return ctx.Run()
}

// Quiet: a command's action.
func (c *CatCmd) Run() error {
	f, err := os.Open(c.File)
	if err != nil {
		return err
	}
	_, err = f.Stat()
	return err
}

// Quiet: a nested command's action.
func (c *LintCmd) Run() error {
	f, err := os.Open(c.File)
	if err != nil {
		return err
	}
	_, err = f.Stat()
	return err
}

// Options is no command: its Run is an ordinary method, called any number of times.
func (o *Options) Run() error {
	f, err := os.Open(o.File) // want `f \(file from os.Open\) is not closed on any path`
	if err != nil {
		return err
	}
	_, err = f.Stat()
	return err
}
