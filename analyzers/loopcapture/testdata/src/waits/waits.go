// Package waits has goroutines that their iteration waits for before the loop
// assigns the variable again, and ones it does not wait for.
package waits

import (
	"sync"

	"golang.org/x/sync/errgroup"
)

func use(...any) {}

func waitGroup(items []string) {
	var wg sync.WaitGroup
	var cur string
	for _, it := range items {
		cur = it
		wg.Add(1)
		go func() {
			defer wg.Done()
			use(cur)
		}()
		wg.Wait()
	}
	// Waited for only after the loop: the goroutines race with it.
	for _, it := range items {
		cur = it
		wg.Add(1)
		go func() {
			defer wg.Done()
			use(cur) // want `the goroutine reads cur`
		}()
	}
	wg.Wait()
	// Waited for on one path only.
	for i, it := range items {
		cur = it
		wg.Add(1)
		go func() {
			defer wg.Done()
			use(cur) // want `the goroutine reads cur`
		}()
		if i%10 == 9 {
			wg.Wait()
		}
	}
}

func doneChannel(items []string) {
	var cur string
	for _, it := range items {
		cur = it
		done := make(chan struct{})
		go func() {
			use(cur)
			close(done)
		}()
		<-done
	}
	results := make(chan string)
	for _, it := range items {
		cur = it
		go func() { results <- cur }()
		select {
		case r := <-results:
			use(r)
		}
	}
	// A receive from a channel the goroutine does not mention does not wait for it.
	other := make(chan string)
	for _, it := range items {
		cur = it
		go func() { use(cur) }() // want `the goroutine reads cur`
		<-other
	}
	// A receive that assigns the variable is not a wait either.
	conns := make(chan string)
	var conn string
	for {
		conn = <-conns
		go func() { use(conn) }() // want `the goroutine reads conn`
	}
}

func errgroups(items []string) error {
	var cur string
	for _, it := range items {
		cur = it
		var g errgroup.Group
		g.Go(func() error {
			use(cur)
			return nil
		})
		if err := g.Wait(); err != nil {
			return err
		}
	}
	return nil
}

// A helper whose name starts with wait is taken as a wait (it may be one).
func helper(items []string) {
	var cur string
	var wg sync.WaitGroup
	for _, it := range items {
		cur = it
		wg.Add(1)
		go func() {
			defer wg.Done()
			use(cur)
		}()
		waitAll(&wg)
	}
}

func waitAll(wg *sync.WaitGroup) { wg.Wait() }

// From nsq's bench_channels (a go 1.16 module), with a variable declared outside
// the loop: the goroutine reads cur first, then signals on a channel it was given;
// the loop receives from it before assigning cur again.
func readySignal(items []string) {
	ready := make(chan int)
	var cur string
	for i, it := range items {
		cur = it
		go func(id int) {
			worker(cur, ready, id)
		}(i)
		<-ready
	}
}

func worker(name string, ready chan int, id int) { ready <- id }
