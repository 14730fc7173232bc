package fixes

import (
	"context"
	"errors"
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
}

// Quiet: the derived context is returned, and its caller owns it: a deferred
// cancel would hand the caller a canceled context.
func escapes(parent context.Context) context.Context {
	ctx, _ := context.WithTimeout(parent, time.Second)
	return ctx
}

// Quiet: the derived context is returned inside a request.
func escapesInRequest(r *http.Request) *http.Request {
	ctx, _ := context.WithTimeout(r.Context(), time.Second)
	return r.WithContext(ctx)
}

// Quiet: a goroutine owns the derived context.
func escapesToGoroutine(parent context.Context) {
	ctx, _ := context.WithCancel(parent)
	go work(ctx)
}

type conn struct{}

func open(context.Context) *conn { return &conn{} }

// No fix: the call's result may hold the derived context, which a deferred
// cancel would cancel under it.
func mayBeKept(parent context.Context) *conn {
	ctx, _ := context.WithTimeout(parent, time.Second) // want `discarded`
	return open(ctx)
}

// No fix: a function literal uses the derived context.
func inLiteral(parent context.Context) error {
	ctx, _ := context.WithCancel(parent) // want `discarded`
	f := func() error { return work(ctx) }
	return f()
}

// Quiet: the function literal that holds the derived context is returned, and
// its caller owns it.
func literalReturned(parent context.Context) func() error {
	ctx, _ := context.WithCancel(parent)
	return func() error { return work(ctx) }
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

// withoutDeadline adds a timeout only when the context has none: its cancel
// function may be nil.
func withoutDeadline(ctx context.Context) (context.Context, context.CancelFunc) {
	if _, ok := ctx.Deadline(); ok {
		return ctx, nil
	}
	return context.WithTimeout(ctx, time.Second)
}

// The fix guards the deferred call: a deferred call of nil panics.
func discardedMayBeNil(parent context.Context) {
	ctx, _ := withoutDeadline(parent) // want `discarded, .*: assign it and write if cancel != nil \{ defer cancel\(\) \}`
	_ = work(ctx)
}

func neverCalledMayBeNil(parent context.Context) {
	ctx, cancel := withoutDeadline(parent) // want `never called .*: write if cancel != nil \{ defer cancel\(\) \} after this line`
	_ = cancel
	_ = work(ctx)
}

type holder struct{ ctx context.Context }

var errFail = errors.New("fail")

// Quiet, so no fix: _ = cancel beside a derived context that the holder returned
// keeps is the author's decision to let the holder and the timer end it, as for a
// cancel function discarded with _ (go vet's lostcancel counts it as a use too).
// The error return leaves the context to its timer.
func neverCalledHeldOn(parent context.Context, fail bool) (*holder, error) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	_ = cancel
	if fail {
		return nil, errFail
	}
	return &holder{ctx}, nil
}

// Publisher may keep the context it is given: an implementation hands it to
// delivery goroutines (xray-core's stats channel, measurement 23).
type Publisher interface {
	Publish(ctx context.Context, msg any)
}

// No fix: a deferred cancel would cancel the delivery under the publisher.
// The report stays (the timer lives until the deadline), without defer advice.
func publish(p Publisher, msg any) {
	ctx, _ := context.WithTimeout(context.Background(), time.Second) // want `discarded, .*: assign it and call cancel\(\) when the code the derived context is passed to is done with it`
	p.Publish(ctx, msg)
}

// No fix: a function value may keep the context as an interface method may.
func publishFunc(send func(context.Context) error) error {
	ctx, _ := context.WithTimeout(context.Background(), time.Second) // want `discarded, .*: assign it and call cancel\(\) when the code`
	return send(ctx)
}

// No fix: the context derived from it goes to the interface method.
func publishValue(p Publisher, msg any) {
	ctx, _ := context.WithTimeout(context.Background(), time.Second) // want `discarded, .*: assign it and call cancel\(\) when the code`
	p.Publish(context.WithValue(ctx, key{}, 1), msg)
}

type key struct{}

// A fix: the context goes to a function known by name, through a value
// derived from it.
func workValue(parent context.Context) error {
	ctx, _ := context.WithTimeout(parent, time.Second) // want `discarded, .*: assign it and defer cancel\(\)$`
	vctx := context.WithValue(ctx, key{}, 1)
	return work(vctx)
}
