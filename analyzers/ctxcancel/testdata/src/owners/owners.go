// Package owners holds derived contexts handed to something that outlives the
// function that made them: a discarded cancel function is the holder's business,
// and no report advises a deferred call, which would cancel the context under its
// holder.
package owners

import (
	"context"
	"errors"
	"io"
	"time"
)

var errFail = errors.New("fail")

// Response streams its body under the context of the request that made it.
type Response struct {
	Body io.ReadCloser
}

type Client struct{ timeout time.Duration }

func (c *Client) withTimeout(ctx context.Context) (context.Context, context.CancelFunc) {
	if c.timeout > 0 {
		return context.WithTimeout(ctx, c.timeout)
	}
	return ctx, func() {}
}

func (c *Client) do(ctx context.Context, path string) (*Response, error) { return &Response{}, nil }

// Quiet: the response returned streams its body under the derived context, which
// a deferred cancel would cut off (vault's RawRequestWithContext). The timer ends
// the context.
func (c *Client) RawRequest(ctx context.Context, path string) (*Response, error) {
	ctx, _ = c.withTimeout(ctx)
	return c.do(ctx, path)
}

// Quiet: the same, through a variable.
func (c *Client) RawRequestVar(ctx context.Context, path string) (*Response, error) {
	ctx, _ = c.withTimeout(ctx)
	resp, err := c.do(ctx, path)
	if err != nil {
		return nil, err
	}
	return resp, nil
}

// Record holds only text: it cannot keep a context.
type Record struct {
	Name, Value string
}

func (c *Client) lookup(ctx context.Context, name string) (*Record, error) { return &Record{}, nil }

// The record returned cannot hold the derived context: the lookup is done with it
// when it returns, and the timer stays until the deadline.
func (c *Client) Lookup(ctx context.Context, name string) (*Record, error) {
	ctx, _ = c.withTimeout(ctx) // want `the cancel function returned by Client.withTimeout is discarded, .*: assign it and defer cancel\(\)$`
	return c.lookup(ctx, name)
}

// A transaction keeps the context it was begun with until it ends.
type Tx interface {
	Commit() error
}

type Beginner interface {
	BeginTx(ctx context.Context) (Tx, error)
}

type Statement struct {
	Context context.Context
	Pool    Tx
}

type DB struct {
	Statement *Statement
	Beginner  Beginner
	Timeout   time.Duration
	Err       error
}

// Quiet: the transaction returned owns the derived context, whose timeout bounds
// it; a deferred cancel would end every transaction as Begin returns (gorm's
// Begin, where upstream reverted exactly that).
func (db *DB) Begin() *DB {
	tx := &DB{Statement: &Statement{Context: db.Statement.Context}, Beginner: db.Beginner}
	ctx := tx.Statement.Context
	if _, ok := ctx.Deadline(); !ok {
		ctx, _ = context.WithTimeout(ctx, db.Timeout)
	}
	var err error
	tx.Statement.Pool, err = tx.Beginner.BeginTx(ctx)
	if err != nil {
		tx.Err = err
	}
	return tx
}

// Quiet: the derived context is stored in the statement, which its caller goes on
// using (rows read after Execute returns): the statement owns it, and a deferred
// cancel would cut the rows off (gorm's Execute).
func (db *DB) Execute() *DB {
	stmt := db.Statement
	if _, ok := stmt.Context.Deadline(); !ok {
		stmt.Context, _ = context.WithTimeout(stmt.Context, db.Timeout) // known false negative: each execution leaves a timer until the deadline, which only a cancel function kept with the statement could end sooner
	}
	return db
}

// In a loop each iteration leaves one more context registered with the parent,
// however its holder ends: reported, but not with a deferred call.
func (db *DB) BeginAll(n int) []Tx {
	var txs []Tx
	for range n {
		ctx, _ := context.WithTimeout(db.Statement.Context, db.Timeout) // want `discarded, .*: assign it and call it when what holds the derived context is done with it, not with defer`
		tx, err := db.Beginner.BeginTx(ctx)
		if err != nil {
			continue
		}
		txs = append(txs, tx)
	}
	return txs
}

// In a loop with nothing holding the context: call it before the iteration ends.
func (db *DB) Ping(n int, ping func(context.Context) error) {
	for range n {
		ctx, _ := context.WithTimeout(db.Statement.Context, db.Timeout) // want `discarded, .*: assign it and call cancel\(\) before the iteration ends`
		_ = ping(ctx)
	}
}

// result keeps the derived context and its cancel function for the reader.
type result struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func (r *result) Close() { r.cancel() }

// The error returns before the result takes the cancel function leak it; the
// result returned holds the context, so a deferred cancel would be wrong.
func Open(parent context.Context, opts []func() error) (*result, error) {
	ctx, cancel := context.WithTimeout(parent, time.Second) // want `not called on the path to the return at line 150, .*: call cancel\(\) on each path that returns without handing the derived context on \(not with defer`
	for _, opt := range opts {
		if err := opt(); err != nil {
			return nil, err
		}
	}
	return &result{ctx: ctx, cancel: cancel}, nil
}

