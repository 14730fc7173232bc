package convention

import "fmt"

// Each function of this file starts one goroutine; two of the three recover, so
// the third departs from the file's convention.
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
	go func() { // want `goroutine running the function literal does not recover panics, unlike most goroutines started in this file \(2 of 3 recover\)`
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
