// Package main is a generator whose main no longer calls some of its steps
// (gorgonia's cu gencudnn, measurement 31: the call of generateStubs is
// commented out). No other package can import package main, and Go code calls
// a function only by naming it: a function of package main that no file of the
// package names never runs, and what it would leak it leaks zero times.
package main

import (
	"io"
	"os"
)

func main() {
	// generateStubs(os.Args[1:])
	report(os.Args[1:])
}

func generateStubs(names []string) {
	for _, name := range names {
		existing, err := os.Open(name) // quiet: nothing calls generateStubs
		if err != nil {
			continue
		}
		io.Copy(os.Stdout, existing)
	}
}

// report is called by main: its loop opens a file per name.
func report(names []string) {
	for _, name := range names {
		existing, err := os.Open(name) // want `existing \(file from os.Open\) is not closed on any path`
		if err != nil {
			continue
		}
		io.Copy(os.Stdout, existing)
	}
}

// perOS has no use in this build, but main_windows.go, which the build
// constraints leave out, calls it.
func perOS(names []string) {
	for _, name := range names {
		existing, err := os.Open(name) // want `existing \(file from os.Open\) is not closed on any path`
		if err != nil {
			continue
		}
		io.Copy(os.Stdout, existing)
	}
}

// A method with no use may still be called, through an interface.
type stubs struct{ names []string }

func (s stubs) WriteTo(w io.Writer) (int64, error) {
	for _, name := range s.names {
		existing, err := os.Open(name) // want `existing \(file from os.Open\) is not closed on any path`
		if err != nil {
			continue
		}
		io.Copy(w, existing)
	}
	return 0, nil
}

// A cgo //export directive lets C code call the function.
//
//export stubsFromC
func stubsFromC() {
	for _, name := range os.Args {
		existing, err := os.Open(name) // want `existing \(file from os.Open\) is not closed on any path`
		if err != nil {
			continue
		}
		io.Copy(os.Stdout, existing)
	}
}
