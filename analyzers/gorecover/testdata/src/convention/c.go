package convention

import "fmt"

// Each function of this file starts one goroutine; two of the three recover.
// The third runs work of its own, and is not reported for being outnumbered.
func first() {
	go func() {
		defer handlePanic()
		fmt.Print("h")
	}()
}

func second() {
	go func() {
		defer handlePanic()
		fmt.Print("i")
	}()
}

func third() {
	go func() { // no majority rule: quiet
		fmt.Print("j")
	}()
}

// A goroutine that only waits and signals runs no code: it counts for neither
// side.
func waiter(done chan struct{}, out chan int) {
	go func() {
		<-done
		close(out)
	}()
}
