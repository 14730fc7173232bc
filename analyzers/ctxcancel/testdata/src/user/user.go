package user

import (
	"context"

	"helper"
)

var parent = context.Background()

func work(context.Context) error { return nil }

func discarded() {
	ctx, _ := helper.WithTimeout(parent) // want `the cancel function returned by helper.WithTimeout is discarded`
	_ = work(ctx)
	var c helper.Client
	ctx, _ = c.Timeout(parent) // want `the cancel function returned by helper.Client.Timeout is discarded`
	_ = work(ctx)
	ctx, _ = helper.Chained(parent) // want `returned by helper.Chained is discarded`
	_ = work(ctx)
	ctx, _ = helper.Deferred(parent)
	_ = helper.Managed(parent, nil)
}

func errorPath() error {
	ctx, cancel := helper.WithTimeout(parent) // want `the cancel function returned by helper.WithTimeout is not called on the path to the return at line 28`
	if err := work(ctx); err != nil {
		return err
	}
	cancel()
	return nil
}

func inert() {
	_, cancel := context.WithCancel(parent) // want `never called \(helper.Ignore never calls it\)`
	helper.Ignore(cancel)
}

func inertForwarded() {
	_, cancel := context.WithCancel(parent) // want `never called`
	helper.Forward(parent, cancel)
}

func called() {
	_, c1 := context.WithCancel(parent)
	helper.Call(c1)
	_, c2 := context.WithCancel(parent)
	helper.Keep(c2)
	_, done := helper.Detached(parent)
	defer done()
}

// Quiet: a failed TaskContext returns a *HandlerError, an error of a concrete type,
// and no cancel function (temporal's goContextForTask).
func taskError(timeout string) error {
	ctx, cancel, herr := helper.TaskContext(parent, timeout)
	if herr != nil {
		return herr
	}
	defer cancel()
	return work(ctx)
}

func taskErrorLeak(timeout string) error {
	ctx, cancel, herr := helper.TaskContext(parent, timeout) // want `the cancel function returned by helper.TaskContext is not called on the path to the return at line 70, .*: call cancel\(\) on every path, usually with defer`
	if herr != nil {
		return herr
	}
	if err := work(ctx); err != nil {
		return err
	}
	cancel()
	return nil
}

// Quiet: the nil test guards the deferred call of a cancel function that may be
// nil.
func withoutDeadline() error {
	ctx, cancel := helper.WithoutDeadline(parent)
	if cancel != nil {
		defer cancel()
	}
	return work(ctx)
}

func withoutDeadlineLeak() error {
	ctx, cancel := helper.WithoutDeadline(parent) // want `not called on the path to the return at line 89, .*: call it on every path, usually: write if cancel != nil \{ defer cancel\(\) \} after this line`
	if err := work(ctx); err != nil {
		return err
	}
	if cancel != nil {
		cancel()
	}
	return nil
}

// In a loop (neo4j's dechunkMessage), a deferred call would keep every
// iteration's context until the function returns: the advice is to call it
// before the iteration ends or the function returns.
func withoutDeadlineInLoop(chunks int) error {
	for range chunks {
		ctx, cancel := helper.WithoutDeadline(parent) // want `not called on the path to the return at line 104, .*: run if cancel != nil \{ cancel\(\) \} on every path before the iteration ends or the function returns \(not with defer`
		if err := work(ctx); err != nil {
			return err
		}
		if cancel != nil {
			cancel()
		}
	}
	return nil
}

func withoutDeadlineDiscarded() {
	ctx, _ := helper.ChainedWithoutDeadline(parent) // want `discarded, .*: assign it and write if cancel != nil \{ defer cancel\(\) \}$`
	_ = work(ctx)
}

// Quiet: AsyncCopy's own goroutine calls the cancel function it returns when the
// copy is done; the caller calls it only to interrupt the copy
// (aws-lambda-runtime-interface-emulator's sendStreamingInvokeResponse).
func asyncCopy(reset chan struct{}) error {
	done, cancel := helper.AsyncCopy(parent)
	select {
	case err := <-done:
		return err
	case <-reset:
		cancel()
		return <-done
	}
}

// Quiet: the goroutine AsyncWatch starts calls the cancel function when stop is
// closed.
func asyncWatch(stop chan struct{}) error {
	ctx, _ := helper.AsyncWatch(parent, stop)
	return work(ctx)
}

func asyncNoCancel(reset chan struct{}) error {
	done, cancel := helper.AsyncNoCancel(parent) // want `the cancel function returned by helper.AsyncNoCancel is not called on the path to the return at line 143`
	select {
	case err := <-done:
		return err
	case <-reset:
		cancel()
		return <-done
	}
}

func asyncIgnored() error {
	ctx, _ := helper.AsyncIgnored(parent) // want `the cancel function returned by helper.AsyncIgnored is discarded`
	return work(ctx)
}

// Known false positive: NewCancellable's context derives from
// context.Background() and nothing waits on its Done channel, so its lost cancel
// function costs nothing. "Holds nothing" is not carried through helpers: a
// helper's context of Background is as often the stop signal of goroutines that
// the helper or the value it returns starts (fields' startService), and the
// facts cannot tell a waiter on its Done channel inside that value from a test
// of its Err.
func cancellableDropped() error {
	c, _ := helper.NewCancellable() // want `the cancel function returned by helper.NewCancellable is discarded`
	return c.Err()
}
