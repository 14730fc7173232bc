package foreign // want package:"recovery analyzed, goroutines recover"

// Package foreign recovers some of its goroutines, so a goroutine that runs code
// the package does not control (a callback, hook, handler or dialer its user
// supplies) and does not recover is reported.

import (
	"context"
	"fmt"
	"io"
	"log"
	"net"

	"golang.org/x/sync/errgroup"
)

func handlePanic() { // want handlePanic:"recovery\\(recovers,only\\)"
	if r := recover(); r != nil {
		log.Printf("panic: %v", r)
	}
}

func work() { fmt.Print("work") }

// Handler is implemented by the package's users.
type Handler interface{ Handle(string) }

// strategy is unexported: its implementations are the package's own.
type strategy interface{ next() int }

type Server struct {
	OnEvent func(string)
	Dial    func(ctx context.Context, addr string) (net.Conn, error)
	h       Handler
	s       strategy
	r       io.Reader
}

// Hook is an exported package-level hook the user may set.
var Hook func()

// The package has shown that it cares: this goroutine recovers.
func (s *Server) serve() {
	go func() {
		defer handlePanic()
		s.h.Handle("x")
	}()
}

func (s *Server) positives(ctx context.Context, cb func(), addr string) { // want positives:"recovery\\(wraps\\[1\\]\\)"
	go func() { // want `goroutine running the function literal does not recover panics, though it runs code this package does not control \(cb\) and other goroutines of this package recover, so a panic in it ends the whole process: defer a call that recovers at the top of the function literal`
		cb()
	}()
	go func() { // want `runs code this package does not control \(s.OnEvent\)`
		s.OnEvent("up")
	}()
	go func() { // want `runs code this package does not control \(s.Dial\)`
		conn, err := s.Dial(ctx, addr)
		if err == nil {
			conn.Close()
		}
	}()
	go func() { // want `runs code this package does not control \(s.h.Handle\)`
		s.h.Handle("y")
	}()
	go func() { // want `runs code this package does not control \(Hook\)`
		Hook()
	}()
	go s.notify("z") // want `goroutine running notify does not recover panics, though it runs code this package does not control \(s.OnEvent\)`
	var g errgroup.Group
	g.Go(func() error { // want `the function literal runs in a new goroutine started by \(\*errgroup.Group\).Go and does not recover panics, though it runs code this package does not control \(cb\)`
		cb()
		return nil
	})
	_ = g.Wait()
}

func (s *Server) notify(ev string) { s.OnEvent(ev) }

// Functions received in a list are the user's too.
func (s *Server) all(jobs []func(), hooks map[string]func()) {
	for _, job := range jobs {
		go func() { // want `runs code this package does not control \(job\)`
			job()
		}()
	}
	for _, h := range hooks {
		go func() { // want `runs code this package does not control \(h\)`
			h()
		}()
	}
}

// Negatives: code the package controls or that the standard library implements.
func (s *Server) negatives(ctx context.Context, buf []byte) {
	go func() { // an unexported interface of the package: its implementations are the package's own
		_ = s.s.next()
		work()
	}()
	go func() { // a standard library interface
		_, _ = s.r.Read(buf)
		work()
	}()
	ctx, cancel := context.WithCancel(ctx)
	go func() { // a context.CancelFunc
		work()
		cancel()
	}()
	local := func() { work() }
	go func() { // a variable bound to the package's own literal
		local()
	}()
	go func(f func()) { // recovered: calling the callback is guarded
		defer handlePanic()
		f()
	}(Hook)
	go func() { // the callback runs in a goroutine of its own, reported there
		work()
		go func() { // want `runs code this package does not control \(Hook\)`
			Hook()
		}()
	}()
}
