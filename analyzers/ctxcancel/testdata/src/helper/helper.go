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

// AsyncCopy returns the cancel function of the context its copy goroutine runs
// under, and the goroutine calls it when the copy is done (aws-lambda-runtime-
// interface-emulator's asyncPayloadCopy): its caller may call it early, to
// interrupt the copy, but need not, so it is no obligation for the caller.
func AsyncCopy(ctx context.Context) (done chan error, cancel context.CancelFunc) {
	done = make(chan error)
	ctx, cancel = context.WithTimeout(ctx, time.Minute)
	go func() {
		done <- copyUnder(ctx)
		cancel()
	}()
	return
}

func copyUnder(context.Context) error { return nil }

// AsyncWatch gives its cancel function to a goroutine's function that calls it:
// no obligation for its caller either.
func AsyncWatch(ctx context.Context, stop chan struct{}) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(ctx)
	go watch(stop, cancel)
	return ctx, cancel
}

func watch(stop chan struct{}, cancel context.CancelFunc) {
	<-stop
	cancel()
}

// AsyncNoCancel starts a goroutine under the context but nothing in it calls the
// cancel function it returns: the caller must.
func AsyncNoCancel(ctx context.Context) (chan error, context.CancelFunc) {
	done := make(chan error, 1)
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	go func() { done <- copyUnder(ctx) }()
	return done, cancel
}

// AsyncIgnored gives its cancel function to a goroutine's function known never
// to call it: the caller must.
func AsyncIgnored(ctx context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(ctx)
	go Ignore(cancel)
	return ctx, cancel
}

// NewCancellable returns a value that stops working once cancelled, and the
// cancel function of a context of context.Background() that nothing waits on
// (aws-lambda-runtime-interface-emulator's NewCancellableWriter).
func NewCancellable() (*Cancellable, context.CancelFunc) {
	ctx, cancel := context.WithCancel(context.Background())
	return &Cancellable{ctx: ctx}, cancel
}

type Cancellable struct{ ctx context.Context }

func (c *Cancellable) Err() error { return c.ctx.Err() }
