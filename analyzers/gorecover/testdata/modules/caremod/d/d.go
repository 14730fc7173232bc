package d // want package:"recovery analyzed"

// Package d defers its module's helper in a goroutine of its own: it recovers,
// and its callback goroutine is reported.

import (
	"example.com/caremod/a"
	"fmt"
)

func Start(cb func()) { // want Start:"recovery\\(wraps\\[0\\]\\)"
	go func() {
		defer a.HandlePanic()
		fmt.Print("serve")
	}()
	go func() { // want `goroutine running the function literal does not recover panics, though it runs code this package does not control \(cb\) and other goroutines of this package recover`
		cb()
	}()
}
