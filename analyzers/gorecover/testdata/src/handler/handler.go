package handler // want package:"recovery analyzed"

import (
	"fmt"
	"log"
)

// work stands for code that can panic.
func work() { fmt.Print("work") }

// Two different helpers in the package: without -gorecover.handler no fix would be
// offered; with it, the handler's package is imported.
func a() {
	go func() {
		defer helperA()
	}()
	go func() {
		defer helperB()
	}()
	go func() { // want "goroutine running the function literal does not recover panics"
		work()
	}()
}

func helperA() { // want helperA:"recovery\\(recovers,only\\)"
	if r := recover(); r != nil {
		log.Print(r)
	}
}

func helperB() { // want helperB:"recovery\\(recovers,only\\)"
	if r := recover(); r != nil {
		log.Print(r)
	}
}
