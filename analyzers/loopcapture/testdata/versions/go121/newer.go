//go:build go1.22

package go121

// The build line moves this file to Go 1.22: one variable per iteration.
func FromBuildLine(xs []int) {
	for i, x := range xs {
		go func() {
			use(i, x)
		}()
	}
	var cur int
	for _, x := range xs {
		cur = x
		go func() { use(cur) }() // want `cur, which is declared outside the loop`
	}
}
