package server

import "os"

// fakeStore is a fixture for tests, in a file named for fakes (mock_store.go):
// quiet, what it piles up lives as long as the test that builds it.
func fakeStore(paths []string) {
	for _, p := range paths {
		f, _ := os.Create(p)
		defer f.Close()
		f.WriteString("fixture")
	}
}
