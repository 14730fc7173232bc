//go:build go1.23

package ticker

import "time"

// From Go 1.23 unreferenced tickers are collected.
func tickerNotStoppedNew(done chan struct{}) {
	t := time.NewTicker(time.Second)
	for {
		select {
		case <-done:
			return
		case <-t.C:
		}
	}
}
