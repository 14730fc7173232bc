// Package sub is a package of a command's program by Go's layout convention:
// its path has a cmd element (…/cmd/<command>/…), so the command's main calls
// its exported functions and methods, one invocation per process, and what
// they leak once the exit releases (measurement 14: InfluxDB's influx_inspect
// dumptsm and influxd restore, subcommand types whose Run main's switch calls
// once; jaeger's anonymizer writer.New, called once from its main). The same
// shapes in a package outside cmd/ are reported: see testdata/src/subcommand.
package sub

import (
	"flag"
	"fmt"
	"io"
	"net/http"
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
	f, err := os.Open(cmd.path) // quiet: main calls Run once, Run calls unpack once, and the exit closes f
	if err != nil {
		return err
	}
	_, err = io.Copy(cmd.Stdout, f)
	return err
}

type Writer struct{ captured, anonymized *os.File }

func New(captured, anonymized string) (*Writer, error) {
	cf, err := os.Create(captured) // quiet: an exported constructor the command calls once; the exit closes cf
	if err != nil {
		return nil, err
	}
	af, err := os.Create(anonymized)
	if err != nil {
		return nil, fmt.Errorf("cannot create output file: %w", err)
	}
	return &Writer{captured: cf, anonymized: af}, nil
}

// Restore's loop leaks once per file within the one run: the leak repeats.
func Restore(paths []string) error {
	for _, p := range paths {
		f, err := os.Open(p) // want `f \(file from os.Open\) is not closed on any path`
		if err != nil {
			return err
		}
		fmt.Println(f.Name())
	}
	return nil
}

// Count is called in a loop by this package: each call leaks again.
func Count(path string) int {
	f, err := os.Open(path) // want `f \(file from os.Open\) is not closed on any path`
	if err != nil {
		return 0
	}
	fi, _ := f.Stat()
	return int(fi.Size())
}

func Total(paths []string) (n int) {
	for _, p := range paths {
		n += Count(p)
	}
	return n
}

// A handler is called per request, by whichever package serves it.
type Server struct{ root string }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f, err := os.Open(s.root + r.URL.Path) // want `f \(file from os.Open\) is not closed on any path`
	if err != nil {
		http.NotFound(w, r)
		return
	}
	io.Copy(w, f)
}

// A method of a type the package turns into an interface value may be called
// through the interface any number of times.
type Source struct{ path string }

func (s Source) Read(p []byte) (int, error) {
	f, err := os.Open(s.path) // want `f \(file from os.Open\) is not closed on any path`
	if err != nil {
		return 0, err
	}
	return f.Read(p)
}

func Reader(path string) io.Reader { return Source{path} }

// Lookup has no use in this package. If the command's server package called it
// once per request, it would leak per request; nothing here says so.
func Lookup(path string) string {
	f, err := os.Open(path) // known false negative: per-request code under cmd/ called by another package of the command counts as once
	if err != nil {
		return ""
	}
	return f.Name()
}
