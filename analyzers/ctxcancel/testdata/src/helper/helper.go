// Package helper returns and accepts cancel functions; its facts reach package user.
package helper

import (
	"context"
	"time"
)

func WithTimeout(ctx context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	return ctx, cancel
}

func Detached(ctx context.Context) (context.Context, func()) {
	ctx, cancel := context.WithCancel(ctx)
	return ctx, func() {
		cancel()
		println("done")
	}
}

func Chained(ctx context.Context) (context.Context, context.CancelFunc) {
	return WithTimeout(ctx)
}

// Managed cancels its own context: nothing to return.
func Managed(ctx context.Context, done chan struct{}) context.Context {
	ctx, cancel := context.WithCancel(ctx)
	go func() {
		<-done
		cancel()
	}()
	return ctx
}

// Deferred cancels the context it returns with: callers need not.
func Deferred(ctx context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	return ctx, cancel
}

type Client struct{}

func (Client) Timeout(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, time.Second)
}

func Ignore(f func()) {}

func Forward(ctx context.Context, f func()) {
	if f == nil {
		return
	}
	Ignore(f)
}

func Call(f func()) { f() }

var kept []func()

func Keep(f func()) { kept = append(kept, f) }

func RunKept() {
	for _, f := range kept {
		f()
	}
}

// WithoutDeadline adds a timeout only when the context has none: otherwise its
// cancel function is nil, beside no error.
func WithoutDeadline(ctx context.Context) (context.Context, context.CancelFunc) {
	if _, ok := ctx.Deadline(); ok {
		return ctx, nil
	}
	return context.WithTimeout(ctx, time.Second)
}

// ChainedWithoutDeadline passes on WithoutDeadline's nil cancel function.
func ChainedWithoutDeadline(ctx context.Context) (context.Context, context.CancelFunc) {
	return WithoutDeadline(ctx)
}

// HandlerError is an error of a concrete type.
type HandlerError struct{ Message string }

func (e *HandlerError) Error() string { return e.Message }

// TaskContext returns no cancel function when it fails with a *HandlerError: its
// nil cancel function comes with an error, so it may not be nil otherwise.
func TaskContext(ctx context.Context, timeout string) (context.Context, context.CancelFunc, *HandlerError) {
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
