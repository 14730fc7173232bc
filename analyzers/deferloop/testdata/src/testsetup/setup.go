package testsetup

import (
	"net"
	"os"
	"testing"
)

// A helper that takes *testing.T outside a test file: its loop sets up what the
// calling test holds.
func dialAll(t testing.TB, addrs []string) []string {
	var local []string
	for _, addr := range addrs {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		local = append(local, c.LocalAddr().String())
	}
	return local
}

// Outside tests, the same loop is reported.
func openEach(names []string) {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until openEach returns`
		os.Stdout.ReadFrom(f)
	}
}
