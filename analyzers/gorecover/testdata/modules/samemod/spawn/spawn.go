package spawn // want package:"recovery analyzed"

// Go calls f from a goroutine that nothing recovers: that go statement is
// reported here, where the fix belongs, and not at every call in the module.
func Go(f func()) { // want Go:"recovery\\(wraps\\[0\\]\\)"
	go func() { // want `goroutine running the function literal does not recover panics`
		f()
	}()
}
