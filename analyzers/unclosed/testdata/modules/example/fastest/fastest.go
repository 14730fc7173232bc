package fastest

// A directory whose name only ends in test is an English superlative as often
// as a test package (fastest, latest): its leaks are reported.

import "os"

func ReadFirst(name string) ([]byte, error) {
	f, err := os.Open(name) // want `f \(file from os.Open\) is not closed on the path to the return at line 16`
	if err != nil {
		return nil, err
	}
	b := make([]byte, 64)
	n, err := f.Read(b)
	if err != nil {
		return nil, err
	}
	f.Close()
	return b[:n], nil
}
