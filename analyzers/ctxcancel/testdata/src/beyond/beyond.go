// Package beyond holds what ctxcancel reports beyond go vet's lostcancel.
package beyond

import (
	"context"
	"errors"
	"iter"
	"os"
	"os/signal"
	"testing"
	"time"
)

var parent = context.Background()

func work(context.Context) error { return nil }

func dropped() {
	context.WithTimeout(parent, time.Second) // want `the results of context.WithTimeout are dropped, and with them its cancel function`
}

func causeVariants() {
	ctx, _ := context.WithTimeoutCause(parent, time.Second, nil)           // want `the cancel function returned by context.WithTimeoutCause is discarded`
	ctx, _ = context.WithDeadlineCause(parent, time.Now(), errors.New("")) // want `the cancel function returned by context.WithDeadlineCause is discarded`
	ctx, _ = context.WithCancelCause(parent)                               // want `the cancel function returned by context.WithCancelCause is discarded`
	_ = ctx
}

func notify() error {
	ctx, stop := signal.NotifyContext(parent, os.Interrupt) // want `the stop function returned by signal.NotifyContext is not called on the path to the return at line 32`
	if err := work(ctx); err != nil {
		return err
	}
	stop()
	return nil
}

func notifyDiscarded() {
	ctx, _ := signal.NotifyContext(parent, os.Interrupt) // want `the stop function returned by signal.NotifyContext is discarded, so the signal stays registered`
	_ = work(ctx)
}

func notifyDeferred() {
	ctx, stop := signal.NotifyContext(parent, os.Interrupt)
	defer stop()
	_ = work(ctx)
}

func errorPath() error {
	ctx, cancel := context.WithTimeout(parent, time.Second) // want `not called on the path to the return at line 52`
	if err := work(ctx); err != nil {
		return err
	}
	defer cancel()
	return work(ctx)
}

func overwrittenInLoop() {
	var cancel context.CancelFunc
	ctx := parent
	for i := 0; i < 3; i++ {
		ctx, cancel = context.WithTimeout(parent, time.Second) // want `this assignment overwrites, in the loop's next iteration, the cancel function it stored before`
		if work(ctx) == nil {
			break
		}
	}
	cancel()
}

func overwrittenTwice() {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	ctx, cancel = context.WithTimeout(ctx, 2*time.Second) // want `this assignment overwrites cancel from line 71 before it is called, so that context is not released until its deadline passes \(or its parent is done\): keep the first cancel function and defer it too, or derive this context from the first one's parent`
	defer cancel()
	_ = work(ctx)
}

func cancelledBeforeOverwrite(ds []time.Duration) {
	var cancel context.CancelFunc
	for _, d := range ds {
		if cancel != nil {
			cancel()
		}
		var ctx context.Context
		ctx, cancel = context.WithTimeout(parent, d)
		_ = work(ctx)
	}
	if cancel != nil {
		cancel()
	}
}

func nilGuardAfterCreation() {
	_, cancel := context.WithCancel(parent)
	if cancel == nil {
		return // cancel is not nil here
	}
	cancel()
}

func nextIteration(ds []time.Duration) {
	for {
		ctx, cancel := context.WithTimeout(parent, time.Second) // want `the cancel function returned by context.WithTimeout is not called before the loop starts its next iteration`
		if work(ctx) != nil {
			continue
		}
		cancel()
	}
}

func labelledLoop(rows [][]time.Duration) {
outer:
	for _, row := range rows {
		for _, d := range row {
			ctx, cancel := context.WithTimeout(parent, d) // want `not called on the path through the continue at line 116, .*: call cancel\(\) before the continue \(not with defer`
			if work(ctx) != nil {
				continue outer
			}
			cancel()
		}
	}
} // cancel is out of scope at this return: the report names the continue instead

func rangeOverFunc(seq iter.Seq[time.Duration]) {
	for d := range seq {
		ctx, cancel := context.WithTimeout(parent, d) // want `not called on the path through the break at line 127, .*: call cancel\(\) before the break`
		if work(ctx) != nil {
			break
		}
		cancel()
	}
} // cancel is out of scope at this return: the report names the break instead

func ignore(f func()) {}

func forward(f func()) {
	if f != nil {
		ignore(f)
	}
}

func call(f func()) { f() }

func passedToInert() {
	ctx, cancel := context.WithCancel(parent) // want `never called \(forward never calls it\)`
	forward(cancel)
	_ = work(ctx)
}

func passedToCaller() {
	_, cancel := context.WithCancel(parent)
	call(cancel)
}

func passedToUnknown(f func(func()), g interface{ Do(func()) }) {
	_, c1 := context.WithCancel(parent)
	f(c1)
	_, c2 := context.WithCancel(parent)
	g.Do(c2)
}

func cleanup(t *testing.T) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	t.Cleanup(cancel)
	_ = work(ctx)
}

func goroutineCalls(done chan struct{}) context.Context {
	ctx, cancel := context.WithCancel(parent)
	go func() {
		<-done
		cancel()
	}()
	return ctx
}

func afterFunc() {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	stop := context.AfterFunc(ctx, func() {})
	_ = stop
	context.AfterFunc(ctx, cancel)
}

func returnsWrapped() (context.Context, func()) {
	ctx, cancel := context.WithCancel(parent)
	return ctx, func() { cancel() }
}

func returnsOnSuccess() (context.Context, context.CancelFunc, error) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	if err := work(ctx); err != nil {
		cancel()
		return nil, nil, err
	}
	return ctx, cancel, nil
}

