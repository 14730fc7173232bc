//go:build go1.21

// Package launchers has function literals started by goroutine launchers and run
// as parallel subtests.
package launchers

import (
	"sync"
	"testing"

	"golang.org/x/sync/errgroup"
)

func use(...any) {}

func errgroups(xs []int) error {
	g := new(errgroup.Group)
	for i, x := range xs {
		g.Go(func() error {
			use(i) // want `the goroutine started by g.Go reads loop variable i, .*: copy it just before the call \(i := i\)`
			use(x) // want `loop variable x`
			return nil
		})
	}
	for i, x := range xs {
		if i > 0 {
			g.TryGo(func() error {
				use(x) // want `started by g.TryGo reads loop variable x`
				return nil
			})
		}
	}
	return g.Wait()
}

func waitGroupGo(xs []int) {
	var wg sync.WaitGroup
	for _, x := range xs {
		wg.Go(func() {
			use(x) // want `started by wg.Go reads loop variable x`
		})
	}
	wg.Wait()
}

// Group is not errgroup's: its Go is not a launcher.
type Group struct{}

func (g *Group) Go(func() error) {}

func notLaunchers(xs []int) {
	var g Group
	for _, x := range xs {
		g.Go(func() error {
			use(x)
			return nil
		})
	}
}

// A type parameter's Go method is not known to be errgroup's.
func viaTypeParam[P interface{ Go(func() error) }](g P, xs []int) {
	for _, x := range xs {
		g.Go(func() error {
			use(x)
			return nil
		})
	}
}

type holder[G any] struct{ g G }

func viaGenericField(h *holder[errgroup.Group], xs []int) {
	for _, x := range xs {
		h.g.Go(func() error {
			use(x) // want `started by h.g.Go reads loop variable x`
			return nil
		})
	}
}

// T is not testing.T.
type T struct{}

func (*T) Run(string, func(*testing.T)) {}
func (*T) Parallel()                    {}

func subtests(t *testing.T) {
	for i, tc := range []string{"a", "b"} {
		t.Run(tc, func(t *testing.T) {
			t.Parallel()
			use(i)  // want `the parallel subtest reads loop variable i, .* so it sees only the last value: copy it just before the call \(i := i\)`
			use(tc) // want `loop variable tc`
		})
		// Not parallel: t.Run waits for it.
		t.Run(tc, func(t *testing.T) {
			use(i, tc)
		})
		// Only what follows t.Parallel() runs late.
		t.Run(tc, func(t *testing.T) {
			use(tc)
			tc := tc
			t.Parallel()
			use(tc)
			use(i) // want `loop variable i`
		})
		// Another T's Parallel does not count.
		t.Run(tc, func(t *testing.T) {
			var other testing.T
			other.Parallel()
			use(tc)
		})
		// A jump may skip t.Parallel().
		t.Run(tc, func(t *testing.T) {
			if len(tc) > 1 {
				goto run
			}
			t.Parallel()
		run:
			use(tc)
		})
		// Parallel, then a nested subtest that reads the variable.
		t.Run(tc, func(s *testing.T) {
			s.Parallel()
			s.Run("inner", func(u *testing.T) {
				use(tc) // want `loop variable tc`
			})
		})
		// A parallel subtest inside a serial one finishes within it.
		t.Run(tc, func(s *testing.T) {
			s.Run("inner", func(u *testing.T) {
				u.Parallel()
				use(tc)
			})
		})
	}
	var mine T
	for _, tc := range []string{"a"} {
		mine.Run(tc, func(t *testing.T) {
			t.Parallel()
			use(tc)
		})
	}
	for _, tc := range []string{"a"} {
		tc := tc
		t.Run(tc, func(t *testing.T) {
			t.Parallel()
			use(tc)
		})
	}
}
