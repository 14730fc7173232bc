package subcommand

// Known policy findings: code that runs once per process, but only its callers
// in other packages show it, and a pass reads one package.
//
// A subcommand type whose Run main's switch calls once (measurement 14:
// InfluxDB's influx_inspect dumptsm and influxd restore): nothing in this
// package says how often Run is called. The same shape serves requests in a
// server's packages under cmd/ (influxd's run), so neither the type's name nor
// the directory is a reason to stay quiet.

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
	// known policy finding: main calls Run once, and the exit closes f.
	f, err := os.Open(cmd.path) // want `f \(file from os.Open\) is not closed on any path`
	if err != nil {
		return err
	}
	_, err = io.Copy(cmd.Stdout, f)
	return err
}

// An exported constructor that leaks a file when a later step fails, called
// from a command's action in another package that exits on its error
// (measurement 14: jaeger's anonymizer writer.New; kubebuilder's
// Generate.Generate is the same shape with a method): the callers that stop the
// command are not in this package.
type Writer struct{ captured, anonymized *os.File }

func New(captured, anonymized string) (*Writer, error) {
	// known policy finding: the caller exits on the error, and the exit closes cf.
	cf, err := os.Create(captured) // want `cf \(file from os.Create\) is not closed on the path to the return at line 60`
	if err != nil {
		return nil, err
	}
	af, err := os.Create(anonymized)
	if err != nil {
		return nil, fmt.Errorf("cannot create output file: %w", err)
	}
	return &Writer{captured: cf, anonymized: af}, nil
}
