package fixes

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"time"
)

func work(context.Context) error { return nil }

func discarded(ctx context.Context) error {
	c, _ := context.WithTimeout(ctx, time.Second) // want `discarded`
	return work(c)
}

func discardedVar(parent context.Context) {
	var ctx, _ = context.WithCancel(parent) // want `discarded`
	_ = work(ctx)
}

func discardedCause(parent context.Context) {
	ctx, _ := context.WithCancelCause(parent) // want `discarded`
	if ctx.Err() != nil {
		return
	}
}

func discardedNameTaken(parent context.Context, cancel int) {
	ctx, _ := context.WithTimeout(parent, time.Duration(cancel)) // want `discarded`
	_ = work(ctx)
}

func discardedSignal(parent context.Context) {
	ctx, _ := signal.NotifyContext(parent, os.Interrupt) // want `discarded`
	<-ctx.Done()
}

func neverCalled(parent context.Context) {
	ctx, cancel := context.WithTimeout(parent, time.Second) // want `never called`
	_ = cancel
	_ = work(ctx)
} // want `this return leaks`

// No fix: the derived context is returned.
func escapes(parent context.Context) context.Context {
	ctx, _ := context.WithTimeout(parent, time.Second) // want `discarded`
	return ctx
}

// No fix: the derived context is returned inside a request.
func escapesInRequest(r *http.Request) *http.Request {
	ctx, _ := context.WithTimeout(r.Context(), time.Second) // want `discarded`
	return r.WithContext(ctx)
}

// No fix: a goroutine uses the derived context.
func escapesToGoroutine(parent context.Context) {
	ctx, _ := context.WithCancel(parent) // want `discarded`
	go work(ctx)
}

// No fix: defers in a loop pile up.
func inLoop(parent context.Context, n int) {
	for range n {
		ctx, _ := context.WithTimeout(parent, time.Second) // want `discarded`
		_ = work(ctx)
	}
}

// No fix: = may not declare the name.
func assigned(parent context.Context) {
	var ctx context.Context
	ctx, _ = context.WithTimeout(parent, time.Second) // want `discarded`
	_ = work(ctx)
}
