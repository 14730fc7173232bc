package concrete

import (
	"context"
	"errors"
	"os"
	"time"
)

func attempt(context.Context) (bool, error) { return false, nil }

// From anthropic-sdk-go's send: a timeout per attempt, whose cancel the loop
// calls itself before making the next one; the deferred literal reads cancel at
// return, so every copy cancels the last attempt's context (unless handed on and
// set to nil), and none holds an earlier one. Meant for return. Quiet.
func sendAttempts(ctx context.Context, timeout time.Duration) error {
	var cancel context.CancelFunc
	for retry := 0; ; retry++ {
		if cancel != nil {
			cancel()
			cancel = nil
		}
		actx := ctx
		if timeout != 0 {
			actx, cancel = context.WithTimeout(ctx, timeout)
			defer func() {
				if cancel != nil {
					cancel()
				}
			}()
		}
		done, err := attempt(actx)
		if done {
			cancel = nil // handed on with the result
			return err
		}
		if errors.Is(err, context.Canceled) {
			return err
		}
	}
}

// The loop replaces the file without closing the previous one: the deferred
// literal closes only the last, at return, and every earlier file stays open.
// Reported.
func openEach(next func() string, use func(*os.File) bool) {
	var f *os.File
	for {
		var err error
		f, err = os.Open(next())
		if err != nil {
			continue
		}
		defer func() { // want `the deferred function literal is deferred in a loop, so it runs when openEach returns, not at the end of each iteration, and the deferred calls pile up for as long as the loop runs`
			if f != nil {
				f.Close()
			}
		}()
		if use(f) {
			return
		}
	}
}
