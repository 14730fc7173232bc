package fatal // want package:"recovery analyzed"

// Package fatal holds a project's own crash helpers, used from other packages.

import (
	"fmt"
	"os"
)

// Exitf prints and ends the process: it crashes on purpose.
func Exitf(format string, args ...any) { // want Exitf:"recovery\\(crashes\\)"
	fmt.Fprintf(os.Stderr, format, args...)
	os.Exit(1)
}

// Die ends in Exitf: it crashes on purpose too.
func Die(err error) { // want Die:"recovery\\(crashes\\)"
	Exitf("%v", err)
}

// Fatalf is a project's own Fatalf that panics: by its name, a chosen crash
// (the call is recognised by name; the function itself carries no fact).
func Fatalf(format string, args ...any) {
	panic(fmt.Sprintf(format, args...))
}

// Throw panics to be recovered by its caller: not a chosen crash.
func Throw(err error) {
	panic(err)
}
