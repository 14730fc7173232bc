// Package testsoption runs with -ctxcancel.tests: a cancel function lost once per
// test is reported as in other code.
package testsoption

import (
	"context"
	"testing"
	"time"
)

var parent = context.Background()

func work(context.Context) error { return nil }

func neverCalledOnce(t *testing.T) {
	ctx, cancel := context.WithTimeout(parent, time.Second) // want `never called`
	_ = cancel
	_ = work(ctx)
}

func discardedOnce(t *testing.T) {
	ctx, _ := context.WithTimeout(parent, 20*time.Millisecond) // want `discarded`
	_ = work(ctx)
}

// Still quiet: a cancel context of Background holds nothing, in tests or not.
func cancelOfBackground(t *testing.T) {
	ctx, _ := context.WithCancel(context.Background())
	_ = work(ctx)
}

type server struct{ ctx context.Context }

func (s *server) connect(ctx context.Context) error { s.ctx = ctx; return nil }

// Known limit: connect keeps the context (the connection watches it), so the path
// that succeeds hands it on, but a call is taken to use it and let it go.
func keptByCall(t *testing.T, s *server) {
	ctx, cancel := context.WithCancel(parent) // want `is not called on the path to the end of the function at line 43`
	if err := s.connect(ctx); err != nil {
		cancel()
	}
}
