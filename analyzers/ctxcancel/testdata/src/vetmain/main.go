package main

import (
	"context"
	"time"
)

var maybe bool

// Returning from main ends the program.
func main() {
	_, cancel := context.WithCancel(context.Background())
	if maybe {
		cancel()
	}
	if maybe {
		ctx, _ := context.WithTimeout(parent, time.Second) // divergence: main.main runs once per process, so it loses one context at most, and the exit releases it
		_ = ctx
	}
	for maybe {
		ctx, _ := context.WithTimeout(parent, time.Second) // want `the cancel function returned by context.WithTimeout is discarded`
		_ = ctx
	}
	setUp()
	for range 3 {
		perRound()
		notMainParent() // called: a function of package main that nothing calls never runs, and would be quiet
	}
	go inGoroutine()
	handle(handler)
}

// Called once, from main's top level: runs once per process.
func setUp() {
	_, cancel := context.WithTimeout(parent, time.Second) // divergence: setUp runs once per process (one plain call from main), so it loses one context at most
	if maybe {
		cancel()
	}
} // divergence: the same context

// Called in a loop: each round loses a context.
func perRound() {
	_, cancel := context.WithTimeout(parent, time.Second) // want `is not called on the path to the end of the function at line 47`
	if maybe {
		cancel()
	}
}

// Started once as a goroutine, from main's top level: a go statement runs its
// function once, as a call does.
func inGoroutine() {
	ctx, _ := context.WithTimeout(parent, time.Second) // divergence: main starts it once per process, so it loses one context at most
	_ = ctx
}

func handle(func()) {}

// Used as a value (a handler): it may run any number of times.
func handler() {
	ctx, _ := context.WithTimeout(parent, time.Second) // want `the cancel function returned by context.WithTimeout is discarded`
	_ = ctx
}

// go vet's notMain passes a nil parent; a real one is either context.Background(),
// which holds nothing, or a context that can be done.
func notMain() {
	_, cancel := context.WithCancel(context.Background()) // divergence: a cancel context of Background registers with nothing, so nothing is lost
	if maybe {
		cancel()
	}
} // divergence: the same context

var parent = context.Background()

func notMainParent() {
	_, cancel := context.WithCancel(parent) // want `is not called on the path to the end of the function at line 80`
	if maybe {
		cancel()
	}
}
