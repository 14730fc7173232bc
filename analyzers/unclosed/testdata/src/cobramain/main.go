package main

// main executes the command line once, and cobra runs one command's actions per
// execution: what an action leaks, it leaks once, and the exit releases it
// (measurement 14: vhs's root and new commands).

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
)

var root = &cobra.Command{
	Use: "tool",
	RunE: func(cmd *cobra.Command, args []string) error {
		f, err := os.Open(args[0]) // quiet: a command's action runs once per process
		if err != nil {
			return err
		}
		b, err := io.ReadAll(f)
		fmt.Println(len(b))
		return err
	},
}

func newCmd() *cobra.Command {
	return &cobra.Command{
		Use: "new",
		Run: func(cmd *cobra.Command, args []string) {
			for _, name := range args {
				f, err := os.Create(name) // want `f \(file from os.Create\) is not closed on any path`
				if err != nil {
					return
				}
				fmt.Fprintln(f, "# new")
			}
		},
	}
}

func main() {
	root.AddCommand(newCmd())
	if err := root.Execute(); err != nil {
		os.Exit(1)
	}
}
