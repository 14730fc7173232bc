package handoff

// Helpers that hand a resource to an owner and also return it: the caller receives
// a value it must not close, so the helper's result is no fresh resource.

import (
	"net"
	"os"
)

// server keeps the listener it serves on until Stop.
type server struct{ lis net.Listener }

func (s *server) Serve(l net.Listener) {
	s.lis = l
}

func (s *server) Stop() { s.lis.Close() }

// notifying wraps a listener for a server.
type notifying struct{ net.Listener }

// startServing hands the listener to a goroutine serving on it and returns it for
// its address: quiet, and its callers hold no fresh listener.
func startServing() (*server, net.Listener) {
	lis, err := net.Listen("tcp", "localhost:0")
	if err != nil {
		return nil, nil
	}
	s := &server{}
	go s.Serve(lis)
	return s, lis
}

// startWrapped stores the listener in a wrapper given to the server, and returns
// the server's stop function: quiet, no fresh listener either.
func startWrapped() (net.Listener, func()) {
	lis, err := net.Listen("tcp", "localhost:0")
	if err != nil {
		return nil, nil
	}
	s := &server{}
	s.Serve(&notifying{Listener: lis})
	return lis, s.Stop
}

// startStopping registers the listener's release with a stop function it returns
// beside it: quiet, no fresh listener.
func startStopping() (net.Listener, func()) {
	lis, err := net.Listen("tcp", "localhost:0")
	if err != nil {
		return nil, nil
	}
	return lis, func() { lis.Close() }
}

// listen returns a listener nobody else holds: a fresh one, its callers own it.
func listen() (net.Listener, error) {
	lis, err := net.Listen("tcp", "localhost:0")
	if err != nil {
		return nil, err
	}
	return lis, nil
}

// reopen assigns the file again before returning it: still fresh.
func reopen(name string) (*os.File, error) {
	f, err := os.Open(name)
	if err != nil {
		f, err = os.Open(name + ".bak")
	}
	return f, err
}

func useServing() string {
	_, lis := startServing() // quiet: the server owns the listener
	return lis.Addr().String()
}

func useWrapped() string {
	lis, stop := startWrapped() // quiet: stop releases the listener
	defer stop()
	return lis.Addr().String()
}

func useStopping() string {
	lis, stop := startStopping() // quiet: stop releases it
	defer stop()
	return lis.Addr().String()
}

func useListen() string {
	lis, err := listen() // want `lis \(listener from listen\) is not closed`
	if err != nil {
		return ""
	}
	return lis.Addr().String()
}

func useReopen(name string) int {
	f, err := reopen(name) // want `f \(file from reopen\) is not closed`
	if err != nil {
		return 0
	}
	return len(f.Name())
}

// Quiet since round 12 (this was useReopen's shape): the descriptor number is
// returned, and whoever receives it owns the descriptor, which closing the
// file would close under them (see reflectfd.go).
func useReopenFd(name string) int {
	f, err := reopen(name)
	if err != nil {
		return 0
	}
	return int(f.Fd())
}
