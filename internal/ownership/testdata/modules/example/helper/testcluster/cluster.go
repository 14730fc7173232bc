package testcluster // want package:"analyzed}$"

// A test-support package has the facts of any other.

import "os"

// No fact: ReadConfig returns what it read, not the file.
func ReadConfig(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b := make([]byte, 64)
	n, _ := f.Read(b)
	return b[:n], nil
}
