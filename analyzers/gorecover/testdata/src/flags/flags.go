package flags // want package:"recovery analyzed"

import (
	"example.com/pool"
	"fmt"
)

// work stands for code that can panic.
func work() { fmt.Print("work") }

// With -gorecover.launchers=(example.com/pool.Pool).Submit, the literals handed to
// Submit are checked.
func submit(p pool.Pool, h pool.Handler) {
	p.Submit(func() { // want `the function literal runs in a new goroutine started by \(pool.Pool\).Submit`
		work()
	})
	p.Submit(func() {
		defer h.Recover()
		work()
	})
}

// With -gorecover.recoverers=example.com/pool.Handler.Recover, deferring it
// recovers: spawn runs its argument recovered, so its callers are not reported.
func spawn(h pool.Handler, f func()) { // want spawn:"recovery\\(runs\\[1\\],starts\\[1\\]\\)"
	go func() {
		defer h.Recover()
		f()
	}()
}

func useSpawn(h pool.Handler) { // want useSpawn:"recovery\\(delegates\\)"
	spawn(h, func() { work() })
}
