package frameworks

// The same package's other files import no test framework: their leaks are
// reported.

import (
	"os"

	testing "github.com/mitchellh/go-testing-interface"
)

func readConfig(name string) []byte {
	f, err := os.Open(name) // want `f \(file from os.Open\) is not closed on any path`
	if err != nil {
		return nil
	}
	b := make([]byte, 8)
	n, _ := f.Read(b)
	return b[:n]
}

// LogOutput takes go-testing-interface's T, which a test's *testing.T
// satisfies: a function that asks for one is written to be called from a test
// (measurement 13: terraform-plugin-sdk's helper/logging), and gets the default
// of test code.
func LogOutput(t testing.T, name string) []byte {
	f, err := os.OpenFile(name, os.O_RDONLY, 0) // quiet: takes a test's T
	if err != nil {
		return nil
	}
	b := make([]byte, 8)
	n, _ := f.Read(b)
	return b[:n]
}

// RuntimeLogOutput takes the library's RuntimeT, which runs such code outside a
// test: reported.
func RuntimeLogOutput(t testing.RuntimeT, name string) []byte {
	f, err := os.OpenFile(name, os.O_RDONLY, 0) // want `f \(file from os.OpenFile\) is not closed on any path`
	if err != nil {
		return nil
	}
	b := make([]byte, 8)
	n, _ := f.Read(b)
	return b[:n]
}
