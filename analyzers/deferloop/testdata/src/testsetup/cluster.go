package testsetup

import (
	"context"
	"testing"
	"time"
)

func waitEvent(context.Context) <-chan struct{} { return nil }

// A test cluster: a type that carries the test's handle, whose methods run only
// under a test.
type cluster struct {
	t       *testing.T
	timeout time.Duration
}

// A polling helper outside a test file: it reaches the test through c.t, so it is
// test code, and the context it uses after the defer is held on purpose.
func (c *cluster) waitFor(done func() bool) {
	for {
		ctx, cancel := context.WithTimeout(context.Background(), c.timeout)
		defer cancel()
		<-waitEvent(ctx)
		if done() {
			return
		}
		if c.timeout == 0 {
			c.t.Fatal("no timeout")
		}
	}
}

// The same helper on a type without a test's handle is reported.
type poller struct{ timeout time.Duration }

func (p *poller) waitFor(done func() bool) {
	for {
		ctx, cancel := context.WithTimeout(context.Background(), p.timeout)
		defer cancel() // want `cancel\(\) is deferred in a loop, so every iteration's context stays registered, with its timer, until its deadline passes, and in memory until waitFor returns`
		<-waitEvent(ctx)
		if done() {
			return
		}
	}
}
