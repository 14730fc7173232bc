package concrete

import (
	"context"
	"errors"
)

type challenge struct{ kind string }

func pickChallenge(kind string, offered []*challenge) *challenge {
	for _, c := range offered {
		if c.kind == kind {
			return c
		}
	}
	return nil
}

func authorize(context.Context) ([]*challenge, error)                 { return nil, nil }
func fulfill(context.Context, *challenge) (cleanup func(), err error) { return func() {}, nil }
func accept(context.Context, *challenge) error                        { return nil }
func waitOrder(context.Context) error                                 { return nil }

// From spire's autocert verify: a loop without a condition that retries with the
// next challenge type after a failure. Each round declares chal nil and returns
// unless the pick loop sets it, and the pick loop runs its body (which advances
// next) only past next < len(kinds); so every run of the defer after the first
// has passed that test, and the cleanups pile up one per challenge type at most.
// The loop comes round only after a failure (err != nil): a bounded retry, a plain
// delay, quiet by default.
func verifyChallenges(ctx context.Context, kinds []string) error {
	next := 0
	for {
		offered, err := authorize(ctx)
		if err != nil {
			return err
		}
		var chal *challenge
		for chal == nil && next < len(kinds) {
			chal = pickChallenge(kinds[next], offered)
			next++
		}
		if chal == nil {
			return errors.New("no viable challenge")
		}
		cleanup, err := fulfill(ctx, chal)
		if err != nil {
			continue
		}
		defer cleanup()
		if err := accept(ctx, chal); err != nil {
			continue
		}
		return nil
	}
}

// The same retry with chal declared before the loop: a round after a failure
// keeps the challenge it picked, skips the pick loop and its test, and tries the
// same challenge again, for as long as it fails. Reported.
func verifySameChallenge(ctx context.Context, kinds []string) error {
	next := 0
	var chal *challenge
	for {
		offered, err := authorize(ctx)
		if err != nil {
			return err
		}
		for chal == nil && next < len(kinds) {
			chal = pickChallenge(kinds[next], offered)
			next++
		}
		if chal == nil {
			return errors.New("no viable challenge")
		}
		cleanup, err := fulfill(ctx, chal)
		if err != nil {
			continue
		}
		defer cleanup() // want `cleanup\(\) is deferred in a loop, so it runs when verifySameChallenge returns, not at the end of each iteration, and the deferred calls pile up for as long as the loop runs`
		if err := accept(ctx, chal); err != nil {
			continue
		}
		return nil
	}
}

// From spire's autocert verifyRFC: the deferred literal runs at the top of each
// round, and the pick loop sits in a loop over the order's pending
// authorizations. An order with none pending whose wait fails comes round
// without advancing next, and again for as long as the wait fails: nothing in the
// code bounds the pile. Reported (policy: the literal only starts a goroutine,
// "after we're done").
func verifyOrder(ctx context.Context, kinds []string, pending [][]*challenge) error {
	next := 0
	for {
		offered, err := authorize(ctx)
		if err != nil {
			return err
		}
		defer func() { // want `the deferred function literal is deferred in a loop, so it runs when verifyOrder returns, not at the end of each iteration, and the deferred calls pile up for as long as the loop runs`
			go println(len(offered))
		}()
		for range pending {
			var chal *challenge
			for chal == nil && next < len(kinds) {
				chal = pickChallenge(kinds[next], offered)
				next++
			}
			if chal == nil {
				return errors.New("no viable challenge")
			}
		}
		if err := waitOrder(ctx); err != nil {
			continue
		}
		return nil
	}
}
