package launchers

import (
	"sync"
	"testing"

	"golang.org/x/sync/errgroup"
)

func outerErrgroup(items []string) error {
	g, _ := errgroup.WithContext(nil)
	var cur string
	for _, it := range items {
		cur = it
		g.Go(func() error {
			use(cur) // want `the goroutine started by g.Go reads cur, which is declared outside the loop`
			return nil
		})
	}
	// Iteration variables are per-iteration in this file.
	for _, it := range items {
		g.Go(func() error {
			use(it)
			return nil
		})
	}
	return g.Wait()
}

func outerWaitGroup(items []string) {
	var wg sync.WaitGroup
	var cur string
	for _, it := range items {
		cur = it
		wg.Go(func() {
			use(cur) // want `started by wg.Go reads cur`
		})
	}
	wg.Wait()
	for _, it := range items {
		cur = it
		wg.Go(func() {
			use(cur)
		})
		wg.Wait() // waited for before the next assignment
	}
}

func outerSubtest(t *testing.T) {
	var name string
	for _, tc := range []string{"a", "b"} {
		name = tc + "!"
		t.Run(tc, func(t *testing.T) {
			t.Parallel()
			use(name) // want `the parallel subtest reads name, which is declared outside the loop`
		})
	}
}
