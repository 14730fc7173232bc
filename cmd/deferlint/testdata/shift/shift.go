package shift

import (
	"bufio"
	"io"
	"os"
)

// FirstLine never closes f: the fix adds a line below the error check.
func FirstLine(name string) (string, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	s := bufio.NewScanner(f)
	s.Scan()
	return s.Text(), s.Err()
}

// Concat defers in a loop, which has no fix: its finding moves down a line.
func Concat(w io.Writer, names <-chan string) error {
	for name := range names {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		if _, err := io.Copy(w, f); err != nil {
			return err
		}
	}
	return nil
}
