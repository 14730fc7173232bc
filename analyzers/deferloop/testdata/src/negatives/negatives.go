// Package negatives holds defers that do not repeat: none is reported.
package negatives

import (
	"context"
	"errors"
	"log"
	"net"
	"os"
	"runtime"
	"sync"
	"testing"
	"time"
)

func open(string) (*os.File, error) { return nil, nil }
func use(...any) bool               { return true }
func cleanup()                      {}

func beforeAndAfter(xs []int) {
	defer cleanup()
	for range xs {
		use()
	}
	defer cleanup()
}

// The defer belongs to the function literal called in the iteration.
func calledLiteral(names []string) {
	for _, name := range names {
		func() {
			f, _ := open(name)
			defer f.Close()
			use(f)
		}()
	}
}

func goroutine(names []string, wg *sync.WaitGroup) {
	for _, name := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			use(name)
		}()
	}
}

// A retry loop: the defer is followed by a return on every path.
func retry(addrs []string) error {
	for _, addr := range addrs {
		f, err := open(addr)
		if err != nil {
			continue
		}
		defer f.Close()
		return errors.New(f.Name())
	}
	return nil
}

func deferAndBreak(xs []int) {
	for _, x := range xs {
		if x > 0 {
			defer cleanup()
			break
		}
	}
}

func deferAndLabelledBreak(rows [][]int) {
outer:
	for _, row := range rows {
		for _, x := range row {
			if x > 0 {
				defer cleanup()
				break outer
			}
		}
	}
}

func deferAndGotoOut(xs []int) {
	for _, x := range xs {
		if x > 0 {
			defer cleanup()
			goto done
		}
	}
done:
	use()
}

func deferAndPanic(xs []int) {
	for range xs {
		defer cleanup()
		panic("stop")
	}
}

func deferAndExit(xs []int) {
	for range xs {
		defer cleanup()
		os.Exit(1)
	}
}

func deferAndFatal(xs []int) {
	for range xs {
		defer cleanup()
		log.Fatalf("stop")
	}
}

func deferAndGoexit(xs []int) {
	for range xs {
		defer cleanup()
		runtime.Goexit()
	}
}

func TestFatal(t *testing.T) {
	for range 3 {
		defer cleanup()
		t.Fatal("stop")
	}
}

func BenchmarkFatal(b *testing.B) {
	for range 3 {
		defer cleanup()
		b.Fatalf("stop")
	}
}

// Every branch ends the loop.
func everyPathLeaves(xs []int) int {
	for _, x := range xs {
		defer cleanup()
		switch {
		case x > 0:
			return x
		default:
			panic("negative")
		}
	}
	return 0
}

// A goto that jumps forward is no loop.
func gotoForward(ok bool) {
	if ok {
		goto skip
	}
	defer cleanup()
skip:
	use()
}

// Dead code in a loop cannot run at all.
func deadCode(xs []int) {
	for range xs {
		return
		defer cleanup()
	}
}

// A labelled break of the loop from the select's only case leaves it.
func selectBreakLabel(ch chan int) {
loop:
	for {
		defer cleanup()
		select {
		case <-ch:
			break loop
		}
	}
}

// The defer ends the iteration: the loop only sets up what the deferred calls undo
// when the function returns, on purpose; moving the call to the end of the iteration
// would undo it at once.

type flag struct{ Hidden bool }

// From spf13/cobra's doc tests: hide flags for the rest of the function.
func restoreAtReturn(flags []*flag) {
	for _, f := range flags {
		f.Hidden = true
		defer func() { f.Hidden = false }()
	}
	use(flags)
}

type pool struct{}
type conn struct{}

func (*pool) Acquire() *conn { return nil }
func (*conn) Release()       {}

// From jackc/pgx's pool tests: hold every connection until the function returns.
func holdAll(p *pool) {
	func() {
		for range 4 {
			c := p.Acquire()
			defer c.Release()
		}
	}()
}

// Lock every mutex of a list, in order, and unlock them all at return.
func lockAll(mus []*sync.Mutex) {
	for _, mu := range mus {
		mu.Lock()
		defer mu.Unlock()
	}
	use()
}

func removeAll(names []string) {
	for _, name := range names {
		if name != "" {
			defer os.Remove(name)
		}
	}
	use()
}

func closeAllSwitch(files []*os.File) {
	for _, f := range files {
		switch {
		case f == nil:
		default:
			defer f.Close()
		}
	}
}

// The iteration hands on what the deferred call releases: it must outlive the
// iteration, and the call at function return is what the author wants.

// From nats.go's nats-bench: each connection serves a goroutine.
func handedToGoroutine(addrs []string, wg *sync.WaitGroup) {
	for _, addr := range addrs {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			log.Fatal(err)
		}
		defer c.Close()
		go func() { use(c) }()
	}
	wg.Wait()
}

// From nats.go's tests: the listeners are kept for use after the loop.
func appendedOutside(n int) {
	var listeners []net.Listener
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return
		}
		defer l.Close()
		listeners = append(listeners, l)
	}
	use(listeners)
}

// From hashicorp/raft's leaderLoop: a channel closed when the function returns tells
// the goroutines started in the loop that it has.
func closedAtReturn(transfers chan int) {
	for range transfers {
		left := make(chan struct{})
		defer func() { close(left) }()
		go func() { <-left }()
	}
}

func sentOn(ch chan *os.File, names []string) {
	for _, name := range names {
		f, _ := open(name)
		defer f.Close()
		ch <- f
	}
}

// From jackc/pgx's connectPreferred: the context outlives the iteration.
func contextKept(octx context.Context, hosts []string) {
	var ctx context.Context
	for i, h := range hosts {
		if i == 0 || h != hosts[i-1] {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(octx, time.Second)
			defer cancel()
		}
		use(ctx, h)
	}
}

type publisher struct {
	mu      sync.Mutex
	pending map[int]string
	onErr   func(string)
}

// From nats.go's CleanupPublisher: the callbacks are deferred to run once the lock
// is released after the loop.
func (p *publisher) cleanup() {
	p.mu.Lock()
	cb := p.onErr
	for id, msg := range p.pending {
		if cb != nil {
			defer cb(msg)
		}
		delete(p.pending, id)
	}
	p.mu.Unlock()
}
