package concrete

import (
	"context"
	"errors"
)

type execProcess interface{ Wait() error }

type container interface {
	Start(ctx context.Context, args []string) (execProcess, error)
}

type execMessage struct {
	id   string
	args []string
}

// From buildkit's gateway Exec loop: each init message starts a execProcess with a
// context the loop makes, handed to an interface method. The execProcess runs under
// that context after the iteration ends; the deferred cancel is its only
// release, and cancelling at the end of the iteration would kill it. The
// context's life is not the iteration's. Quiet.
func serveExec(recv func() (*execMessage, error), ctr container, started func(execProcess)) error {
	for {
		msg, err := recv()
		if err != nil {
			return err
		}
		initCtx, initCancel := context.WithCancelCause(context.Background())
		defer initCancel(errors.New("exec done"))
		proc, err := ctr.Start(initCtx, msg.args)
		if err != nil {
			return err
		}
		started(proc)
	}
}

// The same with a function value that hands back what it started: what it does
// with the context is not known, and the handle it returns may run under it.
// Quiet.
func serveWith(recv func() (*execMessage, error), start func(context.Context, []string) (execProcess, error)) error {
	for {
		msg, err := recv()
		if err != nil {
			return err
		}
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		proc, err := start(ctx, msg.args)
		if err != nil {
			return err
		}
		status(len(msg.id))
		_ = proc
	}
}

// A function value that returns only an error has done with the context when
// it returns (an attempt, a handler): one more context per message stays
// registered until the function returns. Reported.
func serveAttempts(recv func() (*execMessage, error), run func(context.Context, []string) error) error {
	for {
		msg, err := recv()
		if err != nil {
			return err
		}
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel() // want `cancel\(\) is deferred in a loop, so every iteration's context stays uncancelled until serveAttempts returns`
		if err := run(ctx, msg.args); err != nil {
			return err
		}
		status(len(msg.id))
	}
}

func runOnce(ctx context.Context, args []string) error { return ctx.Err() }

// The same loop, but the context goes only to a function of the package that
// uses it and returns: done with at the end of the iteration, it stays
// registered with its parent until the function returns, one more per message.
// Reported.
func serveLocal(recv func() (*execMessage, error)) error {
	for {
		msg, err := recv()
		if err != nil {
			return err
		}
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel() // want `cancel\(\) is deferred in a loop, so every iteration's context stays uncancelled until serveLocal returns`
		if err := runOnce(ctx, msg.args); err != nil {
			return err
		}
		status(len(msg.id))
	}
}

// A conversion of the context keeps nothing: reported as above.
type tracedCtx context.Context

func serveConverted(recv func() (*execMessage, error), use func(tracedCtx)) error {
	for {
		msg, err := recv()
		if err != nil {
			return err
		}
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel() // want `cancel\(\) is deferred in a loop, so every iteration's context stays uncancelled until serveConverted returns`
		_ = tracedCtx(ctx)
		status(len(msg.id))
	}
}

type localProcess struct{ done chan struct{} }

func startLocal(ctx context.Context) *localProcess {
	p := &localProcess{done: make(chan struct{})}
	go func() { <-ctx.Done(); close(p.done) }()
	return p
}

// A function of the package that starts work under the context and returns its
// handle keeps the context as ctr.Start does, but the pass does not read what a
// named function does with its arguments: reported. Known false positive.
func serveStarted(recv func() (*execMessage, error), started func(*localProcess)) error {
	for {
		msg, err := recv()
		if err != nil {
			return err
		}
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel() // want `cancel\(\) is deferred in a loop, so every iteration's context stays uncancelled until serveStarted returns`
		started(startLocal(ctx))
		status(len(msg.id))
	}
}