// Quiet: every error return calls cancel, and the result takes it.
func OpenRight(parent context.Context, opts []func() error) (*result, error) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	for _, opt := range opts {
		if err := opt(); err != nil {
			cancel()
			return nil, err
		}
	}
	return &result{ctx: ctx, cancel: cancel}, nil
}

// The response returned holds the derived context (through a call's result): the
// advice is to call cancel on the error path, not to defer it.
func (c *Client) Fetch(parent context.Context, path string, ok func() bool) (*Response, error) {
	ctx, cancel := context.WithTimeout(parent, time.Second) // want `not called on the paths to the returns at lines 178 and 180, .*: call cancel\(\) on each path that returns without handing the derived context on`
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
// wrapContextWithoutDeadline).
func (c *Client) withoutDeadline(ctx context.Context) (context.Context, context.CancelFunc) {
	if _, ok := ctx.Deadline(); ok {
		return ctx, nil
	}
	return context.WithTimeout(ctx, c.timeout)
}

// The returns before the result takes the cancel function leak it (nats's
// object store Get); it may be nil, and the result holds the context.
func (c *Client) Get(ctx context.Context, opts []func() error) (*result, error) {
	ctx, cancel := c.withoutDeadline(ctx) // want `not called on the path to the return at line 198, .*: run if cancel != nil \{ cancel\(\) \} on each path that returns without handing the derived context on`
	for _, opt := range opts {
		if err := opt(); err != nil {
			return nil, err
		}
	}
	return &result{ctx: ctx, cancel: cancel}, nil
}

// appCtx is a project's own context type (dbos's dbosContext): it implements
// context.Context by holding one.
type appCtx struct {
	ctx  context.Context
	name string
}

func (a *appCtx) Deadline() (time.Time, bool)       { return a.ctx.Deadline() }
func (a *appCtx) Done() <-chan struct{}             { return a.ctx.Done() }
func (a *appCtx) Err() error                        { return a.ctx.Err() }
func (a *appCtx) Value(key any) any                 { return a.ctx.Value(key) }
func (a *appCtx) clone(ctx context.Context) *appCtx { return &appCtx{ctx: ctx, name: a.name} }

type worker struct {
	ctx   *appCtx
	label *label
}

// Quiet: a.clone(ctx) builds a value of a type that implements context.Context
// from the derived context: the context goes on in that form, and the worker
// that keeps it owns it. The error return before it calls cancel.
func (w *worker) Start(a *appCtx, deadline time.Time, fail func() error) error {
	ctx, cancel := context.WithDeadline(a, deadline)
	if err := fail(); err != nil {
		cancel()
		return err
	}
	w.ctx = a.clone(ctx)
	return nil
}

// Quiet: _ = cancel beside a context that goes on, wrapped, to a goroutine
// (dbos's RunWorkflow, whose timer ends the workflow's context): the author
// lets the timer end it, as with a cancel function discarded with _.
func (w *worker) Run(a *appCtx, deadline time.Time, fn func(context.Context)) {
	ctx, cancel := context.WithDeadline(a, deadline)
	_ = cancel
	wctx := a.clone(ctx)
	go fn(wctx)
}

// label records what a context was for: it does not implement context.Context
// and holds no context.
type label struct{ name string }

func describe(ctx context.Context) *label { return &label{} }

// The same shape as Start, but what the call builds from the derived context
// cannot hold it: the context is not handed on, and the last return leaks it.
func (w *worker) Label(parent context.Context, deadline time.Time, fail func() error) error {
	ctx, cancel := context.WithDeadline(parent, deadline) // want `not called on the path to the return at line 260, .*: call cancel\(\) on every path, usually with defer$`
	if err := fail(); err != nil {
		cancel()
		return err
	}
	w.label = describe(ctx)
	return nil
}

// _ = cancel beside a context that nothing holds is no decision to hand it on:
// reported. The context goes to a function value, which may keep it: no defer is
// advised (round 19 changed the advice, which said defer cancel() after this line).
func (w *worker) Ping(parent context.Context, ping func(context.Context) error) error {
	ctx, cancel := context.WithTimeout(parent, time.Second) // want `never called \(_ = cancel does not call it\), .*: call cancel\(\) when the code the derived context is passed to is done with it \(that code may keep the context, and a deferred call would cancel it there\)$`
	_ = cancel
	return ping(ctx)
}

// In a loop, _ = cancel beside a context handed on still leaves one more context
// registered with the parent each iteration: reported, as a discarded one is.
func (w *worker) RunAll(a *appCtx, deadlines []time.Time, fn func(context.Context)) {
	for _, d := range deadlines {
		ctx, cancel := context.WithDeadline(a, d) // want `never called \(_ = cancel does not call it\), .*: call cancel\(\) when what holds the derived context is done with it \(not with defer`
		_ = cancel
		go fn(a.clone(ctx))
	}
	// cancel, declared in the loop body, is out of scope at the return: the
	// report at the acquisition is the only one.
}
