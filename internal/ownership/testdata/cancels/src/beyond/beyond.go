// Package beyond holds the cancel facts of shapes go vet's lostcancel does not // want package:"analyzed, acquiring"
// follow: function parameters called, and cancel functions returned wrapped, on
// success only, or from one of two derivations.
package beyond

import (
	"context"
	"iter"
	"time"
)

var parent = context.Background()

func work(context.Context) error { return nil }

// rangeOverFunc ranges over seq, which calls it.
func rangeOverFunc(seq iter.Seq[time.Duration]) { // want rangeOverFunc:`^owns params \[0\]$`
	for d := range seq {
		ctx, cancel := context.WithTimeout(parent, d)
		_ = work(ctx)
		cancel()
	}
}

// call calls f.
func call(f func()) { f() } // want call:`^owns params \[0\]$`

// No fact: ignore neither calls nor keeps f, so a cancel function passed to it is
// not called (it is inert).
func ignore(f func()) {}

// No fact: forward only hands f to ignore.
func forward(f func()) {
	if f != nil {
		ignore(f)
	}
}

// passedToUnknown calls f (with a cancel function); g's method is called, not g.
func passedToUnknown(f func(func()), g interface{ Do(func()) }) { // want passedToUnknown:`^owns params \[0\]$`
	_, c1 := context.WithCancel(parent)
	f(c1)
	_, c2 := context.WithCancel(parent)
	g.Do(c2)
}

// returnsWrapped returns its cancel function inside a literal that calls it.
func returnsWrapped() (context.Context, func()) { // want returnsWrapped:`^fresh cancel in result 1$`
	ctx, cancel := context.WithCancel(parent)
	return ctx, func() { cancel() }
}

// returnsOnSuccess calls cancel on its error path and returns it otherwise.
func returnsOnSuccess() (context.Context, context.CancelFunc, error) { // want returnsOnSuccess:`^fresh cancel in result 1$`
	ctx, cancel := context.WithTimeout(parent, time.Second)
	if err := work(ctx); err != nil {
		cancel()
		return nil, nil, err
	}
	return ctx, cancel, nil
}

type options struct{ ctx context.Context }

// defaultDeadline's second WithTimeout runs only when the context has no
// deadline, which the first one gave it: the cancel function is not nil.
func defaultDeadline(o *options, wait time.Duration) context.CancelFunc { // want defaultDeadline:`^fresh cancel in result 0$`
	var cancel context.CancelFunc
	if o.ctx == nil {
		o.ctx, cancel = context.WithTimeout(parent, wait)
	}
	if _, ok := o.ctx.Deadline(); !ok {
		o.ctx, cancel = context.WithTimeout(o.ctx, wait)
	}
	return cancel
}
