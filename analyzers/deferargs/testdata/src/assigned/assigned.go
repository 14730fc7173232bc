package assigned

import (
	"errors"
	"log"
	"os"
	"sync"
)

type span struct{}

func (span) End(status string) {}

func doWork() error { return errors.New("x") }

func logErr() {
	var err error
	defer log.Printf("done: %v", err) // want `err is evaluated when the defer statement runs, so the deferred call does not see the assignment at line 19: defer a function literal that reads err`
	err = doWork()
	_ = err
}

func status(s span, fail bool) {
	status := "ok"
	defer s.End(status) // want `status is evaluated when the defer statement runs, so the deferred call does not see the assignment at line 27`
	if fail {
		status = "error"
	}
}

func namedResult() (err error) {
	defer log.Println("result:", err) // want `err is evaluated when the defer statement runs, so the deferred call does not see the assignment at line 33`
	return doWork()
}

func redeclared() {
	err := doWork()
	defer log.Println(err) // want `err is evaluated when the defer statement runs, so the deferred call does not see the assignment at line 39`
	n, err := 1, doWork()
	_, _ = n, err
	// Reported without a fix: err held a real value at the defer. An error is the
	// outcome of work, so the later one is most likely wanted, but not certainly.
}

// Quiet: this was reported once, but it is the re-defer shape. Each iteration
// defers its own call with the value of that iteration; a function literal would log
// the last item once per item.
func loopBackEdge(items []string) {
	var last string
	for _, it := range items {
		last = it
		defer log.Println(last)
	}
}

func incremented() {
	n := 0
	defer log.Println(n) // want `n is evaluated`
	n++
}

// True negatives.

func waitGroup(wg *sync.WaitGroup, mu *sync.Mutex, ch chan int) {
	defer wg.Done()
	mu.Lock()
	defer mu.Unlock()
	defer close(ch)
}

func removeAll() error {
	dir, err := os.MkdirTemp("", "x")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	return doWork()
}

func notAssignedAfter() {
	x := 1
	x = 2
	defer log.Println(x)
}

func literal() {
	var err error
	defer func() { log.Println(err) }()
	err = doWork()
	_ = err
}

func literalArgument() {
	var err error
	defer func(err error) { log.Println(err) }(err)
	err = doWork()
	_ = err
}

func address() {
	var err error
	defer report(&err)
	err = doWork()
	_ = err
}

func report(*error) {}

func disabledChannel(ch chan int) {
	defer close(ch)
	for range 3 {
		select {
		case <-ch:
			ch = nil
		default:
		}
	}
}

func afterReturnOnly(fail bool) error {
	var err error
	if fail {
		err = doWork()
		return err
	}
	defer log.Println(err)
	return nil
}

func assignedInClosure() {
	var err error
	defer log.Println(err)
	run := func() { err = doWork() }
	run()
}

func freshPerIteration(items []string) {
	for _, it := range items {
		v := it
		defer log.Println(v)
	}
}
