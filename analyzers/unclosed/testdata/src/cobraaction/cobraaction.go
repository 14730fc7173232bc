package cobraaction

// A cobra command's RunE returns its error to Execute, which main reports
// before it exits: a response leaked only on the way out with such an error,
// wrapped on the way (errors.Wrap, fmt.Errorf with %w), lives a moment longer
// (measurement 12: krew's install.go).

import (
	"fmt"
	"io"
	"net/http"

	"github.com/pkg/errors"
	"github.com/spf13/cobra"
)

func readFromURL(url string) ([]byte, error) {
	resp, err := http.Get(url) // quiet: leaks only on the status error, which stops the command
	if err != nil {
		return nil, errors.Wrapf(err, "request to url failed (%s)", url)
	}
	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		return nil, errors.Errorf("unexpected status code (http %d) from url", resp.StatusCode)
	}
	return io.ReadAll(resp.Body)
}

func NewInstall(url *string) *cobra.Command {
	return &cobra.Command{
		Use: "install",
		RunE: func(cmd *cobra.Command, args []string) error {
			if *url != "" {
				b, err := readFromURL(*url)
				if err != nil {
					return errors.Wrap(err, "failed to read plugin manifest file from url")
				}
				fmt.Println(len(b))
			}
			return nil
		},
	}
}

func fetchFromURL(url string) ([]byte, error) {
	resp, err := http.Get(url) // want `resp.Body \(HTTP response from http.Get\) is not closed on the path to the return at line 50`
	if err != nil {
		return nil, fmt.Errorf("request to %s: %w", url, err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, errors.Errorf("unexpected status code (http %d)", resp.StatusCode)
	}
	return io.ReadAll(resp.Body)
}

// Poll logs the error and goes on, as a daemon does: its process does not
// exit, so the response fetchFromURL leaks on the status error is a real leak.
func Poll(urls []string) {
	for _, url := range urls {
		if _, err := fetchFromURL(url); err != nil {
			fmt.Println(err)
		}
	}
}

// In a package other than main too, a command's action runs once per process:
// the process executes one command line, which runs one command (measurement
// 14: syft's write-snippet, built in package commands).
func NewCat() *cobra.Command {
	return &cobra.Command{
		Use: "cat",
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := http.Get(args[0]) // quiet: a command's action runs once per process
			if err != nil {
				return err
			}
			fmt.Println(f.StatusCode)
			return nil
		},
	}
}

// The same action fetching each argument leaks a response per argument.
func NewCatAll() *cobra.Command {
	return &cobra.Command{
		Use: "cat-all",
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, url := range args {
				f, err := http.Get(url) // want `f.Body \(HTTP response from http.Get\) is not closed on any path`
				if err != nil {
					return err
				}
				fmt.Println(f.StatusCode)
			}
			return nil
		},
	}
}
