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

// From Go 1.23 the tickers made each time round are collected.
func tickEachIterationNew(done chan struct{}) {
	for {
		select {
		case <-done:
			return
		case <-time.Tick(time.Second): // quiet: collected once unreferenced
		}
	}
}
