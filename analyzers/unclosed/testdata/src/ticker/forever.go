//go:build go1.22

package ticker

import "time"

func work() {}

// The runtime never closes a ticker's channel: a goroutine ranging over it runs as
// long as the process, using the ticker all the while. Nothing leaks; a deferred
// Stop would never run.
func rangeTickerForever(d time.Duration) {
	go func() {
		t := time.NewTicker(d) // quiet: in use for ever
		for range t.C {
			work()
		}
	}()
}

// Leaving the range by a return ends the function with the ticker running.
func rangeTickerUntil(d time.Duration, stop chan struct{}) {
	t := time.NewTicker(d) // want `t \(ticker from time.NewTicker\) is not stopped on any path`
	for range t.C {
		select {
		case <-stop:
			return
		default:
			work()
		}
	}
}

// A ticker made here and ranged over by a goroutine the function starts: the
// goroutine holds it for ever, and the function has nothing to stop
// (rolesanywhere's token cleaner).
func rangeTickerInGoroutine(d time.Duration) {
	t := time.NewTicker(d) // quiet: the goroutine ranges over its channel for ever
	go func() {
		for range t.C {
			work()
		}
	}()
}

// The goroutine leaves when stop is closed, and the ticker runs on.
func selectTickerInGoroutine(d time.Duration, stop chan struct{}) {
	t := time.NewTicker(d) // want `t \(ticker from time.NewTicker\) is not stopped on any path`
	go func() {
		for {
			select {
			case <-t.C:
				work()
			case <-stop:
				return
			}
		}
	}()
}

// A loop whose condition is the constant true has no way out either (prow's
// disk monitors, measurement 37: for ; true; <-ticker.C, started once by main):
// the ticker is in use until the process ends, and a deferred Stop would never run.
func monitorForever(d time.Duration) {
	ticker := time.NewTicker(d) // quiet: in use for ever
	for ; true; <-ticker.C {
		work()
	}
}

// The same loop left by a return ends the function with the ticker running.
func monitorUntil(d time.Duration, stop chan struct{}) {
	ticker := time.NewTicker(d) // want `ticker \(ticker from time.NewTicker\) is not stopped on any path`
	for ; true; <-ticker.C {
		select {
		case <-stop:
			return
		default:
			work()
		}
	}
}

// A goroutine ranging for ever over a channel from time.Tick (prow's deck,
// measurement 37): the runtime never closes it, and the ticker is in use for as
// long as the process runs.
func tickVarForever(d time.Duration) {
	go func() {
		t := time.Tick(d) // quiet: in use for ever
		for range t {
			work()
		}
	}()
}
