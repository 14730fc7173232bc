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
	t := time.NewTicker(d)
	for range t.C {
		select {
		case <-stop:
			return
		default:
			work()
		}
	}
}
