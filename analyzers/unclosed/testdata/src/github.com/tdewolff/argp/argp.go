// Package argp is a stub of github.com/tdewolff/argp's command API.
package argp

// Cmd is a command: Parse calls the selected one's Run.
type Cmd interface{ Run() error }

// Argp is a (sub) command parser.
type Argp struct{ Cmd }

// NewCmd returns a parser whose Parse invokes cmd's Run.
func NewCmd(cmd Cmd, description string) *Argp { return &Argp{Cmd: cmd} }

// AddCmd adds a sub command.
func (a *Argp) AddCmd(cmd Cmd, name, description string) *Argp { return NewCmd(cmd, description) }

// Parse runs the selected command's Run once, then exits the process.
func (a *Argp) Parse() {}
