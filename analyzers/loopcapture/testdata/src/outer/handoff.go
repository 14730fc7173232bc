package outer

import (
	"context"
	"io"
	"time"
)

type timedBody struct {
	io.ReadCloser
	stop context.CancelFunc
}

func attempt(context.Context) (io.ReadCloser, error) { return nil, nil }

// A retry loop that hands the last attempt's cancel function on: it stores it in
// the body it returns, then clears cancel (cancel = nil) so that the deferred
// function, which tests cancel against nil, cancels only what is still held. The
// deferred function wants the latest value; passing cancel as an argument would
// cancel the context handed on with the body. Quiet.
func retryHandingOn(parent context.Context, tries int) (io.ReadCloser, error) {
	var cancel context.CancelFunc
	var body io.ReadCloser
	var err error
	for range tries {
		ctx := parent
		ctx, cancel = context.WithTimeout(ctx, time.Second)
		defer func() {
			if cancel != nil { // nil once handed on
				cancel()
			}
		}()
		body, err = attempt(ctx)
		if err == nil {
			break
		}
	}
	if cancel != nil {
		body = &timedBody{ReadCloser: body, stop: cancel}
		cancel = nil
	}
	return body, err
}

// The same, clearing cancel inside the loop after handing it on: quiet.
func retryHandingOnInLoop(parent context.Context, tries int) (io.ReadCloser, error) {
	var cancel context.CancelFunc
	for range tries {
		var ctx context.Context
		ctx, cancel = context.WithTimeout(parent, time.Second)
		defer func() {
			if cancel == nil {
				return // handed on
			}
			cancel()
		}()
		body, err := attempt(ctx)
		if err == nil {
			b := &timedBody{ReadCloser: body, stop: cancel}
			cancel = nil
			return b, nil
		}
	}
	return nil, context.Canceled
}

// A nil guard alone is no hand-off: nothing clears cancel, so every deferred
// call cancels the last attempt's context only. Reported.
func retryGuardOnly(parent context.Context, tries int) {
	var cancel context.CancelFunc
	for range tries {
		var ctx context.Context
		ctx, cancel = context.WithTimeout(parent, time.Second)
		defer func() {
			if cancel != nil { // want `the deferred function reads cancel, which is declared outside the loop and assigned again on later iterations`
				cancel()
			}
		}()
		if _, err := attempt(ctx); err == nil {
			return
		}
	}
}

// Cleared, but the deferred function calls it without a test: not the hand-off
// shape (resubscribe in lazy.go is the same). Reported.
func retryClearedUnguarded(parent context.Context, tries int) {
	var cancel context.CancelFunc
	for range tries {
		var ctx context.Context
		ctx, cancel = context.WithTimeout(parent, time.Second)
		defer func() { cancel() }() // want `the deferred function reads cancel, which is declared outside the loop and assigned again on later iterations`
		if _, err := attempt(ctx); err == nil {
			cancel = nil
		}
	}
}

// A goroutine reading a variable the loop clears races with the loop: reported.
func goroutineCleared(parent context.Context, tries int) {
	var cancel context.CancelFunc
	for range tries {
		_, cancel = context.WithTimeout(parent, time.Second)
		go func() {
			if cancel != nil { // want `the goroutine reads cancel`
				cancel()
			}
		}()
		cancel = nil
	}
}
