// Package main holds the shapes of code that runs once per process: what it
// loses, it loses once, and the exit releases it. Each quiet shape has a reported
// one beside it that repeats.
package main

import (
	"context"
	"os"
	"os/signal"
	"time"
)

var (
	parent = context.Background()
	maybe  bool
)

func work(context.Context) error { return nil }

func main() {
	if maybe {
		// Quiet: main.main runs once, in any of its blocks.
		ctx, _ := signal.NotifyContext(parent, os.Interrupt)
		_ = work(ctx)
	} else if maybe {
		ctx, _ := context.WithTimeout(parent, time.Second)
		_ = work(ctx)
	}
	for _, name := range os.Args {
		ctx, _ := signal.NotifyContext(parent, os.Interrupt) // want `the stop function returned by signal.NotifyContext is discarded`
		_ = work(ctx)
		_ = name
	}
	if err := run(); err != nil {
		os.Exit(1)
	}
	func() {
		// Quiet: a literal called on the spot runs where it stands.
		ctx, _ := context.WithTimeout(parent, time.Second)
		_ = work(ctx)
	}()
	defer func() {
		// Quiet: the deferred literal runs once, when main returns.
		ctx, _ := context.WithTimeout(parent, time.Second)
		_ = work(ctx)
	}()
	later := func() {
		ctx, _ := context.WithTimeout(parent, time.Second) // want `the cancel function returned by context.WithTimeout is discarded`
		_ = work(ctx)
	}
	later()
	twice()
	twice()
	again(3)
	withGoto()
}

// Quiet: run has one use, a plain call from main, and so does the function it
// calls: each runs once, and the process ends soon after.
func run() error {
	ctx, _ := signal.NotifyContext(parent, os.Interrupt)
	return copyAll(ctx)
}

func copyAll(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	if err := work(ctx); err != nil {
		return err
	}
	cancel()
	for i := range 10 {
		// A loop in code that runs once still repeats its leak.
		ctx, _ := context.WithTimeout(ctx, time.Second) // want `the cancel function returned by context.WithTimeout is discarded`
		_ = work(ctx)
		_ = i
	}
	return nil
}

// Two call sites in code that runs once run it twice: a number the code fixes,
// so it loses two contexts at most before the process exits.
func twice() {
	ctx, _ := context.WithTimeout(parent, time.Second) // quiet: every use is a call from once code
	_ = work(ctx)
}

// A recursive function runs again.
func again(n int) {
	ctx, _ := context.WithTimeout(parent, time.Second) // want `the cancel function returned by context.WithTimeout is discarded`
	_ = work(ctx)
	if n > 0 {
		again(n - 1)
	}
}

// A goto may jump back and run the code again.
func withGoto() {
	n := 0
retry:
	ctx, _ := context.WithTimeout(parent, time.Second) // want `the cancel function returned by context.WithTimeout is discarded`
	if work(ctx) != nil && n < 3 {
		n++
		goto retry
	}
}
