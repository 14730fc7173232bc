package tests // want package:"analyzed, acquiring"

// Test code has the same facts as any other.

import (
	"os"
	"testing"
)

// openForRound is a benchmark's helper: the file it returns is fresh.
func openForRound(b *testing.B) *os.File { // want openForRound:"fresh file in result 0"
	f, err := os.Open("testdata/x")
	if err != nil {
		b.Fatal(err)
	}
	return f
}
