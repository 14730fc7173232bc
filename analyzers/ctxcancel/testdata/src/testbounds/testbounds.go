// Package testbounds holds the test-code cases: a cancel function lost once per
// test costs at most the test's lifetime, and is reported only with
// -ctxcancel.tests (see testsoption); one lost per round of a loop that repeats
// without bound is reported.
package testbounds

import (
	"context"
	"testing"
	"time"
)

var parent = context.Background()

var flag bool

func work(context.Context) error { return nil }

// Quiet: once per test.
func neverCalledOnce(t *testing.T) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	_ = cancel
	_ = work(ctx)
}

// Quiet: once per test.
func discardedOnce(t *testing.T) {
	ctx, _ := context.WithTimeout(parent, 20*time.Millisecond)
	_ = work(ctx)
}

type fixture struct {
	stop context.CancelFunc
}

// Quiet: once per test, stored in a field nothing reads.
func storedOnce(t *testing.T, f *fixture) {
	var ctx context.Context
	ctx, f.stop = context.WithCancel(parent)
	_ = work(ctx)
}

// Quiet: overwritten once.
func overwrittenOnce(t *testing.T) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	ctx, cancel = context.WithTimeout(ctx, time.Minute)
	defer cancel()
	_ = work(ctx)
}

// Quiet: a table of cases bounds the loop.
func table(t *testing.T) {
	for _, d := range []time.Duration{time.Second, time.Minute} {
		ctx, _ := context.WithTimeout(parent, d)
		_ = work(ctx)
	}
}

// Quiet: the return leaves the loop, so the leak happens once.
func leavesLoop(b *testing.B) {
	for i := 0; i < b.N; i++ {
		ctx, cancel := context.WithTimeout(parent, time.Second)
		if err := work(ctx); err != nil {
			return
		}
		cancel()
	}
}

// Reported: one per round of b.N.
func discardedPerRound(b *testing.B) {
	for i := 0; i < b.N; i++ {
		ctx, _ := context.WithTimeout(parent, time.Second) // want `discarded`
		_ = work(ctx)
	}
}

// Reported: one per message that continues.
func perMessage(t *testing.T, ch chan int) {
	for range ch {
		ctx, cancel := context.WithTimeout(parent, time.Second) // want `is not called on the path through the continue at line 83`
		if flag {
			continue
		}
		cancel()
		_ = work(ctx)
	}
} // cancel is out of scope at this return: the report names the continue instead

// Reported: overwritten in each round.
func overwrittenPerRound(b *testing.B) {
	ctx := parent
	var cancel context.CancelFunc
	for range b.N {
		ctx, cancel = context.WithTimeout(ctx, time.Second) // want `overwrites, in the loop's next iteration`
	}
	cancel()
}

// Reported: the function literal runs once per round.
func literalPerRound(b *testing.B) {
	for i := 0; i < b.N; i++ {
		func() {
			ctx, cancel := context.WithTimeout(parent, time.Second) // want `is not called on the path to the return at line 106`
			if work(ctx) != nil {
				return
			}
			cancel()
		}()
	}
}

// Reported: the same shape as neverCalledOnce, outside test code.
func neverCalledOutsideTests() {
	ctx, cancel := context.WithTimeout(parent, time.Second) // want `never called`
	_ = cancel
	_ = work(ctx)
}
