package cobracmds

// A program laid out as cobra-cli lays it out builds its commands outside
// package main. The process still executes one command line, and cobra runs the
// one command it names, its hooks and action once: what the action, or a helper
// it alone calls, leaks once, the exit releases (measurement 14: syft's
// write-snippet command, built in package commands).

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
	"github.com/urfave/cli/v2"
)

func WriteSnippet() *cobra.Command {
	return &cobra.Command{
		Use: "write-snippet",
		RunE: func(_ *cobra.Command, args []string) error {
			return runWriteSnippet(args[0])
		},
	}
}

func runWriteSnippet(path string) error {
	f, err := os.Open(path) // quiet: called once, from a command's action
	if err != nil {
		return err
	}
	b := make([]byte, 8)
	if _, err := f.Read(b); err != nil {
		return err
	}
	fmt.Println(b)
	return nil
}

// An action named in the command literal is called by the framework as one
// written in place is.
var Commands = []*cli.Command{
	{Name: "head", Action: head},
}

func head(c *cli.Context) error {
	f, err := os.Open("in") // quiet: the action of a command, run once
	if err != nil {
		return err
	}
	_, err = io.CopyN(os.Stdout, f, 10)
	return err
}

// The same helper called for each argument leaks a file per argument.
func WriteSnippets() *cobra.Command {
	return &cobra.Command{
		Use: "write-snippets",
		RunE: func(_ *cobra.Command, args []string) error {
			for _, path := range args {
				if err := writeEach(path); err != nil {
					return err
				}
			}
			return nil
		},
	}
}

func writeEach(path string) error {
	f, err := os.Open(path) // want `f \(file from os.Open\) is not closed on any path`
	if err != nil {
		return err
	}
	_, err = io.CopyN(os.Stdout, f, 8)
	return err
}

// An exported helper may be called by other packages as often as they like.
func Dump(path string) error {
	f, err := os.Open(path) // want `f \(file from os.Open\) is not closed on any path`
	if err != nil {
		return err
	}
	_, err = io.Copy(os.Stdout, f)
	return err
}

func DumpCommand() *cobra.Command {
	return &cobra.Command{
		Use:  "dump",
		RunE: func(_ *cobra.Command, args []string) error { return Dump(args[0]) },
	}
}
