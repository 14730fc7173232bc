// Package go121 is a module at go 1.21: one variable per loop.
package go121

func use(...any) {}

func FromModule(xs []int) {
	for i, x := range xs {
		go func() {
			use(i, x) // want `loop variable i` `loop variable x`
		}()
	}
	for i := 0; i < len(xs); i++ {
		defer func() { use(i) }() // want `loop variable i`
	}
	var cur int
	for _, x := range xs {
		cur = x
		go func() { use(cur) }() // want `cur, which is declared outside the loop`
	}
}
