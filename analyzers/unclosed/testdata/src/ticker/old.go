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
