package goroutines // want package:"recovery analyzed"

import (
	"context"
	"errors"
	"log"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"example.com/hooks"
	"golang.org/x/sync/errgroup"
)

// handlePanic is the package's recovery helper.
func handlePanic() { // want handlePanic:"recovery\\(recovers,only\\)"
	if r := recover(); r != nil {
		log.Printf("panic: %v", r)
	}
}

func literals() {
	go func() { // want `goroutine running the function literal does not recover panics, so a panic in it ends the whole process: defer a call that recovers at the top of the function literal`
		work()
	}()
	go func() {
		defer handlePanic()
		work()
	}()
	go func() {
		defer func() {
			if r := recover(); r != nil {
				log.Print(r)
			}
		}()
		work()
	}()
	go func(n int) { // want `goroutine running the function literal does not recover panics`
		defer log.Print(n)
		work()
	}(1)
	go (func() { // want `goroutine running the function literal does not recover panics`
		work()
	})()
}

// A defer in a nested block still recovers the goroutine (when it runs): not reported.
func conditional(ok bool) {
	go func() {
		if ok {
			defer handlePanic()
		}
		work()
	}()
}

func named() {
	go worker()  // want "goroutine running worker does not recover panics, so a panic in it ends the whole process: defer a call that recovers at the top of worker"
	go guarded() // recovered inside
	var s server
	go s.loop()        // want "goroutine running loop does not recover panics"
	go s.serve()       // recovered inside
	go generic[int](1) // want "goroutine running generic does not recover panics"
	go genericSafe(1)
}

func worker() { work() }
func guarded() { // want guarded:"recovery\\(recovered\\)"
	defer handlePanic()
}

type server struct{}

func (s *server) loop() { work() }
func (s *server) serve() { // want serve:"recovery\\(recovered\\)"
	defer s.recover()
}
func (s *server) recover() { // want recover:"recovery\\(recovers,only\\)"
	if r := recover(); r != nil {
		log.Print(r)
	}
}

func generic[T any](T) { work() }
func genericSafe[T any](T) { // want genericSafe:"recovery\\(recovered\\)"
	defer handlePanic()
}

// Goroutines inside goroutines: each needs its own recover.
func nested() {
	go func() {
		defer handlePanic()
		go func() { // want `goroutine running the function literal does not recover panics`
			work()
		}()
		go func() {
			defer handlePanic()
		}()
	}()
}

// A variable bound to a function literal is looked into.
func bound() {
	safe := func() { defer handlePanic() }
	unsafe := func() { work() }
	go safe()
	go unsafe() // want "goroutine running unsafe does not recover panics"
}

func launchers(ctx context.Context) error {
	var g errgroup.Group
	// No fix here: a recovered panic would return a nil error, a success.
	g.Go(func() error { // want `the function literal runs in a new goroutine started by \(\*errgroup.Group\).Go, and nothing recovers a panic there`
		return errors.New("x")
	})
	g.Go(func() error {
		defer handlePanic()
		return nil
	})
	g.Go(task) // want `task runs in a new goroutine started by \(\*errgroup.Group\).Go`
	var wg sync.WaitGroup
	wg.Go(func() { work() }) // want `started by \(\*sync.WaitGroup\).Go`
	wg.Go(func() { defer handlePanic() })
	return g.Wait()
}

func task() error { work(); return nil }

// In-house launcher: its go statement is reported where it is. Its callers are
// reported only when the launcher is in another module (analysistest knows no
// module: this package counts as its own).
func spawn(f func()) { // want spawn:"recovery\\(wraps\\[0\\]\\)"
	go func() { // want `goroutine running the function literal does not recover panics`
		f()
	}()
}

func direct(f func()) { // want direct:"recovery\\(launches\\[0\\]\\)"
	go f()
}

func useLaunchers() {
	spawn(func() {})
	direct(func() { work() }) // want `the function literal runs in a new goroutine started by goroutines.direct`
	direct(func() { defer handlePanic() })
}

// In-house wrapper that recovers: its callers are not reported.
func safeGo(f func()) { // want safeGo:"recovery\\(runs\\[0\\],starts\\[0\\]\\)"
	go func() {
		defer handlePanic()
		f()
	}()
}

// Handing work to a wrapper that recovers counts as recovering.
func useWrapper() { // want useWrapper:"recovery\\(delegates\\)"
	safeGo(func() {})
}

// Known false negatives and deliberate silences.
func silent(ctx context.Context, fns []func(), r recoverer, f func()) { // want silent:"recovery\\(launches\\[3\\]\\)"
	go fns[0]() // a function value: its body is unknown
	go f()      // a parameter: this function is a launcher, its callers are checked
	go func() {
		defer r.Recover() // an interface method: it might recover
	}()
	go func() {
		defer trace()() // a function returned by a call: it might recover
	}()
}

// A context.CancelFunc is known not to recover.
func cancels(ctx context.Context) {
	go func() { // want `goroutine running the function literal does not recover panics`
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		run(ctx)
	}()
}

type recoverer = hooks.Recoverer

func trace() func() { return func() {} }

// work stands for code that can panic.
func work() { log.Print("work") }

func main() {
	go work()              // want "goroutine running work does not recover panics"
	go func() { work() }() // want "goroutine running the function literal does not recover panics"
}

func init() {
	go work() // init: not reported
}

func run(context.Context) { work() }

// Goroutines that run no code of their own (only waiting, signalling, closing)
// have nothing to recover, and neither do standard library functions started
// directly: not reported.
func quiet(ctx context.Context, conn net.Conn, srv *http.Server, l net.Listener, wg *sync.WaitGroup, ch chan int) {
	go func() {
		<-ctx.Done()
		conn.Close()
	}()
	go func() {
		wg.Wait()
		close(ch)
	}()
	go func() {
		t := time.NewTimer(time.Second)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
		}
	}()
	go srv.Serve(l)
	go func() { // want `goroutine running the function literal does not recover panics`
		panic("unreachable")
	}()
}

// A goroutine whose work is done by a function that recovers its own panics is
// recovered.
func delegated(ch chan error) {
	go func() {
		defer close(ch)
		check(ch)
	}()
}

func check(ch chan error) { // want check:"recovery\\(recovered\\)"
	defer func() {
		if r := recover(); r != nil {
			ch <- errors.New("panic")
		}
	}()
	work()
}

// A goroutine that ends the process itself exists to end it: not reported.
func signals(ch chan os.Signal, code int) {
	go func() {
		<-ch
		work()
		os.Exit(code)
	}()
}

// Delegating to a recovered function counts for the goroutine that does it, but
// does not spread to its callers (a regression: it once made most of a
// package's functions count as recovered).
func delegating(ch chan error) { // want delegating:"recovery\\(delegates\\)"
	check(ch)
}

func caller(ch chan error) {
	delegating(ch)
	work()
}

func startCaller(ch chan error) {
	go delegating(ch)
	go caller(ch) // want "goroutine running caller does not recover panics"
}
