package foreign // want package:"recovery analyzed"

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

// Start and Run hand their user's callbacks to the unexported methods below,
// whose parameters thus hold the user's code.
func (s *Server) Start(ctx context.Context, cb func(), addr string) { s.positives(ctx, cb, addr) } // want Start:"recovery\\(wraps\\[1\\]\\)"

func (s *Server) Run(jobs []func(), hooks map[string]func()) { s.all(jobs, hooks) }

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

// Dispatch takes the user's handler, and dispatch, two unexported calls down,
// runs it in a goroutine: the handler is still the user's code.
func (s *Server) Dispatch(h func(string)) { s.route(h) } // want Dispatch:"recovery\\(wraps\\[0\\]\\)"

func (s *Server) route(h func(string)) { s.dispatch(h, "ev") } // want route:"recovery\\(wraps\\[0\\]\\)"

func (s *Server) dispatch(h func(string), ev string) { // want dispatch:"recovery\\(wraps\\[0\\]\\)"
	go func() { // want `runs code this package does not control \(h\)`
		h(ev)
	}()
}

// A literal started on the spot runs what its call passes: the user's field,
// or a function of the package.
func (s *Server) literals() {
	go func(f func(string)) { // want `runs code this package does not control \(f\)`
		f("up")
	}(s.OnEvent)
	go func(f func()) { // f is work, the package's own function
		f()
	}(work)
}

// Negatives: parameters of unexported functions that every caller fills with
// the package's own code. The author controls that code as much as any other.

type poller struct{ stop chan struct{} }

// doPoll runs pollFunc in a goroutine of its own, to give up when the poller
// stops; its callers pass a literal and a method of the package.
func (p *poller) doPoll(pollFunc func() (int, error)) (int, error) { // want doPoll:"recovery\\(wraps\\[0\\]\\)"
	var n int
	var err error
	done := make(chan struct{})
	go func() { // pollFunc is the package's own RPC code
		n, err = pollFunc()
		close(done)
	}()
	select {
	case <-done:
	case <-p.stop:
	}
	return n, err
}

func (p *poller) pollTasks() (int, error) {
	return p.doPoll(func() (int, error) { work(); return 1, nil })
}

func (p *poller) pollActivities() (int, error) { return p.doPoll(p.rpc) }

func (p *poller) rpc() (int, error) { work(); return 2, nil }

// reconnect tries a handshake with a timeout; its callers, one of them through
// relay, pass the package's own handshakes.
func (s *Server) reconnect(handshake func(net.Conn) error, conn net.Conn) error { // want reconnect:"recovery\\(wraps\\[0\\]\\)"
	errc := make(chan error, 1)
	go func() { // handshake is a method or a function of the package
		errc <- handshake(conn)
	}()
	return <-errc
}

func (s *Server) relay(h func(net.Conn) error, conn net.Conn) error { return s.reconnect(h, conn) } // want relay:"recovery\\(wraps\\[0\\]\\)"

func (s *Server) resume(conn net.Conn) error { return s.reconnect(s.greet, conn) }

func (s *Server) retry(conn net.Conn) error { return s.relay(hello, conn) }

func (s *Server) greet(net.Conn) error { work(); return nil }

func hello(net.Conn) error { work(); return nil }

// runAll's value is passed around, so its callers are not all seen: when
// unsure, quiet.
func (s *Server) runAll(fns []func()) {
	for _, fn := range fns {
		go func() { // fns comes from callers that cannot all be seen
			fn()
		}()
	}
}

var runner = (*Server).runAll
