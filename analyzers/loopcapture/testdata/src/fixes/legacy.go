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
