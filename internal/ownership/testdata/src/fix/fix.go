package fix // want package:"analyzed}$"

// A file opened and read is no fresh result of a function that returns what it
// read.

import "os"

// No fact: file returns the bytes it read, not the file (which it leaks).
func file(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	b := make([]byte, 10)
	_, err = f.Read(b)
	return b, err
}
