package goroutines // want package:"recovery analyzed"

import "os"

func work() { os.ReadFile("x") }

// Start's goroutine is reported because ../../deferlint.toml sets gorecover's
// strict option, as a warning, its category's default grade.
func Start() {
	go func() { // want `^warning: goroutine running the function literal does not recover panics`
		work()
	}()
}
