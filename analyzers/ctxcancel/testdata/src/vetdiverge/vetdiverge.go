// Package vetdiverge holds the shapes go vet's lostcancel reports and ctxcancel
// deliberately does not, each line marked with a comment "divergence:" and the
// reason; TestCases/MatchesVet checks that vet reports every marked line, and
// that every other line vet reports here is reported by ctxcancel too. Beside each
// one stands the nearest shape that stays reported.
package vetdiverge

import (
	"context"
	"testing"
	"time"
)

var parent = context.Background()

var flag bool

func work(context.Context) error { return nil }

// A cancel context of context.Background() or context.TODO() registers with
// nothing: its parent is never done, so there is nothing to release.

func cancelOfBackground() {
	ctx, cancel := context.WithCancel(context.Background()) // divergence: holds nothing
	if flag {
		cancel()
	}
	_ = work(ctx)
} // divergence: holds nothing

func cancelOfTODODiscarded() {
	ctx, _ := context.WithCancelCause(context.TODO()) // divergence: holds nothing
	_ = work(ctx)
}

// A timer context of Background holds its timer until the deadline: reported.
func timerOfBackground() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute) // want `is not called on the path to the end of the function at line 43`
	if flag {
		cancel()
	}
	_ = work(ctx)
}

// A cancel context of a context that can be done registers with it: reported.
func cancelOfParent() {
	ctx, _ := context.WithCancel(parent) // want `discarded`
	_ = work(ctx)
}

// A derived context handed on to an owner: the owner decides when it is done.

func returned(ctx context.Context, d time.Duration) context.Context {
	if d != 0 {
		ctx, _ = context.WithTimeout(ctx, d) // divergence: returned to the caller, who owns it
	}
	return ctx
}

type conn struct {
	ctx context.Context
}

func stored(flaky bool) (*conn, error) {
	ctx, cancel := context.WithCancel(parent) // want `is not called on the path to the return at line 67`
	if flaky {
		return nil, nil
	}
	if err := work(ctx); err != nil {
		cancel()
		return nil, err
	}
	return &conn{ctx: ctx}, nil // the conn owns the context from here: this path is not reported
}

func storedOnEveryPath() *conn {
	ctx, cancel := context.WithCancel(parent) // divergence: the conn owns the context
	if flag {
		cancel()
		return nil
	}
	return &conn{ctx: ctx} // divergence: the conn owns the context
}

func toGoroutine(done chan error) {
	ctx, _ := context.WithTimeout(parent, time.Minute) // divergence: the goroutine owns the context
	go func() { done <- work(ctx) }()
}

// Used only by calls in the function: reported, as vet does.
func usedLocally() error {
	ctx, _ := context.WithTimeout(parent, time.Minute) // want `discarded`
	return work(ctx)
}

// Handed on in a loop: each iteration leaves one more context registered with the
// parent, which an owner done with it does not undo. Reported.
func handedOnInLoop(n int, done chan error) {
	for range n {
		ctx, _ := context.WithCancel(parent) // want `discarded`
		go func() { done <- work(ctx) }()
	}
}

// In test code, a cancel function lost once per test costs the test's lifetime at
// most (see package testbounds for the loops that repeat it).

func lostInTest(t *testing.T) {
	ctx, cancel := context.WithTimeout(parent, time.Second) // divergence: once per test
	if flag {
		t.Fatal("flag")
	}
	if err := work(ctx); err != nil {
		cancel()
	}
} // divergence: once per test

func discardedInTest(t *testing.T) {
	ctx, _ := context.WithTimeout(parent, 20*time.Millisecond) // divergence: once per test
	if err := work(ctx); err != nil {
		t.Fatal(err)
	}
}

// A parent given through a local variable whose only value is Background or
// TODO holds nothing either: the call's own assignment to the variable comes
// after the call reads it, and nothing brings control back round.
func cancelOfBackgroundVar() {
	ctx := context.Background()
	ctx, cancel := context.WithCancel(ctx) // divergence: the parent is Background, through ctx
	if flag {
		return // divergence: holds nothing
	}
	cancel()
	_ = work(ctx)
}

func cancelOfTODOVar() {
	var base context.Context
	base = context.TODO()
	ctx, _ := context.WithCancel(base) // divergence: the parent is TODO, through base
	_ = work(ctx)
}

// The same variable, when another value may reach the call: reported.
func cancelOfMaybeParentVar() {
	ctx := context.Background()
	if flag {
		ctx = parent
	}
	ctx, _ = context.WithCancel(ctx) // want `discarded`
	_ = work(ctx)
}

// In a loop, the second round's parent is the first round's derived context,
// which registers with it: reported.
func cancelOfBackgroundVarInLoop(n int) {
	ctx := context.Background()
	for range n {
		var cancel context.CancelFunc
		ctx, cancel = context.WithCancel(ctx) // want `overwrites, in the loop.s next iteration` `not called on the path through the end of the loop body at line 165`
		if flag {
			cancel()
		}
	}
	_ = work(ctx)
} // divergence: cancel, declared in the loop body, is out of scope at this return; the report at line 161 names where the path leaves the body

// Its address taken, the variable may be set through the pointer: reported.
func cancelOfBackgroundVarAddressed(set func(*context.Context)) {
	ctx := context.Background()
	set(&ctx)
	ctx, _ = context.WithCancel(ctx) // want `discarded`
	_ = work(ctx)
}
