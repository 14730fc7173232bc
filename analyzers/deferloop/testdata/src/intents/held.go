package intents

import (
	"context"
	"time"
)

type ref struct{}

func (*ref) acquire()                      {}
func (*ref) release()                      {}
func lookup(*ref, string) bool             { return false }
func work(context.Context)                 {}
func fetch(context.Context) (*conn, error) { return nil, nil }

// The loop lists the references the function took before it: it is two defers
// written once, releasing at return what was held before the loop.
func lookupBoth(a, b *ref, key string) bool {
	for _, r := range [...]*ref{a, b} {
		if r == nil {
			continue
		}
		defer r.release()
		if lookup(r, key) {
			return true
		}
	}
	return false
}

// The iteration acquires the listed reference itself before deferring its
// release: reported.
func acquireBoth(a, b *ref, key string) {
	for _, r := range []*ref{a, b} {
		r.acquire()
		defer r.release() // want `r.release\(\) is deferred in a loop, so it runs when acquireBoth returns`
		lookup(r, key)
	}
}

// The context goes to a goroutine that outlives the iteration: cancelling it at
// the end of the iteration would stop the worker.
func startWorkers(parent context.Context, n int) {
	for range n {
		ctx, cancel := context.WithCancel(parent)
		defer cancel()
		go work(ctx)
	}
	time.Sleep(time.Second)
}

// A context used only during the iteration: reported outside tests.
func fetchAll(parent context.Context, n int) []*conn {
	var conns []*conn
	for range n {
		ctx, cancel := context.WithTimeout(parent, time.Second)
		defer cancel() // want `cancel\(\) is deferred in a loop, so every iteration's context stays registered, with its timer, until its deadline passes, and in memory until fetchAll returns`
		c, err := fetch(ctx)
		if err != nil {
			continue
		}
		conns = append(conns, c)
	}
	return conns
}

// A set-up loop may end with several defers: the undo calls are meant for return.
func holdAll(refs []*ref) {
	for _, r := range refs {
		r.acquire()
		defer r.release()
		defer use(r)
	}
	use(refs)
}

// A defer followed by another statement after the last defer: reported.
func holdThenUse(refs []*ref) {
	for _, r := range refs {
		r.acquire()
		defer r.release() // want `r.release\(\) is deferred in a loop, so it runs when holdThenUse returns`
		defer use(r)      // want `use\(r\) is deferred in a loop, so it runs when holdThenUse returns`
		use()
	}
}

// A context per element of a collection is bounded by the collection: quiet by
// default, and with -deferloop.delayed reported as plain delay, which is all the
// code shows.
func fetchEach(parent context.Context, hosts []string) []*conn {
	var conns []*conn
	for range hosts {
		ctx, cancel := context.WithCancel(parent)
		defer cancel() // want `cancel\(\) is deferred in a loop, so it runs when fetchEach returns, not at the end of each iteration: call it`
		c, err := fetch(ctx)
		if err != nil {
			continue
		}
		conns = append(conns, c)
	}
	return conns
}
