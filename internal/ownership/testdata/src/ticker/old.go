//go:build go1.22

package ticker

import "time"

func tickerNotStopped(done chan struct{}) {
	t := time.NewTicker(time.Second)
	for {
		select {
		case <-done:
			return
		case <-t.C:
		}
	}
}

func tick(done chan struct{}) {
	c := time.Tick(time.Second)
	for {
		select {
		case <-done:
			return
		case <-c:
		}
	}
}

func tickerStopped(done chan struct{}) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	<-done
}

func tickForever() {
	for range time.Tick(time.Second) {
	}
}

// time.Tick in the loop makes a new ticker each time round.
func tickEachIteration(done chan struct{}) {
	for {
		select {
		case <-done:
			return
		case <-time.Tick(time.Second):
		}
	}
}

// The range expression is evaluated once: one ticker, for the life of the loop.
func tickRangedOnce() {
	for range time.Tick(time.Second) { // quiet: one ticker, in use for ever
		work()
	}
}
