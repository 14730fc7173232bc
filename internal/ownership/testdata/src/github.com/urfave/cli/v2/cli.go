// Package cli is a stub of github.com/urfave/cli/v2: a command's Action returns
// its error to App.Run, and main reports it and exits.
package cli

type Context struct{}

type ActionFunc func(*Context) error

type Command struct {
	Name   string
	Action ActionFunc
}

type App struct {
	Commands []*Command
	Action   ActionFunc
}

func (a *App) Run(args []string) error { return nil }
