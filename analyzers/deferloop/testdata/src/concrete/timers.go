package concrete

import (
	"context"
	"time"
)

// The cases of a deferred Stop of a timer in a loop: a timer whose channel was
// received from has fired, and Stop has nothing left to do.

// Timer and Clock are the shape of k8s.io/utils/clock's interfaces.
type Timer interface {
	C() <-chan time.Time
	Stop() bool
}

type Clock interface {
	NewTimer(time.Duration) Timer
}

type leaseController struct{ clock Clock }

func (*leaseController) ensure() error { return nil }

// From virtual-kubelet's backoffEnsureLease: the only path that comes round to
// the next iteration takes the case receiving from the timer's channel, so the
// timer has fired and its deferred Stop does nothing; the other case returns,
// which runs the defer. Quiet.
func (c *leaseController) backoff(ctx context.Context) bool {
	sleep := 100 * time.Millisecond
	for {
		if err := c.ensure(); err == nil {
			return true
		}
		timer := c.clock.NewTimer(sleep)
		defer timer.Stop()
		select {
		case <-timer.C():
		case <-ctx.Done():
			return false
		}
	}
}

// The same with a time.Timer and a plain receive from its field C. Quiet.
func waitRounds(n int, d time.Duration) {
	for i := 0; i < n*10; i++ {
		t := time.NewTimer(d)
		defer t.Stop()
		use(i)
		<-t.C
	}
}

// A case that comes round without receiving from the timer (a kick) leaves it
// running until the function returns, one more per kick. Reported.
func kicked(ctx context.Context, kick <-chan struct{}, d time.Duration) {
	for {
		timer := time.NewTimer(d)
		defer timer.Stop() // want `timer.Stop\(\) is deferred in a loop, so every iteration's timer keeps running until kicked returns`
		select {
		case <-timer.C:
		case <-kick:
			continue
		case <-ctx.Done():
			return
		}
	}
}

// A ticker goes on ticking after each receive: not a timer that has fired.
// Reported.
func ticked(ctx context.Context, d time.Duration) {
	for {
		t := time.NewTicker(d)
		defer t.Stop() // want `t.Stop\(\) is deferred in a loop, so every iteration's t keeps running until ticked returns`
		select {
		case <-t.C:
		case <-ctx.Done():
			return
		}
	}
}

// The timer is reset after the receive, so it runs again when the loop comes
// round; the receive is taken as its end all the same. Quiet: known false
// negative.
func resetAfterFire(ctx context.Context, d time.Duration, kick <-chan struct{}) {
	for {
		t := time.NewTimer(d)
		defer t.Stop()
		<-t.C
		t.Reset(d)
		select {
		case <-kick:
		case <-ctx.Done():
			return
		}
	}
}
