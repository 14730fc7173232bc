package cliaction // want package:"analyzed}$"

// A file created and closed whose name is returned is no fresh result.

import (
	"io"
	"os"
)

// No fact: stdinToFile returns the name of the file it closed.
func stdinToFile() (name string, err error) {
	f, err := os.CreateTemp(".", "stdin-")
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
