package mostly

import (
	"fmt"
	"log"
	"os"
)

func four() {
	go func() { // want `goroutine running the function literal does not recover panics, unlike most goroutines started in this package \(3 of 4 recover\)`
		fmt.Print("4")
	}()
	// A goroutine that ends the process on purpose is not counted nor reported.
	go func() {
		fmt.Print("5")
		fatal("done")
	}()
}

// fatal exists to end the process.
func fatal(msg string) { // want fatal:"recovery\\(crashes\\)"
	log.Print(msg)
	os.Exit(1)
}
