// Package settings reads settings through package config; it shows that what
// deferlint learns about config.Open in one package (it returns an open file) is used
// in another.
package settings

import (
	"bufio"

	"example.com/example/config"
)

// FirstLine returns the first line of the named file; the file is never closed, so
// every call leaks a file descriptor.
func FirstLine(name string) (string, error) {
	f, err := config.Open(name)
	if err != nil {
		return "", err
	}
	s := bufio.NewScanner(f)
	s.Scan()
	return s.Text(), s.Err()
}
