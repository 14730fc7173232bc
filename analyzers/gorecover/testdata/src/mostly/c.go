package mostly

import (
	"fmt"
	"log"
	"os"
)

func four() {
	go func() { // no majority rule: 3 of 4 recover, but this one runs other work
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
