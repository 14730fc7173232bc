package testsoption

// This package is run with -unclosed.tests: a resource acquired once per
// test or benchmark round is reported too.

import (
	"net"
	"os"
	"testing"
)

func TestOnce(t *testing.T) {
	f, err := os.Open("testdata/x") // want `f \(file from os.Open\) is not closed`
	if err != nil {
		t.Fatal(err)
	}
	t.Log(f.Name())
}

func TestWakeAccept(t *testing.T) {
	go func() {
		_, _ = net.Dial("tcp", "localhost:1") // want `the connection from net.Dial is discarded`
	}()
}

func TestClosed(t *testing.T) {
	f, err := os.Open("testdata/x") // quiet: closed
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	t.Log(f.Name())
}
