package mostly

import "fmt"

func three() {
	go func() {
		defer handlePanic()
		fmt.Print("3")
	}()
}
