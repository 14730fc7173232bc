package main

import "context"

var maybe bool

// Returning from main ends the program.
func main() {
	_, cancel := context.WithCancel(context.Background())
	if maybe {
		cancel()
	}
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
	_, cancel := context.WithCancel(parent) // want `is not called on every path`
	if maybe {
		cancel()
	}
} // want `this return leaks the context created at line 27`
