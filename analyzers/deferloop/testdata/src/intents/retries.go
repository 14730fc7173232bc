package intents

import (
	"context"
	"time"
)

func attemptSign(context.Context) ([]byte, error) { return nil, nil }

func shouldRetry(err error, attempt int) bool { return err != nil && attempt < 3 }

// A bounded retry loop (see concrete/retries.go): quiet by default; with
// -deferloop.delayed its one consequence, the delay, is reported as plain delay,
// not as a context held per iteration.
func signCounted(parent context.Context) ([]byte, error) {
	for attempt := 0; ; attempt++ {
		ctx, cancel := context.WithCancel(parent)
		defer cancel() // want `cancel\(\) is deferred in a loop, so it runs when signCounted returns, not at the end of each iteration: call it at the end of the iteration`
		sig, err := attemptSign(ctx)
		if err != nil && shouldRetry(err, attempt) {
			time.Sleep(time.Second)
			continue
		}
		return sig, err
	}
}

// The same in a loop built with goto.
func signCountedGoto(parent context.Context, attempts int) ([]byte, error) {
retry:
	ctx, cancel := context.WithCancel(parent)
	defer cancel() // want `cancel\(\) is deferred in a loop, so it runs when signCountedGoto returns, not at the end of each iteration: call it at the end of the iteration`
	sig, err := attemptSign(ctx)
	if err != nil && attempts > 0 {
		attempts--
		goto retry
	}
	return sig, err
}
