// Package go122 is a module at go 1.22: one variable per iteration.
package go122

func use(...any) {}

func FromModule(xs []int) {
	for i, x := range xs {
		go func() {
			use(i, x)
		}()
	}
	for i := 0; i < len(xs); i++ {
		defer func() { use(i) }()
	}
	var cur int
	for _, x := range xs {
		cur = x
		go func() { use(cur) }() // want `cur, which is declared outside the loop`
	}
}
