package tests // want package:"recovery analyzed"

import "fmt"

// work stands for code that can panic.
func work() { fmt.Print("work") }

func start() {
	go work() // want "goroutine running work does not recover panics"
}
