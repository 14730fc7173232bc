package mostly // want package:"recovery analyzed"

// Package mostly recovers most of its goroutines, in different functions and
// files; a goroutine that runs other work and does not recover is not reported
// for being outnumbered.

import (
	"fmt"
	"log"
)

func handlePanic() { // want handlePanic:"recovery\\(recovers,only\\)"
	if r := recover(); r != nil {
		log.Printf("panic: %v", r)
	}
}

func one() {
	go func() {
		defer handlePanic()
		fmt.Print("1")
	}()
}

func two() {
	go func() {
		defer handlePanic()
		fmt.Print("2")
	}()
}
