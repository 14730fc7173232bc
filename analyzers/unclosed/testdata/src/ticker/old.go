//go:build go1.22

package ticker

import "time"

func tickerNotStopped(done chan struct{}) {
	t := time.NewTicker(time.Second) // want `t \(ticker from time.NewTicker\) is not stopped on any path, so before Go 1.23 an unstopped ticker is never garbage collected`
	for {
		select {
		case <-done:
			return
		case <-t.C:
		}
	}
}

func tick(done chan struct{}) {
	c := time.Tick(time.Second) // want `c from time.Tick cannot be stopped and is still referenced on the path to the return at line 23`
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
		case <-time.Tick(time.Second): // want `time.Tick in a loop creates a new ticker each time round, and before Go 1.23 none of them can ever be stopped or garbage collected: create one with time.NewTicker before the loop and defer its Stop`
		}
	}
}

// The range expression is evaluated once: one ticker, for the life of the loop.
func tickRangedOnce() {
	for range time.Tick(time.Second) { // quiet: one ticker, in use for ever
		work()
	}
}
