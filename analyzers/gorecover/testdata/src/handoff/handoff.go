package handoff // want package:"recovery analyzed"

// Package handoff recovers some of its goroutines. The user's callback in a
// function literal that a goroutine hands to something else (an event loop's
// queue, a field, a timer) runs where that literal is run, not in the
// goroutine: only a literal the goroutine runs itself makes it run the user's
// code.

import (
	"fmt"
	"log"
	"sort"
	"sync"
	"time"
)

func handlePanic() { // want handlePanic:"recovery\\(recovers,only\\)"
	if r := recover(); r != nil {
		log.Printf("panic: %v", r)
	}
}

func work() error { fmt.Print("work"); return nil }

type Env struct {
	mu     sync.Mutex
	queue  []func()
	once   sync.Once
	onDone func()
}

// The package has shown that it cares: this goroutine recovers.
func (e *Env) loop() {
	go func() {
		defer handlePanic()
		for _, f := range e.queue {
			f()
		}
	}()
}

// postCallback queues f for the main loop.
func (e *Env) postCallback(f func()) {
	e.mu.Lock()
	e.queue = append(e.queue, f)
	e.mu.Unlock()
}

// withLock runs f before it returns, in its caller's goroutine.
func (e *Env) withLock(f func()) {
	e.mu.Lock()
	defer e.mu.Unlock()
	f()
}

// Negatives: the callback is called in a literal handed off, so it runs
// elsewhere (temporal's test environment posts it to its main loop).
func (e *Env) Signal(callback func(error)) {
	go func() { // callback runs in the closure posted to the main loop
		err := work()
		e.postCallback(func() {
			callback(err)
		})
	}()
	go func() { // callback runs when the user's code calls onDone, wherever that is
		err := work()
		e.onDone = func() { callback(err) }
	}()
	go func() { // callback runs in the goroutine that time.AfterFunc starts
		err := work()
		time.AfterFunc(time.Second, func() { callback(err) })
	}()
	go func() { // callback runs in the literal the main loop receives
		err := work()
		e.queue = append(e.queue, func() { callback(err) })
	}()
}

// Positives: the literal runs in the goroutine, so the callback does.
func (e *Env) Notify(callback func(error)) {
	go func() { // want `runs code this package does not control \(callback\)`
		err := work()
		e.withLock(func() { callback(err) })
	}()
	go func() { // want `runs code this package does not control \(callback\)`
		err := work()
		e.once.Do(func() { callback(err) })
	}()
	go func() { // want `runs code this package does not control \(callback\)`
		err := work()
		report := func() { callback(err) }
		report()
	}()
	go func() { // want `runs code this package does not control \(Less\)`
		xs := []int{2, 1}
		_ = work()
		sort.Slice(xs, func(i, j int) bool { return Less(xs[i], xs[j]) })
	}()
}

// Less is the user's order.
var Less func(a, b int) bool
