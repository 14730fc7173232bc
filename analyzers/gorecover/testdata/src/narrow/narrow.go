package narrow // want package:"recovery analyzed"

// Package narrow recovers only narrowly: around one send on a channel the
// user may have closed (the value discarded), and in a wrapper that recovers
// only when the user set a handler (an opt-in). Neither shows that it recovers
// its goroutines, so a goroutine that runs a callback is not reported.

// PanicHandler, when set, is called with the panics of the package's goroutines.
var PanicHandler func(any)

func withRecover(fn func()) { // want withRecover:"recovery\\(recovered,narrow,runs\\[0\\]\\)"
	defer func() {
		if h := PanicHandler; h != nil {
			if r := recover(); r != nil {
				h(r)
			}
		}
	}()
	fn()
}

func deliver(ch chan error, err error) { // want deliver:"recovery\\(narrow\\)"
	go func() {
		defer func() { _ = recover() }() // the user may have closed ch
		ch <- err
	}()
}

func loop() {}

func Start(cb func()) { // want Start:"recovery\\(wraps\\[0\\]\\)"
	go withRecover(loop)
	// known false negative: with PanicHandler set, the user expects this panic
	// handed to it too; but an opt-in recover is no sign, as the deliver guard is not.
	go func() {
		cb()
	}()
}
