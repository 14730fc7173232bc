package concrete

import (
	"bufio"
	"context"
	"time"
)

type pauses struct{ d time.Duration }

func (b *pauses) Pause() time.Duration { b.d *= 2; return b.d }

func acknowledge(context.Context, []string) ([]string, error) { return nil, nil }

// From pubsub's retryAcks: a context with its own timeout per attempt, a backoff's
// pause before every next attempt, and a loop that ends with its parent's
// deadline. Each context frees its timer at its deadline, and the pauses space the
// attempts: the deferred calls pile up one per attempt, which the parent's
// deadline bounds. Plain delay, reported with -deferloop.delayed. Quiet.
func retryAcks(ids []string) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	bo := &pauses{d: time.Millisecond}
	for {
		if ctx.Err() != nil {
			return
		}
		actx, cancel2 := context.WithTimeout(ctx, 60*time.Second)
		defer cancel2()
		retry, _ := acknowledge(actx, ids)
		if len(retry) == 0 {
			return
		}
		time.Sleep(bo.Pause())
		ids = retry
	}
}

// From pkgsite's pollForPath: a context with the poll's timeout per tick of a
// ticker, until the request's context ends. Quiet, as above.
func pollForPath(ctx context.Context, every time.Duration, check func(context.Context) bool) bool {
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return false
		case <-ticker.C:
			cctx, cancel := context.WithTimeout(ctx, every)
			defer cancel()
			if check(cctx) {
				return true
			}
		}
	}
}

// The same retry with a context without a deadline: each stays registered with
// its parent until the function returns. Reported.
func retryAcksCancel(ctx context.Context, ids []string) {
	bo := &pauses{d: time.Millisecond}
	for {
		if ctx.Err() != nil {
			return
		}
		actx, cancel := context.WithCancel(ctx)
		defer cancel() // want `cancel\(\) is deferred in a loop, so every iteration's context stays uncancelled until retryAcksCancel returns`
		retry, _ := acknowledge(actx, ids)
		if len(retry) == 0 {
			return
		}
		time.Sleep(bo.Pause())
		ids = retry
	}
}

// A timeout context per line of input, with no wait between lines: the loop makes
// contexts as fast as input comes, and their deferred calls pile up with it.
// Reported.
func handleLines(ctx context.Context, sc *bufio.Scanner, handle func(context.Context, string)) {
	for sc.Scan() {
		if ctx.Err() != nil {
			return
		}
		lctx, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel() // want `cancel\(\) is deferred in a loop, so every iteration's context stays registered, with its timer, until its deadline passes, and in memory until handleLines returns`
		handle(lctx, sc.Text())
	}
}

// The loop waits only when busy: a path comes round at once. Reported.
func retrySometimesWaiting(ctx context.Context, ids []string, busy func() bool) {
	for {
		if ctx.Err() != nil {
			return
		}
		actx, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel() // want `cancel\(\) is deferred in a loop, so every iteration's context stays registered, with its timer, until its deadline passes, and in memory until retrySometimesWaiting returns`
		retry, _ := acknowledge(actx, ids)
		if len(retry) == 0 {
			return
		}
		if busy() {
			time.Sleep(time.Second)
		}
		ids = retry
	}
}
