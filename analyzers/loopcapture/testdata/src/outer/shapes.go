package outer

import (
	"context"
	"iter"
	"os"
	"time"
)

// Range-over-func loops call their body per element; a defer in the body still
// runs when the enclosing function returns.
func rangeFunc(seq iter.Seq[string]) {
	var f *os.File
	for p := range seq {
		f, _ = os.Open(p)
		defer func() { f.Close() }() // want `reads f, which is declared outside the loop`
	}
}

// Labelled loops: continue outer comes round to the assignment again.
func labelled(groups [][]string) {
	var cur string
outer:
	for _, g := range groups {
		cur = g[0]
		for _, s := range g {
			if s == "" {
				go func() { use(cur) }() // want `reads cur`
				continue outer
			}
		}
	}
	// break outer right after the goroutine: no later iteration.
	var last string
loop:
	for _, g := range groups {
		last = g[0]
		for range g {
			go func() { use(last) }()
			break loop
		}
	}
}

// Retry loops that stop once the deferred close is registered are fine; one that
// may retry after it closes the wrong connection.
func retry(addrs []string) error {
	var conn *os.File
	var err error
	for _, a := range addrs {
		conn, err = os.Open(a)
		if err != nil {
			continue
		}
		defer func() { conn.Close() }()
		break
	}
	var c2 *os.File
	for _, a := range addrs {
		c2, err = os.Open(a)
		if err != nil {
			continue
		}
		defer func() { c2.Close() }() // want `reads c2`
		if _, err = c2.Stat(); err != nil {
			continue
		}
		break
	}
	return err
}

// A cancel function replaced on every iteration: only the last is called.
func timeouts(ctx context.Context, n int) {
	var cancel context.CancelFunc
	for i := 0; i < n; i++ {
		ctx, cancel = context.WithTimeout(ctx, time.Second)
		defer func() { cancel() }() // want `reads cancel`
	}
	use(ctx)
}

// Generic code is checked like any other.
func generic[T any](items []T, process func(T)) {
	var cur T
	for _, it := range items {
		cur = it
		go func() { process(cur) }() // want `reads cur`
	}
}
