// Package parents holds derived contexts whose own cancel function is lost but
// whose parent, derived in the same function, is cancelled on every path:
// cancelling a context cancels every context derived from it, so the child
// lives no longer than the parent (measurement 23: buildkit).
package parents

import (
	"context"
	"errors"
	"time"
)

func upload(context.Context) error { return nil }

// Quiet: buildkit's shape. The parent is the value ctx held before the second
// statement, and the deferred call cancels it, with the child, at every return.
func withCause(ctx context.Context) error {
	ctx, cancel := context.WithCancelCause(ctx)
	ctx, _ = context.WithTimeoutCause(ctx, time.Minute, errors.New("timeout")) //nolint:govet
	defer cancel(errors.New("done"))
	return upload(ctx)
}

// Quiet: the deferred call registered before the child holds the parent's
// cancel function.
func deferredFirst(ctx context.Context) error {
	parent, cancel := context.WithCancel(ctx)
	defer cancel()
	child, _ := context.WithTimeout(parent, time.Second)
	return upload(child)
}

// Quiet: a deferred closure, and the child's own cancel function not called on
// the error path: the parent's cancellation covers it.
func closure(ctx context.Context) error {
	ctx, cancel := context.WithCancelCause(ctx)
	child, stop := context.WithTimeout(ctx, time.Second)
	defer func() { cancel(errors.New("done")) }()
	if err := upload(child); err != nil {
		return err
	}
	stop()
	return nil
}

// Quiet: called, not deferred, on every path from the child.
func calledOnEachPath(ctx context.Context) error {
	parent, cancel := context.WithCancel(ctx)
	child, _ := context.WithTimeout(parent, time.Second)
	if err := upload(child); err != nil {
		cancel()
		return err
	}
	cancel()
	return nil
}

// Quiet: a chain. The middle context's cancel function is discarded too, but it
// is released with the first, whose cancel function is deferred.
func chain(ctx context.Context) error {
	first, cancel := context.WithCancel(ctx)
	defer cancel()
	middle := context.WithValue(first, key{}, 1)
	second, _ := context.WithTimeout(middle, time.Second)
	third, _ := context.WithTimeout(second, time.Millisecond)
	return upload(third)
}

type key struct{}

// Quiet: a parent per iteration, whose cancel function is deferred in the same
// iteration (buildkit's session group; the pile-up of deferred calls in a loop
// is deferloop's to report, and the child costs no more than its parent).
func perIteration(ctx context.Context, ids []string) error {
	for range ids {
		timeoutCtx, cancel := context.WithCancelCause(ctx)
		timeoutCtx, _ = context.WithTimeoutCause(timeoutCtx, time.Second, errors.New("timeout")) //nolint:govet
		defer func() { cancel(errors.New("done")) }()
		if upload(timeoutCtx) == nil {
			return nil
		}
	}
	return nil
}

// Quiet: buildkit's executor. The parent is stored by one select case and
// cancelled by the others, which end the function; a later iteration releases
// what an earlier one stored, the protocol ctxcancel trusts for a cancel
// function itself (see releasedLater).
func events(ctx context.Context, status <-chan int) error {
	var cancel func(error)
	var killDone <-chan struct{}
	ctxDone := ctx.Done()
	for {
		select {
		case <-ctxDone:
			ctxDone = nil
			var killCtx context.Context
			killCtx, cancel = context.WithCancelCause(context.Background())
			killCtx, _ = context.WithTimeoutCause(killCtx, 10*time.Second, errors.New("timeout")) //nolint:govet
			killDone = killCtx.Done()
			_ = upload(killCtx)
		case <-status:
			if cancel != nil {
				cancel(errors.New("exited"))
			}
			return nil
		case <-killDone:
			if cancel != nil {
				cancel(errors.New("killed"))
			}
			return errors.New("failed to kill")
		}
	}
}

// Reported: the parent's cancel function is not called on the early return,
// which the child reaches.
func parentNotOnEveryPath(ctx context.Context, fail bool) error {
	ctx, cancel := context.WithCancel(ctx)         // want `not called on the path to the return at line 123`
	ctx, _ = context.WithTimeout(ctx, time.Second) // want `discarded`
	if fail {
		return errors.New("failed")
	}
	defer cancel()
	return upload(ctx)
}

// Reported: the parent is the caller's context, which this function does not
// cancel.
func parentIsParameter(ctx context.Context) error {
	child, _ := context.WithTimeout(ctx, time.Second) // want `discarded`
	return upload(child)
}

// Reported: context.Background() is never cancelled.
func parentIsBackground() error {
	child, _ := context.WithTimeout(context.Background(), time.Second) // want `discarded`
	return upload(child)
}

// Reported: the variable may still hold the caller's context on one path (the
// derivation is conditional), so the parent is not always the derived one.
func conditionalParent(ctx context.Context, scoped bool) error {
	if scoped {
		var cancel context.CancelFunc
		ctx, cancel = context.WithCancel(ctx)
		defer cancel()
	}
	child, _ := context.WithTimeout(ctx, time.Second) // want `discarded`
	return upload(child)
}

// Reported: a child per iteration from a parent made before the loop: each
// iteration leaves one more timer registered with the parent until it is
// cancelled at the return.
func loopBeforeParent(ctx context.Context, ids []string) error {
	parent, cancel := context.WithCancel(ctx)
	defer cancel()
	for range ids {
		child, _ := context.WithTimeout(parent, time.Second) // want `discarded`
		_ = upload(child)
	}
	return nil
}

// Reported: the parent's cancel function is overwritten before it is called,
// so the first parent, and the child derived from it, are never released.
func parentOverwritten(ctx context.Context) error {
	parent, cancel := context.WithCancel(ctx)
	child, _ := context.WithTimeout(parent, time.Second) // want `discarded`
	_ = upload(child)
	_, cancel = context.WithCancel(ctx) // want `overwrites cancel`
	defer cancel()
	return nil
}

// Known false positive: a parent derived on each branch, each cancelled by the
// deferred call. Two definitions reach the child, and the rule asks for one.
func twoParents(ctx context.Context, long bool) error {
	var cancel context.CancelFunc
	if long {
		ctx, cancel = context.WithTimeout(ctx, time.Hour)
	} else {
		ctx, cancel = context.WithTimeout(ctx, time.Minute)
	}
	defer cancel()
	child, _ := context.WithTimeout(ctx, time.Second) // want `discarded`
	return upload(child)
}
