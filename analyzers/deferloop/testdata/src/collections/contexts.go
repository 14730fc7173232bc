package collections

import (
	"context"
)

// A context per round of a count is made as the loop goes, with no collection to
// bound it: reported (so are those with a timeout, see messages.contexts).
func pingRounds(ctx context.Context, u string, rounds int) error {
	for range rounds {
		rctx, cancel := context.WithCancel(ctx)
		defer cancel() // want `cancel\(\) is deferred in a loop, so every iteration's context stays uncancelled until pingRounds returns`
		if ping(rctx, u) == nil {
			return nil
		}
	}
	return errNoServer
}

// A larger constant count without a timeout is a batch, whose pile grows with
// the count: reported.
func interopBatchCancel(ctx context.Context, u string) error {
	for range 32 {
		cctx, cancel := context.WithCancel(ctx)
		defer cancel() // want `cancel\(\) is deferred in a loop, so every iteration's context stays uncancelled until interopBatchCancel returns`
		if err := ping(cctx, u); err != nil {
			return err
		}
	}
	return nil
}
