package main

import (
	"fmt"
	"log"
	"os"
)

// A command's Run field written in place (as cobra's is) is a function literal:
// a call in it whose error branch ends in a call that never returns (os.Exit
// through a helper of the package) stops the process wherever it runs, in a
// literal as in a declared function (measurement 11: gobgp's mrt.go:39, whose
// only caller is such a literal calling exitWithError).

type runCommand struct {
	use string
	run func(args []string)
}

// exitWithError reports err and exits: it never returns.
func exitWithError(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}

func inject(name string) error {
	f, err := os.Open(name) // quiet: it leaks only when Stat fails, and its caller then exits
	if err != nil {
		return fmt.Errorf("failed to open file: %s", err)
	}
	if _, err := f.Stat(); err != nil {
		return fmt.Errorf("stat: %w", err)
	}
	return f.Close()
}

var injectCmd = &runCommand{
	use: "inject",
	run: func(args []string) {
		err := inject(args[0])
		if err != nil {
			exitWithError(err)
		}
	},
}

// The same shapes whose error branch does not end the process.

func injectPanics(name string) error {
	f, err := os.Open(name) // want `f \(file from os.Open\) is not closed on the path to the return at line 55`
	if err != nil {
		return err
	}
	if _, err := f.Stat(); err != nil {
		return err
	}
	return f.Close()
}

func injectLogs(name string) error {
	f, err := os.Open(name) // want `f \(file from os.Open\) is not closed on the path to the return at line 66`
	if err != nil {
		return err
	}
	if _, err := f.Stat(); err != nil {
		return err
	}
	return f.Close()
}

var otherCmds = []*runCommand{
	{
		use: "panics",
		run: func(args []string) {
			// A panic in a literal may be recovered by whatever calls it (net/http's
			// server recovers a handler's): it does not stop the command.
			if err := injectPanics(args[0]); err != nil {
				panic(err)
			}
		},
	},
	{
		use: "logs",
		run: func(args []string) {
			if err := injectLogs(args[0]); err != nil {
				log.Println(err) // goes on
			}
		},
	},
}
