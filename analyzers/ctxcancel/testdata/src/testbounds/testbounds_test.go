package testbounds

import (
	"context"
	"testing"
	"time"
)

// Quiet: a _test.go file is test code, and this runs once per test.
func setUp() {
	ctx, cancel := context.WithCancel(parent)
	if flag {
		cancel()
	}
	_ = work(ctx)
}

func TestServer(t *testing.T) {
	setUp()
	ctx, _ := context.WithTimeout(parent, time.Second)
	_ = work(ctx)
}

// Quiet: dropping every result once per test loses what discarding the cancel
// function with _ loses, and the test bounds both.
func TestDropped(t *testing.T) {
	context.WithTimeout(parent, time.Second)
}
