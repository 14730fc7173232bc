package beyond

import (
	"context"
	"time"
)

// What a lost cancel function costs depends on the kind of context: one with a
// deadline is released by its timer when the deadline passes, any other only
// when its parent is done. The messages say which.

func discardedCancelContext(parent context.Context) error {
	ctx, _ := context.WithCancel(parent) // want `the cancel function returned by context.WithCancel is discarded, so the derived context is not released until its parent is done: assign it and defer cancel\(\)`
	return work(ctx)
}

func discardedTimeoutContext(parent context.Context) error {
	ctx, _ := context.WithTimeout(parent, time.Second) // want `the cancel function returned by context.WithTimeout is discarded, so the derived context and its timer are not released until its deadline passes \(or its parent is done\): assign it and defer cancel\(\)`
	return work(ctx)
}

func discardedDeadlineCauseContext(parent context.Context, d time.Time) error {
	ctx, _ := context.WithDeadlineCause(parent, d, nil) // want `the cancel function returned by context.WithDeadlineCause is discarded, so the derived context and its timer are not released until its deadline passes \(or its parent is done\)`
	return work(ctx)
}

// detach is a helper: its callers cannot tell from here whether its context has
// a deadline, and the message says both.
func detach(parent context.Context) (context.Context, context.CancelFunc) {
	return context.WithCancel(parent)
}

func discardedHelperContext(parent context.Context) error {
	ctx, _ := detach(parent) // want `the cancel function returned by detach is discarded, so the derived context is not released until its parent is done \(or its deadline passes, if it has one\)`
	return work(ctx)
}

func overwrittenCancelContext(p context.Context) {
	ctx, cancel := context.WithCancel(p)
	ctx, cancel = context.WithCancel(ctx) // want `this assignment overwrites cancel from line \d+ before it is called, so that context is not released until its parent is done: keep the first cancel function`
	defer cancel()
	_ = work(ctx)
}
