package wrapped // want package:"recovery analyzed"

// Package wrapped starts its goroutines through its own wrapper, which recovers
// them: that is the code base recovering, and a goroutine started bare that runs
// a callback is reported.

import (
	"fmt"
	"log"
)

func safeGo(f func()) { // want safeGo:"recovery\\(runs\\[0\\],starts\\[0\\]\\)"
	go func() {
		defer func() {
			if r := recover(); r != nil {
				log.Print(r)
			}
		}()
		f()
	}()
}

func Start(cb func()) { // want Start:"recovery\\(delegates,wraps\\[0\\]\\)"
	safeGo(func() { fmt.Print("work") })
	go func() { // want `goroutine running the function literal does not recover panics, though it runs code this package does not control \(cb\)`
		cb()
	}()
}
