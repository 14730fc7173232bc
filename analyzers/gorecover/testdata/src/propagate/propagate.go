package propagate // want package:"recovery analyzed"

// Package propagate recovers in goroutines only to pass the panic on, or checks
// synchronously whether a function panics: none of that shows that it wants
// goroutines recovered, so its callback goroutine is not reported.

import (
	"errors"
	"log"
)

var errStop = errors.New("stop")

// rethrow logs a panic and passes it on.
func rethrow() { // want rethrow:"recovery\\(recovers,only,propagates\\)"
	if r := recover(); r != nil {
		log.Print(r)
		panic(r)
	}
}

// panics reports whether f panics, in the caller's goroutine.
func panics(f func()) (failed bool) { // want panics:"recovery\\(recovered,runs\\[0\\]\\)"
	defer func() { failed = recover() != nil }()
	f()
	return false
}

// Check runs a check through panics: a recover, but in the caller's goroutine.
func Check(f func()) bool { // want Check:"recovery\\(delegates,runs\\[0\\]\\)"
	return panics(f)
}

func work() { log.Print("work") }

func Start(cb func()) { // want Start:"recovery\\(delegates,propagates,wraps\\[0\\]\\)"
	go func() { // recovers only to re-panic
		defer rethrow()
		work()
	}()
	go func() { // keeps a sentinel, re-panics the rest
		defer func() {
			if r := recover(); r != nil && r != errStop {
				panic(r)
			}
		}()
		work()
	}()
	go func() { // recovers, stores the panic, and a second deferred function re-panics it
		var p any
		defer func() {
			if p != nil {
				panic(p)
			}
		}()
		func() {
			defer func() { p = recover() }()
			work()
		}()
	}()
	_ = Check(work)
	go func() { // quiet: nothing above keeps a panic
		cb()
	}()
}
