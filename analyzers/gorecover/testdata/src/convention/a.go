package convention // want package:"recovery analyzed, goroutines recover"

// Package convention recovers most goroutines of some functions and files but
// not of the package as a whole: a goroutine is reported where it departs from
// its own function's or file's majority.

import (
	"fmt"
	"log"
)

func handlePanic() { // want handlePanic:"recovery\\(recovers,only\\)"
	if r := recover(); r != nil {
		log.Printf("panic: %v", r)
	}
}

// Start recovers two of its three goroutines: the third is reported.
func Start() {
	go func() {
		defer handlePanic()
		fmt.Print("a")
	}()
	go func() {
		defer handlePanic()
		fmt.Print("b")
	}()
	go func() { // want `goroutine running the function literal does not recover panics, unlike most goroutines started in Start \(2 of 3 recover\), so a panic in it ends the whole process`
		fmt.Print("c")
	}()
}
