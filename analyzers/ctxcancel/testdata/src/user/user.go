package user

import (
	"context"

	"helper"
)

var parent = context.Background()

func work(context.Context) error { return nil }

func discarded() {
	ctx, _ := helper.WithTimeout(parent) // want `the cancel function returned by helper.WithTimeout is discarded`
	_ = work(ctx)
	var c helper.Client
	ctx, _ = c.Timeout(parent) // want `the cancel function returned by helper.Client.Timeout is discarded`
	_ = work(ctx)
	ctx, _ = helper.Chained(parent) // want `returned by helper.Chained is discarded`
	_ = work(ctx)
	ctx, _ = helper.Deferred(parent)
	_ = helper.Managed(parent, nil)
}

func errorPath() error {
	ctx, cancel := helper.WithTimeout(parent) // want `the cancel function returned by helper.WithTimeout is not called on every path`
	if err := work(ctx); err != nil {
		return err // want `this return leaks the context created at line 26`
	}
	cancel()
	return nil
}

func inert() {
	_, cancel := context.WithCancel(parent) // want `never called \(helper.Ignore never calls it\)`
	helper.Ignore(cancel)
} // want `this return leaks`

func inertForwarded() {
	_, cancel := context.WithCancel(parent) // want `never called`
	helper.Forward(parent, cancel)
} // want `this return leaks`

func called() {
	_, c1 := context.WithCancel(parent)
	helper.Call(c1)
	_, c2 := context.WithCancel(parent)
	helper.Keep(c2)
	_, done := helper.Detached(parent)
	defer done()
}