func usesHelper() error {
	ctx, cancel, err := returnsOnSuccess() // want `the cancel function returned by returnsOnSuccess is not called on the path to the return at line 204`
	if err != nil {
		return err
	}
	if work(ctx) != nil {
		return nil
	}
	cancel()
	_, stop := returnsWrapped()
	defer stop()
	return nil
}

// The paired error is tested after an unrelated condition: while err is not
// assigned again, its non-nil branch still holds no cancel function (unclosed
// follows the same rule for its paired error: see its paired.checksErrorLater).
func checksErrorLater(verbose bool) error {
	ctx, cancel, err := returnsOnSuccess() // quiet: the error branch has no cancel function to call
	if verbose {
		println("started")
	}
	if err != nil {
		return err
	}
	defer cancel()
	return work(ctx)
}

func aliased() {
	_, cancel := context.WithCancel(parent)
	c := cancel
	defer c()
}

// Known false negative: the deferred closure calls whatever cancel holds when it
// runs, so the first cancel function is never called.
func deferredClosureThenOverwrite() {
	ctx, cancel := context.WithCancel(parent)
	defer func() { cancel() }()
	ctx, cancel = context.WithTimeout(ctx, time.Second)
	_ = work(ctx)
}

// Known false negative: a panic runs deferred calls, but none calls cancel.
func panics() {
	_, cancel := context.WithCancel(parent)
	if true {
		panic("x")
	}
	cancel()
}

type options struct{ ctx context.Context }

// The second WithTimeout runs only when the context has no deadline, which the
// first one gave it.
func defaultDeadline(o *options, wait time.Duration) context.CancelFunc {
	var cancel context.CancelFunc
	if o.ctx == nil {
		o.ctx, cancel = context.WithTimeout(parent, wait)
	}
	if _, ok := o.ctx.Deadline(); !ok {
		o.ctx, cancel = context.WithTimeout(o.ctx, wait)
	}
	return cancel
}

// Waiting for the derived context to be done releases it.
func retryUntilDone(ch chan struct{}) {
	for {
		ctx, cancel := context.WithTimeout(parent, time.Second)
		_ = work(ctx)
		select {
		case <-ctx.Done():
		case <-ch:
			cancel()
			return
		}
	}
}

func waitThenRetry() {
	for {
		ctx, cancel := context.WithTimeout(parent, time.Second)
		if work(ctx) == nil {
			cancel()
			return
		}
		<-ctx.Done()
	}
}

// The second context does not derive from the first: cancelling the first before
// the assignment is the fix.
func overwrittenFromParent() {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	_ = work(ctx)
	ctx, cancel = context.WithTimeout(parent, 2*time.Second) // want `this assignment overwrites cancel from line 294 before it is called, so that context is never released: call cancel\(\) first`
	defer cancel()
	_ = work(ctx)
}

// Quiet: the loop carries cancel from one iteration to the next, and a later
// iteration releases what an earlier one stored: the stop branch cancels what
// the start branch started (river's queue maintainer leader). That starts and
// stops alternate is a protocol the path search cannot see.
func startStop(ctx context.Context, events <-chan bool) {
	cancel := context.CancelFunc(func() {})
	for {
		select {
		case <-ctx.Done():
			cancel()
			return
		case start := <-events:
			if start {
				var runCtx context.Context
				runCtx, cancel = context.WithCancel(ctx) // known false negative: two starts in a row would leak the first context
				go func() { _ = work(runCtx) }()
			} else {
				cancel()
			}
		}
	}
}

// The only call is in the iteration that stored the function, on the error
// branch: each iteration was meant to release its own, and the other branch goes
// round and overwrites it. (A call after the loop does not count either: see
// overwrittenInLoop.)
func releasedOnlyOnError(ctx context.Context, ds []time.Duration) {
	var cancel context.CancelFunc
	for _, d := range ds {
		var runCtx context.Context
		runCtx, cancel = context.WithTimeout(ctx, d) // want `this assignment overwrites, in the loop's next iteration, the cancel function it stored before, which is never called, so each iteration leaks a context: call cancel\(\) before the iteration ends` `not called on the path to the end of the function at line 338`
		if work(runCtx) != nil {
			cancel()
			continue
		}
	}
}

// In a loop, no report advises defer: deferred calls would keep every
// iteration's context until the function returns.
func droppedInLoop(ds []time.Duration) {
	for _, d := range ds {
		context.WithTimeout(parent, d) // want `the results of context.WithTimeout are dropped, .*: assign it and call cancel\(\) before the iteration ends$`
	}
}

func neverCalledInLoop(ds []time.Duration) error {
	for _, d := range ds {
		ctx, cancel := context.WithTimeout(parent, d) // want `never called \(_ = cancel does not call it\), .*: call cancel\(\) on every path before the iteration ends or the function returns \(not with defer, which would keep every iteration's context until the function returns\)$`
		_ = cancel
		if err := work(ctx); err != nil {
			return err
		}
	}
	return nil
}

// filterRequest fails only when given a filter it cannot use.
func filterRequest(filter *string) (string, error) {
	if filter != nil && *filter == "" {
		return "", errors.New("empty filter")
	}
	return "request", nil
}

func subscribe(ctx context.Context, req string) error { return work(ctx) }

// Known false positive: filterRequest returns an error only for a non-nil
// filter, and this caller passes a literal nil, so the return that leaks the
// context never runs. Seeing that needs the helper's error paths tied to its
// arguments' values, which ctxcancel does not track (doc.go, known limits).
func subscribeUnfiltered() error {
	ctx, cancel := context.WithTimeout(parent, time.Minute) // want `is not called on the path to the return at line 377`
	req, err := filterRequest(nil)
	if err != nil {
		return err
	}
	defer cancel()
	return subscribe(ctx, req)
}
