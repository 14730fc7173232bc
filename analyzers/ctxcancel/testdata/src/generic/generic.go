package generic

import (
	"context"
	"time"
)

var parent = context.Background()

func declaredWithVar[T any]() {
	var _, cancel = context.WithCancel(parent) // want `never called`
	if false {
		_ = cancel
	}
}

func deferred[T any]() {
	_, cancel := context.WithCancel(parent)
	defer cancel()
}

// Ctx has the methods of context.Context, with type parameters.
type Ctx[A, B any] interface {
	Deadline() (deadline time.Time, ok A)
	Done() <-chan struct{}
	Err() error
	Value(key B) B
}

func ownContextType(c Ctx[bool, any]) {
	ctx, _ := context.WithCancel(c)    // want `discarded`
	ctx, _ = context.WithTimeout(c, 0) // want `discarded`
	_ = ctx
}

// Deriver has a WithCancel method that is not package context's.
type Deriver[P any] interface {
	WithCancel(parent Ctx[P, bool]) (ctx Ctx[P, bool], cancel func())
}

func notContext(d Deriver[any]) {
	ctx, _ := d.WithCancel(nil)
	_ = ctx
}

func genericField() {
	type holder[P any] struct{ f func() P }
	var h holder[int]
	h.f()
}

// Start is a generic helper that returns a fresh cancel function.
func Start[T any](ctx context.Context, v T) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, time.Second)
}

func useStart() {
	ctx, cancel := Start(parent, 1) // want `the cancel function returned by Start is not called on the path to the return at line 60`
	if ctx == nil {
		return
	}
	cancel()
}

func useStartDeferred() {
	_, cancel := Start[string](parent, "")
	defer cancel()
}
