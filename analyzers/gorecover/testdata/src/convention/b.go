package convention

import "fmt"

// Pair recovers one of its two goroutines: no majority, and the file and the
// package recover fewer than half of theirs, so the other is not reported.
func Pair() {
	go func() {
		defer handlePanic()
		fmt.Print("d")
	}()
	go func() {
		fmt.Print("e")
	}()
}

// Loners recovers none: quiet.
func Loners() {
	go func() {
		fmt.Print("f")
	}()
	go func() {
		fmt.Print("g")
	}()
}
