package b // want package:"recovery analyzed"

// Package b recovers no goroutine itself, but imports a package of its module
// that does. Only a package's own goroutines show that it recovers: another
// package of the module (a pool, a test helper) recovers for reasons of its own.

import (
	"example.com/caremod/a"
	"fmt"
)

var _ = a.HandlePanic

func Start(cb func()) { // want Start:"recovery\\(wraps\\[0\\]\\)"
	go func() { // quiet: b itself recovers no goroutine
		fmt.Print("start")
		cb()
	}()
}
