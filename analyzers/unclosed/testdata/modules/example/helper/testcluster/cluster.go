package testcluster

// The package builds clusters for tests: it runs under a test, once per run.

import "os"

func ReadConfig(name string) ([]byte, error) {
	f, err := os.Open(name) // quiet: test-support code (a directory whose name starts with test)
	if err != nil {
		return nil, err
	}
	b := make([]byte, 64)
	n, _ := f.Read(b)
	return b[:n], nil
}
