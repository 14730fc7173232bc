package c // want package:"recovery analyzed"

// Package c imports nothing of its module that recovers: it crashes on purpose,
// and its callback goroutine is not reported.

func Start(cb func()) { // want Start:"recovery\\(wraps\\[0\\]\\)"
	go func() {
		cb()
	}()
}
