package fixes // want package:"analyzed, acquiring"

// A cancel function that may be nil beside no error, and the parameters handed
// to the function that returns it.

import (
	"context"
	"time"
)

func work(context.Context) error { return nil }

// withoutDeadline adds a timeout only when the context has none: otherwise its
// cancel function is nil.
func withoutDeadline(ctx context.Context) (context.Context, context.CancelFunc) { // want withoutDeadline:`^fresh cancel in result 1 \(may be nil\)$` withoutDeadline:`^owns params \[0\]$`
	if _, ok := ctx.Deadline(); ok {
		return ctx, nil
	}
	return context.WithTimeout(ctx, time.Second)
}

// discardedMayBeNil hands parent to withoutDeadline and discards the cancel
// function.
func discardedMayBeNil(parent context.Context) { // want discardedMayBeNil:`^owns params \[0\]$`
	ctx, _ := withoutDeadline(parent)
	_ = work(ctx)
}

// neverCalledMayBeNil does the same, through a variable.
func neverCalledMayBeNil(parent context.Context) { // want neverCalledMayBeNil:`^owns params \[0\]$`
	ctx, cancel := withoutDeadline(parent)
	_ = cancel
	_ = work(ctx)
}
