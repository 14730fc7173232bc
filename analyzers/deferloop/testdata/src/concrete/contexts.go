package concrete

import (
	"context"
	"errors"
	"time"
)

type resolver struct{}

func (*resolver) lookup(context.Context, string) ([]string, error) { return nil, nil }

func ping(context.Context, string) error { return nil }

type strategy interface{ wait(context.Context) error }

// From prometheus/alertmanager's resolvePeers: a context per configured peer. A
// context is memory, not a descriptor, and one per element of a collection the
// program holds costs in proportion to that collection; all are released when the
// function returns. Quiet; reported as plain delay with -deferloop.delayed.
func resolvePeers(ctx context.Context, r *resolver, peers []string) []string {
	var out []string
	for _, peer := range peers {
		lctx, cancel := context.WithCancel(ctx)
		defer cancel()
		addrs, err := r.lookup(lctx, peer)
		if err != nil {
			continue
		}
		out = append(out, addrs...)
	}
	return out
}

// From testcontainers-go's MultiStrategy.WaitUntilReady: a timer per wait strategy,
// the cancel func declared outside the loop. Quiet, as above.
func waitAll(ctx context.Context, strategies []strategy, timeout time.Duration) error {
	var cancel context.CancelFunc
	for _, s := range strategies {
		sctx := ctx
		if timeout > 0 {
			sctx, cancel = context.WithTimeout(ctx, timeout)
			defer cancel()
		}
		if err := s.wait(sctx); err != nil {
			return err
		}
	}
	return nil
}

var errNoServer = errors.New("no server")

// From olivere/elastic's startupHealthcheck: the walk over the configured URLs is
// retried until a time is up, a collection's worth of contexts per round, but each
// context has a timeout and frees itself when it passes: the time bounds the pile.
// Quiet.
func healthcheck(ctx context.Context, urls []string, timeout time.Duration) error {
	start := time.Now()
	done := false
	for !done {
		for _, u := range urls {
			rctx, cancel := context.WithTimeout(ctx, timeout)
			defer cancel()
			if ping(rctx, u) == nil {
				return nil
			}
		}
		done = time.Since(start) > timeout
	}
	return errNoServer
}

// The same retried walk with contexts that only cancel frees: each round adds a
// collection's worth that stays registered with ctx until the function returns.
// Reported.
func healthcheckCancel(ctx context.Context, urls []string, timeout time.Duration) error {
	start := time.Now()
	for time.Since(start) < timeout {
		for _, u := range urls {
			rctx, cancel := context.WithCancel(ctx)
			defer cancel() // want `cancel\(\) is deferred in a loop, so every iteration's context stays uncancelled until healthcheckCancel returns`
			if ping(rctx, u) == nil {
				return nil
			}
		}
	}
	return errNoServer
}

// A small constant count of contexts, each with its own timeout: the pile is
// bounded twice over. Quiet.
func interopRounds(ctx context.Context, u string) error {
	for range 5 {
		tctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		if err := ping(tctx, u); err != nil {
			return err
		}
	}
	return nil
}

// The same count without a timeout: each context waits for the function's
// return, but five of them are no more than five written one after another
// would hold (see concrete.walkDirectories): quiet, a plain delay.
func interopRoundsCancel(ctx context.Context, u string) error {
	for range 5 {
		cctx, cancel := context.WithCancel(ctx)
		defer cancel()
		if err := ping(cctx, u); err != nil {
			return err
		}
	}
	return nil
}

// From containernetworking/plugins' DHCP lease maintenance: a timeout context per
// round of a loop without a condition. Its timer cancels each context at the
// deadline; what piles up until return is the deferred calls and the contexts
// they hold. Reported, with that consequence.
func maintain(ctx context.Context, u string, timeout time.Duration, errGone error) {
	for {
		lctx, cancel := context.WithTimeoutCause(ctx, timeout, errGone)
		defer cancel() // want `cancel\(\) is deferred in a loop, so every iteration's context stays registered, with its timer, until its deadline passes, and in memory until maintain returns: call it at the end of the iteration`
		if ping(lctx, u) != nil {
			return
		}
		time.Sleep(time.Second)
	}
}
