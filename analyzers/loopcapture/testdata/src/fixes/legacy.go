//go:build go1.21

package fixes

import "golang.org/x/sync/errgroup"

func iteration(xs []int) {
	for i, x := range xs {
		go func() {
			use(i, x) // want `loop variable i` `loop variable x`
		}()
	}
	var g errgroup.Group
	for _, x := range xs {
		if x > 0 {
			g.Go(func() error {
				use(x) // want `loop variable x`
				return nil
			})
		}
	}
}

// A pre-Go 1.22 iteration variable written through: b[0] means bufs[i][0], which
// a per-iteration b reaches (the Go 1.22 semantics), so the fix is offered.
func iterationWritesThrough(bufs [][]byte) {
	for _, b := range bufs {
		go func() {
			b[0] = 0 // want `loop variable b`
		}()
	}
}
