// Package kong is a stub of github.com/alecthomas/kong's command API.
package kong

// Context is a parsed command line.
type Context struct{}

// Parse parses os.Args against the grammar cli.
func Parse(cli any) *Context { return &Context{} }

// Run calls the Run method of the selected command and of the nodes above it.
func (c *Context) Run(binds ...any) error { return nil }
