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

func notMain() {
	_, cancel := context.WithCancel(context.Background()) // want `is not called on every path`
	if maybe {
		cancel()
	}
} // want `this return leaks the context created at line 16`
