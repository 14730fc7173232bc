package cliaction

// A command-line tool's commands live outside package main: an action's error
// goes back through the framework's Run to main, which reports it and exits, so a
// file leaked only on the way out with that error lives a moment longer.

import (
	"io"
	"os"

	"github.com/urfave/cli/v2"
)

func stdinToFile() (name string, err error) {
	f, err := os.CreateTemp(".", "stdin-") // quiet: leaks only when the copy fails, and the command then exits
	if err != nil {
		return
	}
	if _, err = io.Copy(f, os.Stdin); err != nil {
		return
	}
	if err = f.Close(); err != nil {
		return
	}
	return f.Name(), nil
}

func send(c *cli.Context) (err error) {
	name, err := stdinToFile()
	if err != nil {
		return
	}
	println(name)
	return nil
}

func copyFile(dst string) error {
	f, err := os.Create(dst) // want `f \(file from os.Create\) is not closed on the path to the return at line 43`
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, os.Stdin); err != nil {
		return err
	}
	return f.Close()
}

// Receive is exported: other packages may call it and go on after an error.
func Receive(c *cli.Context) error {
	return copyFile("out")
}

var Commands = []*cli.Command{
	{Name: "send", Action: send},
	{Name: "receive", Action: Receive},
}

// An action written in place returns its error to main as a named one does.
var Inline = &cli.Command{
	Name: "inline",
	Action: func(c *cli.Context) error {
		f, err := os.Create("out") // quiet: leaks only when the copy fails, and the command then exits
		if err != nil {
			return err
		}
		if _, err := io.Copy(f, os.Stdin); err != nil {
			return err
		}
		return f.Close()
	},
}
