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
