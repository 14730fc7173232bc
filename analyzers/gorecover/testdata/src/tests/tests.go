package tests // want package:"recovery analyzed"

func work() {}

func start() {
	go work() // want "goroutine running work does not recover panics"
}
