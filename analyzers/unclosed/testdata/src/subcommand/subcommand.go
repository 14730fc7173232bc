package subcommand

// Code that may run once per process, but only its callers in other packages
// could show it, and a pass reads one package. Outside a command's directory
// (a path with a cmd element, see testdata/src/example.com/cmd/tool/sub, where
// the same shapes are quiet) any number of importers may call an exported
// function or a method: these are reported.
//
// A subcommand type whose Run a main's switch calls once (measurement 14:
// InfluxDB's influx_inspect dumptsm and influxd restore, under cmd/): nothing
// in this package says how often Run is called, and a library's type of the
// same shape may serve requests, so the type's name is no reason to stay quiet.

import (
	"flag"
	"fmt"
	"io"
	"os"
)

type Command struct {
	Stdout io.Writer
	path   string
}

func NewCommand() *Command { return &Command{Stdout: os.Stdout} }

func (cmd *Command) Run(args ...string) error {
	fs := flag.NewFlagSet("dump", flag.ExitOnError)
	if err := fs.Parse(args); err != nil {
		return err
	}
	cmd.path = fs.Arg(0)
	return cmd.unpack()
}

func (cmd *Command) unpack() error {
	// reported: outside cmd/, another package may call Run per request.
	f, err := os.Open(cmd.path) // want `f \(file from os.Open\) is not closed on any path`
	if err != nil {
		return err
	}
	_, err = io.Copy(cmd.Stdout, f)
	return err
}

// An exported constructor that leaks a file when a later step fails (under
// cmd/, measurement 14's jaeger anonymizer writer.New is quiet; kubebuilder's
// Generate.Generate, a method outside cmd/, is the same shape): the callers
// that stop the command are not in this package.
type Writer struct{ captured, anonymized *os.File }

func New(captured, anonymized string) (*Writer, error) {
	// reported: outside cmd/, any importer may call New again after an error.
	cf, err := os.Create(captured) // want `cf \(file from os.Create\) is not closed on the path to the return at line 61`
	if err != nil {
		return nil, err
	}
	af, err := os.Create(anonymized)
	if err != nil {
		return nil, fmt.Errorf("cannot create output file: %w", err)
	}
	return &Writer{captured: cf, anonymized: af}, nil
}
