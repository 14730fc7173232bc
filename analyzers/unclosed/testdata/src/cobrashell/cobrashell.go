package cobrashell

// A program that executes a command line per line it reads is a shell of its
// own: its commands' actions run once per line, and what they leak piles up.

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

var root = &cobra.Command{
	Use: "cat",
	RunE: func(_ *cobra.Command, args []string) error {
		f, err := os.Open(args[0]) // want `f \(file from os.Open\) is not closed on any path`
		if err != nil {
			return err
		}
		b := make([]byte, 8)
		_, err = f.Read(b)
		fmt.Println(b)
		return err
	},
}

func Shell() {
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		root.SetArgs(strings.Fields(in.Text()))
		if err := root.Execute(); err != nil {
			fmt.Println(err)
		}
	}
}
