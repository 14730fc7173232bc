package messages

// buffer is reference-counted: its method set has Retain() and Release().
type buffer struct{ refs int }

func (b *buffer) Retain()   { b.refs++ }
func (b *buffer) Release()  { b.refs-- }
func (b *buffer) Len() int  { return b.refs }
func newBuffer(int) *buffer { return &buffer{refs: 1} }

// With -deferloop.delayed, a deferred Release of a reference-counted value is
// reported as plain delay: what stays held depends on the value's other
// holders, which the pass cannot see, so the message names no pile.
func releaseBuffers(n int) int {
	total := 0
	for i := 0; i < n; i++ {
		b := newBuffer(i)
		defer b.Release() // want `b.Release\(\) is deferred in a loop, so it runs when releaseBuffers returns, not at the end of each iteration: call it at the end of the iteration`
		total += b.Len()
	}
	return total
}

// Handle is an interface with Release whose package's implementations hold
// nothing reference-counted (lease), unlike Arrow's compute.Datum: a handle per
// iteration stays held, and the message says so.
type Handle interface{ Release() }

type lease struct{ id int }

func (lease) Release() {}

func acquireHandle(i int) (Handle, error) { return lease{i}, nil }

func handleEach(n int) int {
	total := 0
	for i := 0; i < n; i++ {
		h, err := acquireHandle(i)
		if err != nil {
			continue
		}
		defer h.Release() // want `h.Release\(\) is deferred in a loop, so every iteration's h stays held until handleEach returns`
		total += i
	}
	return total
}
