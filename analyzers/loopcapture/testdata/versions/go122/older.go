//go:build go1.21

package go122

// The build line moves this file back to Go 1.21: one variable per loop.
func FromBuildLine(xs []int) {
	for i, x := range xs {
		go func() {
			use(i, x) // want `loop variable i` `loop variable x`
		}()
	}
}
