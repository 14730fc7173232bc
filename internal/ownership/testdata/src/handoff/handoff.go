package handoff // want package:"analyzed, acquiring"

// A resource handed to an owner and also returned is no fresh result: the caller
// receives a value it must not close. One that nobody else holds is fresh, and
// so is one assigned again before it is returned.

import (
	"net"
	"os"
)

// server keeps the listener it serves on until Stop.
type server struct{ lis net.Listener }

// Serve keeps l in the server.
func (s *server) Serve(l net.Listener) { // want Serve:"owns params \\[0\\]"
	s.lis = l
}

func (s *server) Stop() { s.lis.Close() }

// listen returns a listener nobody else holds.
func listen() (net.Listener, error) { // want listen:"fresh listener in result 0"
	lis, err := net.Listen("tcp", "localhost:0")
	if err != nil {
		return nil, err
	}
	return lis, nil
}

// reopen assigns the file again before returning it.
func reopen(name string) (*os.File, error) { // want reopen:"fresh file in result 0"
	f, err := os.Open(name)
	if err != nil {
		f, err = os.Open(name + ".bak")
	}
	return f, err
}

// No fact: startServing returns the listener a goroutine serves on, for its
// address.
func startServing() (*server, net.Listener) {
	lis, err := net.Listen("tcp", "localhost:0")
	if err != nil {
		return nil, nil
	}
	s := &server{}
	go s.Serve(lis)
	return s, lis
}

// No fact: startStopping returns the listener beside the function that closes it.
func startStopping() (net.Listener, func()) {
	lis, err := net.Listen("tcp", "localhost:0")
	if err != nil {
		return nil, nil
	}
	return lis, func() { lis.Close() }
}
