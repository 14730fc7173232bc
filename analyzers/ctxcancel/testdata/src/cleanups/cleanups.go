// Package cleanups holds cancel functions released by a cleanup closure: a
// local variable bound once to a function literal that calls the cancel
// function, run by a deferred call.
package cleanups

import (
	"context"
	"errors"
)

type session struct{ id string }

type server struct{}

// open returns a session, its cancel function, and nil for both when there is
// no session to open.
func (s *server) open(ctx context.Context) (*session, context.CancelFunc) {
	ctx, cancel := context.WithCancel(ctx)
	_ = ctx
	return &session{}, cancel
}

type request struct{ init, hangUp bool }

func recv() (request, error) { return request{}, nil }

var errAlready = errors.New("already in a session")

// serve is quiet: defer cleanup() runs the literal bound once to cleanup, which
// calls cancel whenever sess is non-nil, and sess is assigned with cancel by
// every assignment of cancel, so sess != nil says that cancel holds a function.
// The loop reaches the assignment again only where sess is nil (the test
// before it returns otherwise), so nothing is overwritten; hangUp releases
// before it clears sess.
func (s *server) serve(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	var sess *session
	var chCancel context.CancelFunc
	cleanup := func() {
		if sess != nil {
			chCancel()
		}
	}
	defer cleanup()
	for {
		req, err := recv()
		if err != nil {
			return err
		}
		switch {
		case req.init:
			if sess != nil {
				return errAlready
			}
			sess, chCancel = s.open(ctx)
			if sess == nil {
				return errors.New("no session")
			}
		case req.hangUp:
			if sess == nil {
				return errors.New("no session")
			}
			cleanup()
			sess = nil
		}
	}
}

// declared is quiet: var cleanup = func() {...} binds the literal as := does,
// and a deferred literal that calls cleanup runs it (one level of calls).
func (s *server) declared(ctx context.Context) error {
	var sess *session
	var cancel context.CancelFunc
	var cleanup = func() {
		if cancel != nil {
			cancel()
		}
	}
	defer func() { cleanup() }()
	sess, cancel = s.open(ctx)
	if sess == nil {
		return errors.New("no session")
	}
	return work(ctx)
}

func work(context.Context) error { return nil }

// rebound: cleanup is given another literal before the defer, which runs that
// one: nothing calls cancel.
func (s *server) rebound(ctx context.Context, quiet bool) error {
	var cancel context.CancelFunc
	cleanup := func() { cancel() }
	if quiet {
		cleanup = func() {}
	}
	_, cancel = s.open(ctx) // want `the cancel function returned by server.open is not called on the path to the return at line 100`
	defer cleanup()
	return work(ctx)
}

// reboundAfter: a defer statement evaluates the function value when it runs,
// so defer cleanup() holds the literal that calls cancel whatever cleanup is
// given later. Known false positive: any later assignment makes cleanup not
// bound once, and its calls, deferred or not, count for nothing.
func (s *server) reboundAfter(ctx context.Context) error {
	var cancel context.CancelFunc
	cleanup := func() { cancel() }
	_, cancel = s.open(ctx) // want `the cancel function returned by server.open is not called on the path to the return at line 113`
	defer cleanup()
	cleanup = func() {}
	return work(ctx)
}

// otherGuard: the guard tests ready, which the assignment of cancel does not
// assign: cancel may hold a function while ready is nil.
func (s *server) otherGuard(ctx context.Context, ready *bool) error {
	var cancel context.CancelFunc
	cleanup := func() {
		if ready != nil {
			cancel()
		}
	}
	defer cleanup()
	_, cancel = s.open(ctx) // want `the cancel function returned by server.open is not called on the path to the return at line 127`
	return work(ctx)
}

func fresh(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithCancel(ctx)
}

// aloneOnce: one assignment of cancel does not assign sess, so sess == nil no
// longer says that cancel holds nothing.
func (s *server) aloneOnce(ctx context.Context, resume bool) error {
	var sess *session
	var cancel context.CancelFunc
	cleanup := func() {
		if sess != nil {
			cancel()
		}
	}
	defer cleanup()
	if resume {
		_, cancel = fresh(ctx) // want `the cancel function returned by fresh is not called on the path to the return at line 150`
	} else {
		sess, cancel = s.open(ctx) // want `the cancel function returned by server.open is not called on the path to the return at line 150`
	}
	return work(ctx)
}

// clearedEarly: sess is set to nil without a release first, after which the
// deferred cleanup skips cancel.
func (s *server) clearedEarly(ctx context.Context) error {
	var sess *session
	var cancel context.CancelFunc
	cleanup := func() {
		if sess != nil {
			cancel()
		}
	}
	defer cleanup()
	sess, cancel = s.open(ctx) // want `the cancel function returned by server.open is not called on the path to the return at line 166`
	sess = nil
	return work(ctx)
}

// unguardedLoop: without the test of sess before it, the assignment runs again
// in the next iteration while sess and cancel hold the last session's values,
// which the deferred cleanup never sees.
func (s *server) unguardedLoop(ctx context.Context) error {
	var sess *session
	var cancel context.CancelFunc
	cleanup := func() {
		if sess != nil {
			cancel()
		}
	}
	defer cleanup()
	for {
		req, err := recv()
		if err != nil {
			return err
		}
		if req.init {
			sess, cancel = s.open(ctx) // want `this assignment overwrites, in the loop's next iteration`
		}
	}
}

// agent is quiet: check, a closure that clears sess, calls cleanup first, so
// sess is nil only where cancel holds nothing left to call.
func (s *server) agent(ctx context.Context, over func() bool) error {
	var sess *session
	var cancel context.CancelFunc
	cleanup := func() {
		if sess != nil {
			cancel()
		}
	}
	defer cleanup()
	check := func() {
		if sess != nil && over() {
			cleanup()
			sess = nil
		}
	}
	for {
		req, err := recv()
		if err != nil {
			return err
		}
		check()
		if req.init {
			if sess != nil {
				return errAlready
			}
			sess, cancel = s.open(ctx)
		}
	}
}
