// Package helper returns and accepts cancel functions: fresh results, some of // want package:"analyzed, acquiring"
// which may be nil, and function parameters called, kept or inert.
package helper

import (
	"context"
	"time"
)

func WithTimeout(ctx context.Context) (context.Context, context.CancelFunc) { // want WithTimeout:`^fresh cancel in result 1$` WithTimeout:`^owns params \[0\]$`
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	return ctx, cancel
}

// Detached returns a literal that calls the cancel function.
func Detached(ctx context.Context) (context.Context, func()) { // want Detached:`^owns params \[0\]$` Detached:`^fresh cancel in result 1$`
	ctx, cancel := context.WithCancel(ctx)
	return ctx, func() {
		cancel()
		println("done")
	}
}

// Chained returns WithTimeout's fresh cancel function.
func Chained(ctx context.Context) (context.Context, context.CancelFunc) { // want Chained:`^fresh cancel in result 1$` Chained:`^owns params \[0\]$`
	return WithTimeout(ctx)
}

// Managed cancels its own context: nothing to return.
func Managed(ctx context.Context, done chan struct{}) context.Context { // want Managed:`^owns params \[0\]$`
	ctx, cancel := context.WithCancel(ctx)
	go func() {
		<-done
		cancel()
	}()
	return ctx
}

// Deferred cancels the context it returns with: the cancel function it returns
// is no fresh one.
func Deferred(ctx context.Context) (context.Context, context.CancelFunc) { // want Deferred:`^owns params \[0\]$`
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	return ctx, cancel
}

type Client struct{}

// Timeout is a method returning a fresh cancel function.
func (Client) Timeout(ctx context.Context) (context.Context, context.CancelFunc) { // want Timeout:`^fresh cancel in result 1$`
	return context.WithTimeout(ctx, time.Second)
}

// No fact: Ignore neither calls nor keeps f: f is inert.
func Ignore(f func()) {}

// No fact: Forward only hands f to Ignore: f is inert.
func Forward(ctx context.Context, f func()) {
	if f == nil {
		return
	}
	Ignore(f)
}

// Call calls f.
func Call(f func()) { f() } // want Call:`^owns params \[0\]$`

var kept []func()

// Keep stores f.
func Keep(f func()) { kept = append(kept, f) } // want Keep:`^owns params \[0\]$`

// WithoutDeadline adds a timeout only when the context has none: otherwise its
// cancel function is nil, beside no error.
func WithoutDeadline(ctx context.Context) (context.Context, context.CancelFunc) { // want WithoutDeadline:`^fresh cancel in result 1 \(may be nil\)$` WithoutDeadline:`^owns params \[0\]$`
	if _, ok := ctx.Deadline(); ok {
		return ctx, nil
	}
	return context.WithTimeout(ctx, time.Second)
}

// ChainedWithoutDeadline passes on WithoutDeadline's cancel function, which may
// be nil.
func ChainedWithoutDeadline(ctx context.Context) (context.Context, context.CancelFunc) { // want ChainedWithoutDeadline:`^fresh cancel in result 1 \(may be nil\)$` ChainedWithoutDeadline:`^owns params \[0\]$`
	return WithoutDeadline(ctx)
}

type HandlerError struct{ Message string }

func (e *HandlerError) Error() string { return e.Message }

// TaskContext returns no cancel function only beside a *HandlerError: it may not
// be nil otherwise.
func TaskContext(ctx context.Context, timeout string) (context.Context, context.CancelFunc, *HandlerError) { // want TaskContext:`^owns params \[0\]$` TaskContext:`^fresh cancel in result 1$`
	if timeout == "" {
		return ctx, func() {}, nil
	}
	d, err := time.ParseDuration(timeout)
	if err != nil {
		return nil, nil, &HandlerError{err.Error()}
	}
	ctx, cancel := context.WithTimeout(ctx, d)
	return ctx, cancel, nil
}
