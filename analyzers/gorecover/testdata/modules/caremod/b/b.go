package b // want package:"recovery analyzed, goroutines recover"

// Package b recovers no goroutine itself, but imports a package of its module
// that does: a goroutine running a callback is reported.

import (
	"example.com/caremod/a"
	"fmt"
)

var _ = a.HandlePanic

func Start(cb func()) { // want Start:"recovery\\(wraps\\[0\\]\\)"
	go func() { // want `goroutine running the function literal does not recover panics, though it runs code this package does not control \(cb\) and goroutines of example.com/caremod/a, in the same module, recover`
		fmt.Print("start")
		cb()
	}()
}
