// Package fields returns cancel functions beside values, and keeps them in // want package:"analyzed, acquiring"
// fields.
package fields

import "context"

type service struct{}

func (*service) serve(context.Context) {}

// startService returns the cancel function of the context its service runs on.
func startService() (*service, context.CancelFunc) { // want startService:`^fresh cancel in result 1$`
	s := &service{}
	ctx, cancel := context.WithCancel(context.Background())
	go s.serve(ctx)
	return s, cancel
}

type server struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func (s *server) Close() { s.cancel() }

// No fact: newServer keeps the cancel function in the server it returns, whose
// Close calls it: the result is no cancel function.
func newServer() *server {
	s := new(server)
	s.ctx, s.cancel = context.WithCancel(context.Background())
	return s
}
