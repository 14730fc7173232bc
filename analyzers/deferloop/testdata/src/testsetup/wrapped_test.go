package testsetup

import (
	"context"
	"os"
	"testing"
	"time"
)

type client struct{}

func newClient(topic string) (*client, func()) { return &client{}, func() {} }
func (*client) Send(string) error              { return nil }
func check(error) bool                         { return true }

// The release is wrapped in an assertion: the reader it closes is still read after
// the defer, so the test holds it on purpose.
func TestWrappedRelease(t *testing.T) {
	for _, name := range []string{"a", "b"} {
		r, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		defer func() { check(r.Close()) }()
		use(r.Name())
	}
}

// The removal is of a file the iteration creates and goes on using.
func TestRemoveCreated(t *testing.T) {
	for range 2 {
		f, err := os.CreateTemp("", "x")
		if err != nil {
			t.Fatal(err)
		}
		defer os.Remove(f.Name())
		use(f.Fd())
	}
}

// The wrapped release comes after the last use of what it closes: reported.
func TestWrappedAfterUse(t *testing.T) {
	for _, name := range []string{"a", "b"} {
		r, _ := os.Open(name)
		use(r.Name())
		defer func() { check(r.Close()) }() // want `check\(r.Close\(\)\) is deferred in a loop`
		use()
	}
}

// A release function returned beside a value releases that value: the client set
// up in each iteration is used after the defer, so the test holds every client.
func TestReleaseFuncBeside(t *testing.T) {
	for _, topic := range []string{"a", "b"} {
		c, shutdown := newClient(topic)
		defer shutdown()
		c.Send(topic)
	}
}

// The same for a context and its cancel func.
func TestContextBeside(t *testing.T) {
	c, _ := newClient("a")
	for i := 0; i < 5; i++ {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		use(ctx, c)
	}
}

// Nothing beside the cancel func is used after the defer: reported, as a plain
// delay: five contexts, each with its own timeout, hold nothing for long.
func TestCancelAlone(t *testing.T) {
	for i := 0; i < 5; i++ {
		_, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel() // want `cancel\(\) is deferred in a loop, so it runs when TestCancelAlone returns, not at the end of each iteration`
		use()
	}
}
