// Package helper returns and accepts cancel functions; its facts reach package user.
package helper

import (
	"context"
	"time"
)

func WithTimeout(ctx context.Context) (context.Context, context.CancelFunc) { // want WithTimeout:"returnsCancel"
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	return ctx, cancel
}

func Detached(ctx context.Context) (context.Context, func()) { // want Detached:"returnsCancel"
	ctx, cancel := context.WithCancel(ctx)
	return ctx, func() {
		cancel()
		println("done")
	}
}

func Chained(ctx context.Context) (context.Context, context.CancelFunc) { // want Chained:"returnsCancel"
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

func (Client) Timeout(ctx context.Context) (context.Context, context.CancelFunc) { // want Timeout:"returnsCancel"
	return context.WithTimeout(ctx, time.Second)
}

func Ignore(f func()) {} // want Ignore:"inertParams"

func Forward(ctx context.Context, f func()) { // want Forward:"inertParams"
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
