package testsoption // want package:"analyzed}$"

// A test that ends itself on a failed open asserts nothing about its parameter.

import (
	"os"
	"testing"
)

// No fact: the error TestOnce fails on is its own, not a parameter.
func TestOnce(t *testing.T) {
	f, err := os.Open("testdata/x")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
}
