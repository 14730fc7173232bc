// Package helper returns and accepts cancel functions; its facts reach package user. // want package:"analyzed, acquiring"
package helper

import (
	"context"
	"time"
)

func WithTimeout(ctx context.Context) (context.Context, context.CancelFunc) { // want WithTimeout:`^fresh cancel in result 1$` WithTimeout:`^owns params \[0\]$`
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	return ctx, cancel
}

func Detached(ctx context.Context) (context.Context, func()) { // want Detached:`^owns params \[0\]$` Detached:`^fresh cancel in result 1$`
	ctx, cancel := context.WithCancel(ctx)
	return ctx, func() {
		cancel()
		println("done")
	}
}

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

// Deferred cancels the context it returns with: callers need not.
func Deferred(ctx context.Context) (context.Context, context.CancelFunc) { // want Deferred:`^owns params \[0\]$`
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	return ctx, cancel
}

type Client struct{}

func (Client) Timeout(ctx context.Context) (context.Context, context.CancelFunc) { // want Timeout:`^fresh cancel in result 1$`
	return context.WithTimeout(ctx, time.Second)
}

func Ignore(f func()) {} // f is inert: no params fact

func Forward(ctx context.Context, f func()) { // f is inert: no params fact
	if f == nil {
		return
	}
	Ignore(f)
}

func Call(f func()) { f() } // want Call:`^owns params \[0\]$`

var kept []func()

func Keep(f func()) { kept = append(kept, f) } // want Keep:`^owns params \[0\]$`

func RunKept() {
	for _, f := range kept {
		f()
	}
}

// WithoutDeadline adds a timeout only when the context has none: otherwise its
// cancel function is nil, beside no error.
func WithoutDeadline(ctx context.Context) (context.Context, context.CancelFunc) { // want WithoutDeadline:`^fresh cancel in result 1 \(may be nil\)$` WithoutDeadline:`^owns params \[0\]$`
	if _, ok := ctx.Deadline(); ok {
		return ctx, nil
	}
	return context.WithTimeout(ctx, time.Second)
}

// ChainedWithoutDeadline passes on WithoutDeadline's nil cancel function.
func ChainedWithoutDeadline(ctx context.Context) (context.Context, context.CancelFunc) { // want ChainedWithoutDeadline:`^fresh cancel in result 1 \(may be nil\)$` ChainedWithoutDeadline:`^owns params \[0\]$`
	return WithoutDeadline(ctx)
}

// HandlerError is an error of a concrete type.
type HandlerError struct{ Message string }

func (e *HandlerError) Error() string { return e.Message }

// TaskContext returns no cancel function when it fails with a *HandlerError: its
// nil cancel function comes with an error, so it may not be nil otherwise.
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
