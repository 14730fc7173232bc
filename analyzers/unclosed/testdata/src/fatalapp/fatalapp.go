// Package fatalapp stands for a command-line framework (kingpin, fisk) whose
// Fatal functions end the program through an exit function held in a field:
// their bodies do not show that they never return, their names do.
package fatalapp

import "os"

type Application struct {
	terminate func(code int)
}

var CommandLine = &Application{terminate: os.Exit}

// FatalIfError prints err and exits if it is not nil.
func (a *Application) FatalIfError(err error, format string, args ...any) {
	if err == nil {
		return
	}
	a.terminate(1)
}

// Fatalf prints the message and exits.
func (a *Application) Fatalf(format string, args ...any) {
	a.terminate(1)
}

func FatalIfError(err error, format string, args ...any) {
	CommandLine.FatalIfError(err, format, args...)
}

// Logger is a logger reached through an interface.
type Logger interface {
	Printf(format string, args ...any)
	Fatalf(format string, args ...any)
}
