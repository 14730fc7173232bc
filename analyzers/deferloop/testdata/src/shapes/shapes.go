// Package shapes holds every loop shape a repeated defer can take.
package shapes

import (
	"iter"
	"os"
)

func open(string) *os.File { return nil }
func use(...any) bool      { return true }
func cleanup()             {}

func threeClause(n int) {
	for i := 0; i < n; i++ {
		defer cleanup() // want `cleanup\(\) is deferred in a loop, so it runs when threeClause returns, not at the end of each iteration`
		use()
	}
}

func conditional(more func() bool) {
	for more() {
		defer cleanup() // want `cleanup\(\) is deferred in a loop, so it runs when conditional returns`
		use()
	}
}

func endless() {
	for {
		defer cleanup() // want `cleanup\(\) is deferred in a loop that never exits, so it never runs`
		use()
	}
}

func rangeSlice(names []string) {
	for _, name := range names {
		defer os.Remove(name) // want `os.Remove\(name\) is deferred in a loop, so it runs when rangeSlice returns`
		use()
	}
}

func rangeMap(m map[string]int) {
	for k := range m {
		defer use(k) // want `use\(k\) is deferred in a loop`
		use()
	}
}

func rangeString(s string) {
	for _, r := range s {
		defer use(r) // want `use\(r\) is deferred in a loop`
		use()
	}
}

func rangeInt(n int) {
	for i := range n {
		defer use(i) // want `use\(i\) is deferred in a loop`
		use()
	}
}

func rangeChan(ch chan *os.File) {
	for f := range ch {
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so it runs when rangeChan returns`
		use()
	}
}

// A range-over-func body is a closure in the compiled code, but its defer belongs to
// the enclosing function and runs when that function returns.
func rangeFunc(seq iter.Seq[string]) {
	for name := range seq {
		f := open(name)
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until rangeFunc returns`
		use()
	}
}

func rangeFunc2(seq iter.Seq2[int, string]) {
	for _, name := range seq {
		defer os.Remove(name) // want `os.Remove\(name\) is deferred in a loop`
		use()
	}
}

func labelled(rows [][]string) {
outer:
	for _, row := range rows {
		for _, cell := range row {
			if cell == "" {
				continue outer
			}
		}
		defer use(row) // want `use\(row\) is deferred in a loop`
		use()
	}
}

// The defer leaves the inner loop at once, but the outer loop runs it again.
func nestedOuter(rows [][]string) {
	for _, row := range rows {
		for _, cell := range row {
			defer use(cell) // want `use\(cell\) is deferred in a loop`
			break
		}
	}
}

func nestedInner(rows [][]string) {
	for range 3 {
		for _, row := range rows {
			defer use(row) // want `use\(row\) is deferred in a loop`
			use()
		}
	}
}

func gotoLoop(n int) {
	i := 0
again:
	defer use(i) // want `use\(i\) is deferred in a loop, so it runs when gotoLoop returns`
	i++
	if i < n {
		goto again
	}
}

func gotoEndless() {
again:
	defer cleanup() // want `cleanup\(\) is deferred in a loop that never exits, so it never runs`
	goto again
}

// break inside select or switch leaves the select or switch, not the loop.
func selectBreak(ch chan int) {
	for {
		defer cleanup() // want `cleanup\(\) is deferred in a loop that never exits`
		select {
		case <-ch:
			break
		}
	}
}

func switchBreak(ch chan int) {
	for {
		defer cleanup() // want `cleanup\(\) is deferred in a loop that never exits`
		switch <-ch {
		case 0:
			break
		}
	}
}

// A labelled break of the loop from inside the select leaves it, on one case only.
func selectBreakLabel(ch, stop chan int) {
loop:
	for {
		defer cleanup() // want `cleanup\(\) is deferred in a loop, so it runs when selectBreakLabel returns`
		select {
		case <-ch:
		case <-stop:
			break loop
		}
	}
}

func generic[T any](xs []T, release func(T)) {
	for _, x := range xs {
		defer release(x) // want `release\(x\) is deferred in a loop`
		use()
	}
}

type server struct{ conns []*os.File }

func (s *server) method() {
	for _, c := range s.conns {
		defer c.Close() // want `c.Close\(\) is deferred in a loop, so it runs when method returns`
		use()
	}
}

// A defer in a function literal that itself loops is that literal's.
func closureLoops(names []string) {
	func() {
		for _, name := range names {
			defer os.Remove(name) // want `os.Remove\(name\) is deferred in a loop, so it runs when the function literal returns`
			use()
		}
	}()
}

// A deferred function literal is named by the one call it makes, if any.
func literalDeferred(n int) {
	for range n {
		defer func() { // want `cleanup\(\) is deferred in a loop`
			cleanup()
		}()
		use()
	}
}

func literalDeferredBlank(n int) {
	for range n {
		f := open("x")
		defer func() { _ = f.Close() }() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open`
		use(f)
	}
}

func literalDeferredLong(n int) {
	for range n {
		defer func() { // want `the deferred function literal is deferred in a loop`
			cleanup()
			cleanup()
		}()
		use()
	}
}

// The defer runs in one iteration only, but the control flow lets it repeat: reported.
func guardedOnce(xs []int) {
	for i := range xs {
		if i == 0 {
			defer cleanup() // want `cleanup\(\) is deferred in a loop`
			use()
		}
	}
}

// continue skips the return that would end the loop.
func retryContinue(addrs []string) error {
	for _, addr := range addrs {
		f := open(addr)
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until retryContinue returns`
		if !use(f) {
			continue
		}
		return nil
	}
	return nil
}
