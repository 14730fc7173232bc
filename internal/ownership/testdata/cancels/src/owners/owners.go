// Package owners hands contexts to functions that derive them and to values // want package:"analyzed, acquiring"
// that hold them: the parameters handed on are owned.
package owners

import (
	"context"
	"errors"
	"time"
)

var errFail = errors.New("fail")

type Response struct{}

type Client struct{ timeout time.Duration }

// withTimeout returns a fresh cancel function, a no-op one when there is no
// timeout.
func (c *Client) withTimeout(ctx context.Context) (context.Context, context.CancelFunc) { // want withTimeout:`^fresh cancel in result 1$` withTimeout:`^owns params \[0\]$`
	if c.timeout > 0 {
		return context.WithTimeout(ctx, c.timeout)
	}
	return ctx, func() {}
}

func (c *Client) do(ctx context.Context, path string) (*Response, error) { return &Response{}, nil }

// RawRequest hands ctx to withTimeout and discards the cancel function.
func (c *Client) RawRequest(ctx context.Context, path string) (*Response, error) { // want RawRequest:`^owns params \[0\]$`
	ctx, _ = c.withTimeout(ctx)
	return c.do(ctx, path)
}

// RawRequestVar does the same, with the response in a variable.
func (c *Client) RawRequestVar(ctx context.Context, path string) (*Response, error) { // want RawRequestVar:`^owns params \[0\]$`
	ctx, _ = c.withTimeout(ctx)
	resp, err := c.do(ctx, path)
	if err != nil {
		return nil, err
	}
	return resp, nil
}

type Record struct{ name string }

func (c *Client) lookup(ctx context.Context, name string) (*Record, error) { return &Record{name}, nil }

// Lookup does the same, returning a record that cannot hold the context.
func (c *Client) Lookup(ctx context.Context, name string) (*Record, error) { // want Lookup:`^owns params \[0\]$`
	ctx, _ = c.withTimeout(ctx)
	return c.lookup(ctx, name)
}

type DB struct {
	ctx     context.Context
	Timeout time.Duration
}

// Ping calls ping.
func (db *DB) Ping(n int, ping func(context.Context) error) { // want Ping:`^owns params \[1\]$`
	for range n {
		ctx, _ := context.WithTimeout(db.ctx, db.Timeout)
		_ = ping(ctx)
	}
}

// Fetch calls ok; parent is only derived from.
func (c *Client) Fetch(parent context.Context, path string, ok func() bool) (*Response, error) { // want Fetch:`^owns params \[2\]$`
	ctx, cancel := context.WithTimeout(parent, time.Second)
	if !ok() {
		cancel()
		return nil, errFail
	}
	resp, err := c.do(ctx, path)
	if err != nil {
		return nil, err
	}
	return resp, nil
}

// withoutDeadline adds a timeout only when the context has none (nats's
// wrapContextWithoutDeadline): the cancel function may be nil.
func (c *Client) withoutDeadline(ctx context.Context) (context.Context, context.CancelFunc) { // want withoutDeadline:`^owns params \[0\]$` withoutDeadline:`^fresh cancel in result 1 \(may be nil\)$`
	if _, ok := ctx.Deadline(); ok {
		return ctx, nil
	}
	return context.WithTimeout(ctx, c.timeout)
}

type result struct {
	ctx    context.Context
	cancel context.CancelFunc
}

// Get keeps the context and its cancel function in the result it returns
// (nats's object store Get): no fresh cancel result.
func (c *Client) Get(ctx context.Context, opts []func() error) (*result, error) { // want Get:`^owns params \[0\]$`
	ctx, cancel := c.withoutDeadline(ctx)
	for _, opt := range opts {
		if err := opt(); err != nil {
			return nil, err
		}
	}
	return &result{ctx: ctx, cancel: cancel}, nil
}
