// Package outer has variables declared outside a loop and assigned inside it, which
// every iteration shares in every Go version. The file has current (per-iteration)
// semantics, so iteration variables are not reported here.
package outer

import (
	"os"
	"sync"
)

func use(...any) {}

func openAll(paths []string) error {
	var f *os.File
	var err error
	for _, p := range paths {
		f, err = os.Open(p)
		if err != nil {
			return err
		}
		defer func() {
			f.Close() // want `the deferred function reads f, which is declared outside the loop and assigned again on later iterations, so it sees only the last value: pass f as an argument to the function literal`
		}()
	}
	return nil
}

func goroutines(items []string) {
	var cur string
	for _, it := range items {
		cur = it + "!"
		go func() {
			use(cur) // want `the goroutine reads cur, which is declared outside the loop and assigned again on later iterations, so it sees whatever value the loop holds when it runs`
		}()
	}
	// Iteration variables have their own copy per iteration from Go 1.22 on.
	for i, it := range items {
		go func() {
			use(i, it)
		}()
	}
	for i := 0; i < len(items); i++ {
		go func() {
			use(i)
		}()
	}
}

// A range or for loop assigning with = reuses the outer variable.
func assignedByHeader(items []string) {
	var it string
	for _, it = range items {
		go func() {
			use(it) // want `it, which is declared outside the loop`
		}()
	}
	var i int
	for i = 0; i < len(items); i++ {
		defer func() {
			use(i) // want `i, which is declared outside the loop`
		}()
	}
}

// The literal is deep in nested loops and blocks, not in last position.
func nested(groups [][]string) {
	var name string
	for _, g := range groups {
		name = g[0]
		for range g {
			if len(name) > 2 {
				go func() {
					use(name) // want `name, which is declared outside the loop`
				}()
			}
			use("more work")
		}
	}
	// Declared in the outer loop's body, assigned in the inner loop.
	for _, g := range groups {
		var last string
		for _, s := range g {
			last = s
			go func() {
				use(last) // want `last, which is declared outside the loop`
			}()
		}
	}
	// Declared in the outer loop's body, assigned only before the inner loop: one
	// value per outer iteration, which is fresh.
	for _, g := range groups {
		var first string
		first = g[0]
		for range g {
			go func() {
				use(first)
			}()
		}
	}
}

// Closures declared in an enclosing function literal see its variables too.
func inLiteral(items []string) func() {
	return func() {
		var cur string
		for _, it := range items {
			cur = it
			go func() {
				use(cur) // want `cur, which is declared outside the loop`
			}()
		}
	}
}

func notReported(items []string) (result string, err error) {
	var fixed = "x"
	for range items {
		go func() { use(fixed) }() // only assigned before the loop
	}
	var f *os.File
	for _, p := range items {
		f, _ = os.Open(p)
		defer f.Close()                         // the receiver is evaluated now
		defer func(f *os.File) { f.Close() }(f) // so is the argument
		go use(f)
	}
	for _, it := range items {
		result = it
		defer func() {
			use(result) // named result: its final value is the point
		}()
	}
	var ok bool
	for range items {
		ok = false
		defer func() {
			if !ok { // a flag read for its final value
				use("rollback")
			}
		}()
		ok = true
	}
	var lastErr error
	for range items {
		_, lastErr = os.Open("x")
		defer func() { use(lastErr) }() // an error read for its final value
	}
	// Assigned only after the goroutine starts: it wants the latest value.
	var latest string
	for _, it := range items {
		go func() { use(latest) }()
		latest = it
	}
	// Written, not read, by the goroutine.
	var mu sync.Mutex
	var out string
	for _, it := range items {
		out = it
		go func() {
			mu.Lock()
			out = "done"
			mu.Unlock()
		}()
	}
	use(out)
	// The loop ends right after the defer.
	var g *os.File
	for _, p := range items {
		g, _ = os.Open(p)
		if g != nil {
			defer func() { g.Close() }()
			break
		}
	}
	// Called during the iteration.
	var c string
	for _, it := range items {
		c = it
		func() { use(c) }()
	}
	return "", nil
}

// Inside a function literal started per iteration, the inner defer runs when that
// literal returns.
func perIterationFunc(paths []string) {
	var f *os.File
	for _, p := range paths {
		func() {
			f, _ = os.Open(p)
			defer func() { f.Close() }()
		}()
	}
}

type server struct{ conns []string }

// Fields are not variables of the loop.
func fields(s *server) {
	for i := range s.conns {
		s.conns[i] = "x"
		go func() { use(s.conns) }()
	}
}
