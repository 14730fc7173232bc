package ticker // want package:"analyzed}$"

// A ticker stopped where it is made: no fact.

import "time"

// No fact: tickerStopped stops its ticker.
func tickerStopped(done chan struct{}) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	<-done
}
