package exclusions // want package:"recovery analyzed"

// Package exclusions holds goroutines that are not reported in either mode
// (the tests run it with and without -gorecover.strict): they run no code of
// their own, crash on purpose, or do their work recovered.

import (
	"context"
	"fatal"
	"fmt"
	"log"
	"os"
	"sync"
)

func handlePanic() { // want handlePanic:"recovery\\(recovers,only\\)"
	if r := recover(); r != nil {
		log.Printf("panic: %v", r)
	}
}

func work() { fmt.Print("work") }

// Control hands its user's callback to control.
func Control(cb func()) { control(cb) } // want Control:"recovery\\(delegates,runs\\[0\\],starts\\[0\\]\\)"

// The control: reported in both modes (the user's callback, and the package
// recovers elsewhere).
func control(cb func()) { // want control:"recovery\\(runs\\[0\\],starts\\[0\\]\\)"
	go func() { // want `goroutine running the function literal does not recover panics`
		cb()
	}()
	go func() {
		defer handlePanic()
		cb()
	}()
}

// A deferred literal that only sends, closes or calls sync is no code of its own.
func deferredSignal(ctx context.Context, done chan error, wg *sync.WaitGroup) {
	go func() {
		var err error
		defer func() { done <- err }()
		<-ctx.Done()
		err = ctx.Err()
	}()
	go func() {
		defer func() {
			wg.Done()
			close(done)
		}()
		wg.Wait()
	}()
}

type watcher struct {
	quit chan struct{}
	wg   sync.WaitGroup
}

// A named function whose body only waits and closes runs no code, and neither
// does a goroutine calling a one-line helper that only closes.
func (w *watcher) start(ctx context.Context) {
	go w.loop()
	go func() {
		<-ctx.Done()
		w.stop()
	}()
	stop := func() { w.stop() }
	go func() {
		<-ctx.Done()
		stop()
	}()
}

func (w *watcher) loop() {
	w.wg.Wait()
	close(w.quit)
}

func (w *watcher) stop() { close(w.quit) }

// Recovery inside an inline literal called per batch covers the work.
func batches(in chan []int) {
	go func() {
		for batch := range in {
			func() {
				defer handlePanic()
				process(batch)
			}()
		}
	}()
}

func process([]int) { work() }

// A goroutine whose callee ends the process, through a function of this
// package or of another, crashes on purpose.
func signals(sig chan os.Signal, err error) {
	go func() {
		<-sig
		work()
		shutdown()
	}()
	go shutdown()
	go func() {
		work()
		fatal.Die(err)
	}()
	go fatal.Exitf("bye")
}

func shutdown() { // want shutdown:"recovery\\(crashes\\)"
	work()
	os.Exit(0)
}

type logger struct{}

func (logger) Panicf(format string, args ...any) { panic(fmt.Sprintf(format, args...)) }
func (logger) Fatal(args ...any)                 { log.Fatal(args...) } // want Fatal:"recovery\\(crashes\\)"

// A logger's Panic and Fatal methods, the standard log's, and a project's own
// Fatalf are the author's chosen crash.
func crashHelpers(l logger, errs chan error) {
	go func() {
		for err := range errs {
			work()
			l.Panicf("failed: %v", err)
		}
	}()
	go func() {
		work()
		l.Fatal("stop")
	}()
	go func() {
		work()
		log.Panicln("stop")
	}()
	go func() {
		work()
		fatal.Fatalf("stop")
	}()
}

// Thrown hands its user's callback to thrown.
func Thrown(cb func(), err error) { thrown(cb, err) } // want Thrown:"recovery\\(wraps\\[0\\]\\)"

// A helper that panics to be recovered by its caller is not a chosen crash:
// reported in both modes (it runs the user's callback too, for the default rule).
func thrown(cb func(), err error) { // want thrown:"recovery\\(wraps\\[0\\]\\)"
	go func() { // want `goroutine running the function literal does not recover panics`
		cb()
		fatal.Throw(err)
	}()
}
