package convention // want package:"recovery analyzed"

// Package convention recovers most goroutines of some functions and files. That
// the majority of a function's, file's or package's goroutines recover is no
// reason to report the others: a goroutine recovers because of the work it
// runs, and these run different work.

import (
	"fmt"
	"log"
)

func handlePanic() { // want handlePanic:"recovery\\(recovers,only\\)"
	if r := recover(); r != nil {
		log.Printf("panic: %v", r)
	}
}

// Start recovers two of its three goroutines; the third runs other work: quiet.
func Start() {
	go func() {
		defer handlePanic()
		fmt.Print("a")
	}()
	go func() {
		defer handlePanic()
		fmt.Print("b")
	}()
	go func() { // no majority rule: it runs none of the recovered goroutines' work
		fmt.Print("c")
	}()
}
