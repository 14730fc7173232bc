//go:build go1.21

// Package legacy holds the shapes go vet's loopclosure reports, in a file with
// pre-Go 1.22 loop semantics, and the ones it misses.
package legacy

import "sync"

var Global int

func use(...any) {}

func rangeLoops(xs []string) {
	for i, x := range xs {
		go func() {
			use(i) // want `the goroutine reads loop variable i, which is one variable shared by all iterations in files before Go 1\.22, so it sees whatever value the loop holds when it runs: pass i as an argument to the function literal`
			use(x) // want `reads loop variable x`
		}()
	}
	for i, x := range xs {
		defer func() {
			use(i, x) // want `the deferred function reads loop variable i, .* so it sees only the last value: pass i` `reads loop variable x`
		}()
	}
	for _, x := range xs {
		go func() {
			use(map[string]int{x: 1}) // want `loop variable x`
			use(struct{ x int }{x: 1})
		}()
	}
}

func threeClause(n int) {
	for i := 0; i < n; i++ {
		go func() {
			use(i) // want `loop variable i`
		}()
	}
	for a, b := 0, 1; a < n; a, b = b, a+b {
		go func() {
			use(b) // want `loop variable b`
		}()
	}
	type node struct {
		val  int
		next *node
	}
	var head *node
	for p := head; p != nil; p = p.next {
		go func() {
			use(p.val) // want `loop variable p`
		}()
	}
	// m never changes: reading it is harmless.
	for i, m := 0, n*2; i < m; i++ {
		go func() {
			use(m)
		}()
	}
}

// Unlike loopclosure, the literal need not be the last statement.
func notLast(xs []int) {
	for i, x := range xs {
		go func() {
			use(i, x) // want `loop variable i` `loop variable x`
		}()
		use("a statement after the go statement")
	}
	for i := range xs {
		if i%2 == 0 {
			defer func() {
				use(i) // want `loop variable i`
			}()
		}
		use(i)
	}
}

// Assigned with =, the iteration variables are declared outside the loop: reported
// in every Go version (see package outer), as loopclosure does here.
func declaredOutside(xs []int) {
	for Global = range xs {
		go func() {
			use(Global) // want `Global, which is declared outside the loop`
		}()
	}
	var arr [2]int
	var v int
	for arr[0], v = range xs {
		go func() {
			use(v) // want `v, which is declared outside the loop`
		}()
	}
}

func nested(xs []int) {
	for i := range xs {
		for j := range xs {
			if j < 1 {
				defer func() {
					use(i) // want `loop variable i`
				}()
			} else if j < 2 {
				go func() {
					use(i, j) // want `loop variable i` `loop variable j`
				}()
			} else {
				go func() {
					use(i) // want `loop variable i`
				}()
				use("not last")
			}
		}
	}
	for i := 0; i < 10; i++ {
		for j := 0; j < 10; j++ {
			switch j {
			case 0:
				defer func() {
					use(i) // want `loop variable i`
				}()
			default:
				var a any = j
				switch a.(type) {
				case int:
					go func() {
						use(i) // want `loop variable i`
					}()
				}
			}
			ch := make(chan int)
			select {
			case <-ch:
				go func() {
					use(i) // want `loop variable i`
				}()
			default:
			}
		}
	}
}

func notReported(xs []int) {
	for i, x := range xs {
		go func(i, x int) {
			use(i, x)
		}(i, x)
	}
	for i, x := range xs {
		i, x := i, x
		go func() {
			use(i, x)
		}()
	}
	for i := range xs {
		go use(i)    // the argument is evaluated by the go statement
		defer use(i) // and by the defer statement
		func() {     // called during the iteration
			use(i)
		}()
	}
	for i := range xs {
		use(i)
		go func() {
			i := 0 // shadows
			use(i)
		}()
	}
	// The loop stops after the defer: no other iteration changes i.
	for i := range xs {
		if i > 2 {
			defer func() { use(i) }()
			break
		}
	}
	for i := range xs {
		defer func() { use(i) }()
		return
	}
	// Waited for before the next iteration.
	var wg sync.WaitGroup
	for i := range xs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			use(i)
		}()
		wg.Wait()
	}
}

// A literal stored in a variable first is not followed (known false negative).
func storedLiteral(xs []int) {
	for i := range xs {
		fn := func() { use(i) }
		go fn()
	}
}

// Method values are evaluated by the go statement; a method value read by the
// literal reads the receiver late.
type worker struct{ id int }

func (w worker) run() {}

func methodValues(ws []worker) {
	for _, w := range ws {
		go w.run()
		defer w.run()
	}
	for _, w := range ws {
		go func() {
			run := w.run // want `loop variable w`
			run()
		}()
	}
}

func generic[T any](xs []T, f func(T)) {
	for _, x := range xs {
		go func() {
			f(x) // want `loop variable x`
		}()
	}
}
