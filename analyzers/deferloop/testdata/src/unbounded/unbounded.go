// Package unbounded holds loops whose iteration count has no bound the function
// sets: a loop that never exits and a range over a channel. A defer that ends such an
// iteration sets nothing up: the calls pile up for as long as the loop runs.
package unbounded

import (
	"iter"
	"net"
	"os"
	"sync"
)

func use(...any) bool   { return true }
func release(*os.File)  {}
func next() *os.File    { return nil }
func serve(net.Conn)    {}
func failed(error) bool { return false }

// An accept loop that never exits: its deferred calls never run.
func acceptForever(l net.Listener) {
	for {
		c, err := l.Accept()
		if err != nil {
			continue
		}
		serve(c)
		defer c.Close() // want `c.Close\(\) is deferred in a loop that never exits, so it never runs and every iteration's c stays open forever`
	}
}

func endlessLast() {
	for {
		use()
		defer use() // want `use\(\) is deferred in a loop that never exits, so it never runs`
	}
}

// The iteration closes the connection itself, so none stays open, but the deferred
// calls still pile up and never run.
func acceptSafetyNet(l net.Listener) {
	for {
		c, err := l.Accept()
		if err != nil {
			continue
		}
		defer c.Close() // want `c.Close\(\) is deferred in a loop that never exits, so it never runs: call it`
		serve(c)
		c.Close()
	}
}

// The defer ends a branch that ends the iteration.
func endlessBranch(mus []*sync.Mutex) {
	for {
		if f := next(); f != nil {
			use(f)
			defer f.Close() // want `f.Close\(\) is deferred in a loop that never exits, so it never runs`
		}
	}
}

// A range over a channel runs for as long as the sender sends.
func fromChannel(ch chan *os.File) {
	for f := range ch {
		use(f)
		defer release(f) // want `release\(f\) is deferred in a loop, so it runs when fromChannel returns`
	}
}

func fromChannelOpen(ch <-chan string) {
	for name := range ch {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until fromChannelOpen returns`
	}
}

// A loop that leaves on an error is bounded as far as the control flow tells: the
// set-up exemption stays.
// known false negative: an accept loop that returns only on failure piles up its
// connections; it cannot be told from a set-up loop that reads until its source ends.
func acceptUntilError(l net.Listener) error {
	for {
		c, err := l.Accept()
		if failed(err) {
			return err
		}
		serve(c)
		defer c.Close()
	}
}

// known false negative: a range over a function iterator is of unknown length, but
// most iterators walk a collection (maps.Values, slices.Values), so a loop over one
// that ends with the defer keeps the set-up exemption: here it locks every mutex
// until the function returns.
func fromIterator(seq iter.Seq[*sync.Mutex]) {
	for mu := range seq {
		mu.Lock()
		defer mu.Unlock()
	}
	use()
}
