// Package oncelib is a library: its init functions run once per process, and so
// does an unexported function called only from one; an exported one may be
// called from other packages any number of times.
package oncelib

import (
	"context"
	"time"
)

var parent = context.Background()

func work(context.Context) error { return nil }

func init() {
	// Quiet: init runs once.
	ctx, _ := context.WithTimeout(parent, time.Second)
	_ = work(ctx)
	warm()
	Warm()
}

// Quiet: called once, from init.
func warm() {
	ctx, _ := context.WithTimeout(parent, time.Second)
	_ = work(ctx)
}

// Exported: other packages may call it again.
func Warm() {
	ctx, _ := context.WithTimeout(parent, time.Second) // want `the cancel function returned by context.WithTimeout is discarded`
	_ = work(ctx)
}
