package goroutines // want package:"recovery analyzed"

import "os"

func work() { os.ReadFile("x") }

// ../deferlint.toml turns strict off again here.
func Start() {
	go func() {
		work()
	}()
}
