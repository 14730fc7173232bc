package owncode // want package:"recovery analyzed"

// Package owncode recovers a goroutine, so its goroutines that run the user's
// code are reported; calls through an interface or a function value that run
// the module's own code, or a logger, are not the user's code.

import (
	"log"
	"sync"

	"owncode/internal/pool"
)

func handlePanic() { // want handlePanic:"recovery\\(recovers,only\\)"
	if r := recover(); r != nil {
		log.Printf("panic: %v", r)
	}
}

func (s *Server) serve() {
	go func() {
		defer handlePanic()
		s.hook()
	}()
}

// Cmder has an unexported method: no other package can implement it.
type Cmder interface {
	Name() string
	setErr(error)
}

// Client hides the package's own client behind its constructor.
type Client interface{ Config() string }

type client struct{}

func (*client) Config() string { return "" }

func NewClient() Client { return &client{} }

// Handler is the user's; HandlerFunc, an adapter, is no implementation of the
// package's own, and Chain returns the user's handler wrapped.
type Handler interface{ Handle() }

type HandlerFunc func()

func (f HandlerFunc) Handle() { f() }

func Chain(h Handler) Handler { return h }

// StdLogger is the logger the user may set.
type StdLogger interface {
	Printf(format string, args ...any)
}

var Logger StdLogger = log.Default()

// Printer is the user's, and prints documents: no logger.
type Printer interface{ Print(doc string) }

type Options struct {
	Logf    func(format string, args ...any)
	OnError func(error)
}

type Server struct {
	client  Client
	pooler  pool.Pooler
	opts    Options
	printer Printer
	handler Handler
}

func (s *Server) hook() {}

func (s *Server) negatives(cmds []Cmder) {
	go func() { // an interface with an unexported method
		for _, cmd := range cmds {
			_ = cmd.Name()
		}
	}()
	go func() { // the package's own client, made by NewClient
		_ = s.client.Config()
	}()
	go func() { // an interface of an internal package
		s.pooler.Remove(1)
	}()
	go func() { // the user's logger, through an exported variable or an option
		Logger.Printf("start")
		s.opts.Logf("start")
	}()
}

func (s *Server) positives(err error) {
	go func() { // want `runs code this package does not control \(s.handler.Handle\)`
		s.handler.Handle()
	}()
	go func() { // want `runs code this package does not control \(s.printer.Print\)`
		s.printer.Print("doc") // Print, but no logger
	}()
	go func() { // want `runs code this package does not control \(s.opts.OnError\)`
		Logger.Printf("failed")
		s.opts.OnError(err)
	}()
}

// Cache is the user's cache.
type Cache interface{ Flush() }

type batcher struct{ cache Cache }

// run recovers around the user's Flush, in a literal called on the spot
// inside a closure.
func (b *batcher) run(stop chan struct{}) {
	flushAll := func() {
		func() {
			defer handlePanic()
			b.cache.Flush()
		}()
	}
	<-stop
	flushAll()
}

// runBare flushes outside the recovered literal.
func (b *batcher) runBare(stop chan struct{}) {
	flushAll := func() {
		func() {
			defer handlePanic()
			log.Print("dropping the batch")
		}()
		b.cache.Flush()
	}
	<-stop
	flushAll()
}

func (b *batcher) start(stop chan struct{}) {
	go b.run(stop)
	go b.runBare(stop) // want `goroutine running runBare does not recover panics, though it runs code this package does not control \(b.cache.Flush\)`
}

// TestReporter is the part of testing.TB a mock uses, declared so as not to
// import testing in a non-test file.
type TestReporter interface {
	Error(args ...any)
	Errorf(format string, args ...any)
	Fatal(args ...any)
	Fatalf(format string, args ...any)
}

// MockBroker is test support written outside a _test.go file.
type MockBroker struct {
	t       TestReporter
	Handler func() error
}

func (b *MockBroker) serve() {
	go func() { // test support: a panic fails a test run
		if err := b.Handler(); err != nil {
			b.t.Error(err)
		}
	}()
}

// Mock fails the test it holds, as testify's mock.Mock does.
type Mock struct{ test TestReporter }

// shared is a test environment's state, which holds its mock.
type shared struct{ workflowMock *Mock }

// TestEnv embeds its shared state: a test's machinery, the handle two structs
// away.
type TestEnv struct {
	*shared
	Handler func() error
}

func (e *TestEnv) execute() {
	go func() { // test support: the environment's mock fails the test run
		_ = e.Handler()
	}()
}

// Broker holds an error, not a testing handle.
type Broker struct {
	last    error
	Handler func() error
}

func (b *Broker) serve() {
	go func() { // want `runs code this package does not control \(b.Handler\)`
		b.last = b.Handler()
	}()
}

// ForEach runs fn on each node and reports its first error: recovering at the
// top would turn fn's panic into a nil error.
func ForEach(nodes []string, fn func(string) error) error { // want ForEach:"recovery\\(wraps\\[1\\]\\)"
	var wg sync.WaitGroup
	errCh := make(chan error, 1)
	for _, n := range nodes {
		wg.Add(1)
		go func(n string) { // want `goroutine running the function literal does not recover panics, though it runs code this package does not control \(fn\) and other goroutines of this package recover, so a panic in fn ends the whole process: recover around the call of fn and report its panic as its failure`
			defer wg.Done()
			if err := fn(n); err != nil {
				select {
				case errCh <- err:
				default:
				}
			}
		}(n)
	}
	wg.Wait()
	select {
	case err := <-errCh:
		return err
	default:
		return nil
	}
}

// Heartbeat calls the user's check in a loop, which a recover at the top
// would stop.
func (s *Server) Heartbeat(check func() bool, tick <-chan struct{}) { // want Heartbeat:"recovery\\(wraps\\[0\\]\\)"
	go func() { // want `recover around the call of check`
		for range tick {
			if !check() {
				log.Print("unhealthy")
			}
		}
	}()
}

// Notify runs the user's callback once and reports nothing: recovering at the
// top is the fix.
func Notify(cb func()) { // want Notify:"recovery\\(wraps\\[0\\]\\)"
	go func() { // want `runs code this package does not control \(cb\) and other goroutines of this package recover, so a panic in it ends the whole process: defer a call that recovers at the top`
		cb()
	}()
}

// WorkerOptions are the user's settings.
type WorkerOptions struct{ OnFatalError func(error) }

type Worker struct{ stopped chan struct{} }

// fail hands the user's hook to handleFatal, which runs it and then stops the
// worker: a recover at the top would skip the stop.
func (w *Worker) fail(err error, opts WorkerOptions) {
	go w.handleFatal(err, opts.OnFatalError) // want `goroutine running handleFatal does not recover panics, though it runs code this package does not control \(hook\) and other goroutines of this package recover, so a panic in hook ends the whole process: recover around the call of hook \(recovering at the top of handleFatal would skip what it does after the call\)`
}

func (w *Worker) handleFatal(err error, hook func(error)) {
	if hook != nil {
		hook(err)
	}
	w.stop()
}

func (w *Worker) stop() {
	close(w.stopped)
	log.Print("stopped")
}

// dial's work after the user's dialer uses what it returns: nothing is left to
// skip when it panics, and recovering at the top is the fix.
func (w *Worker) dial(opts DialOptions) {
	go func() { // want `runs code this package does not control \(opts.Dial\) and other goroutines of this package recover, so a panic in it ends the whole process: defer a call that recovers at the top`
		conn, err := opts.Dial()
		if err == nil {
			conn.Close()
		}
	}()
}

// DialOptions hold the user's dialer.
type DialOptions struct {
	Dial func() (interface{ Close() error }, error)
}
