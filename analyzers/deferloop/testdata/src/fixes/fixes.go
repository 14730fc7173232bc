// Package fixes checks the suggested fix: the loop body moves into a function literal
// when nothing in it would cross the new function boundary.
package fixes

import (
	"net"
	"os"
	"sync"
)

func use(...any) bool { return true }

// continue of this loop becomes return; raw strings keep their lines.
func files(names []string) {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open`
		use(f, `a raw
string`)

		// A comment stays with its statement.
		use(name)
	}
}

// A labelled continue of this loop becomes return; branches to labels in the body
// and breaks of nested statements stay.
func labelled(mu *sync.Mutex, rows [][]int) {
rows:
	for _, row := range rows {
		mu.Lock()
		defer mu.Unlock() // want `mu.Unlock\(\) is deferred in a loop that locks mu`
		for _, x := range row {
			if x < 0 {
				continue rows
			}
			if x == 0 {
				break
			}
			switch x {
			case 1:
				break
			}
		}
	cells:
		for _, x := range row {
			if x > 9 {
				break cells
			}
			continue
		}
	}
}

// A body not laid out as gofmt does gets no fix: the edits that move it are made for
// one statement per line.
func oneLine(names []string) {
	for _, name := range names { defer os.Remove(name); use() } // want `os.Remove\(name\) is deferred in a loop`
	use()
}

// A function literal in the body may return and break on its own.
func literalInside(xs []int) {
	for _, x := range xs {
		defer use(x) // want `use\(x\) is deferred in a loop`
		func() {
			for {
				if x > 0 {
					break
				}
				return
			}
		}()
	}
}

// Only the first defer of a loop carries the fix.
func twoDefers(xs []int) {
	for _, x := range xs {
		defer use(x) // want `use\(x\) is deferred in a loop`
		defer use(x + 1) // want `use\(x \+ 1\) is deferred in a loop`
		use()
	}
}

// A return without calls after the loop does not block the fix.
func returnAfter(names []string) error {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until returnAfter returns`
		use(f)
	}
	return nil
}

// No fix: the body returns.
func returns(names []string) error {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close() // want `f.Close\(\) is deferred in a loop`
		use()
	}
	return nil
}

// No fix: the body breaks the loop.
func breaks(xs []int) {
	for _, x := range xs {
		defer use(x) // want `use\(x\) is deferred in a loop`
		if x > 0 {
			continue
		}
		if x < -10 {
			break
		}
	}
}

// No fix: the body breaks the loop by its label from inside a select.
func breaksLabel(ch, stop chan int) {
loop:
	for {
		defer use() // want `use\(\) is deferred in a loop`
		select {
		case <-ch:
		case <-stop:
			break loop
		}
	}
}

// No fix: the body continues an enclosing loop.
func continuesOuter(rows [][]int) {
outer:
	for _, row := range rows {
		for _, x := range row {
			defer use(x) // want `use\(x\) is deferred in a loop`
			if x < 0 {
				continue outer
			}
		}
	}
}

// No fix: the body uses goto.
func gotos(xs []int) {
	for _, x := range xs {
		defer use(x) // want `use\(x\) is deferred in a loop`
		if x > 0 {
			goto next
		}
		use()
	next:
		use()
	}
}

// No fix: recover works only when called by the deferred function itself.
func recovers(xs []int) {
	defer func() {
		for range xs {
			defer use() // want `use\(\) is deferred in a loop`
			use(recover())
		}
	}()
}

// No fix: the loops nest, and moving either body would overlap the other's edit.
func nested(rows [][]int) {
	for _, row := range rows {
		defer use(row) // want `use\(row\) is deferred in a loop`
		for _, x := range row {
			defer use(x) // want `use\(x\) is deferred in a loop`
			use()
		}
	}
}

// No fix for a loop built with goto.
func gotoLoop(n int) {
again:
	defer use(n) // want `use\(n\) is deferred in a loop`
	n--
	if n > 0 {
		goto again
	}
}

// No fix: the loop is labelled and a goto may jump to the label, which must stay.
func labelledGoto(xs []int) {
	n := 0
again:
	for _, x := range xs {
		defer use(x) // want `use\(x\) is deferred in a loop`
		use()
	}
	n++
	if n < 3 {
		goto again
	}
}

// A label on the loop's own line goes too.
func labelSameLine(rows [][]int) {
outer: for _, row := range rows {
		defer use(row) // want `use\(row\) is deferred in a loop`
		for range row {
			continue outer
		}
	}
}

// No fix: the deferred literal sets the function's error, which a return statement
// would overwrite if the call ran at the end of the iteration.
func closeErr(names []string) (err error) {
	for _, name := range names {
		f, _ := os.Open(name)
		defer func() { // want `deferred in a loop`
			if cerr := f.Close(); cerr != nil {
				err = cerr
			}
		}()
		use(f)
	}
	return nil
}

// No fix: the deferred literal recovers; per iteration it would swallow the panic and
// go on with the loop.
func recoversPerIteration(xs []int) {
	for _, x := range xs {
		defer func() { // want `deferred in a loop`
			use(recover())
		}()
		use(x)
	}
}

// No fix: the deferred call gets the address of the function's error.
func addressOfErr(names []string) (err error) {
	for _, name := range names {
		f, _ := os.Open(name)
		defer closeInto(f, &err) // want `deferred in a loop`
		use(f)
	}
	return nil
}

func closeInto(f *os.File, err *error) { *err = f.Close() }

// From hashicorp/raft's tests: a deferred literal that discards a result reaches
// nothing outside; the fix is offered.
func discards(names []string) {
	for _, name := range names {
		f, _ := os.Open(name)
		defer func() { _ = f.Close() }() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open`
		use(f)
	}
}

// No fix: the loop never exits and hands each connection to a goroutine; closed at
// the end of the iteration, it would be gone under the goroutine.
func serveForever(l net.Listener) {
	for {
		c, err := l.Accept()
		if err != nil {
			continue
		}
		defer c.Close() // want `c.Close\(\) is deferred in a loop that never exits`
		go use(c)
	}
}

// No fix: the body starts a goroutine, which may use what the iteration opened.
func startsGoroutine(names []string, done chan bool) {
	for _, name := range names {
		f, _ := os.Open(name)
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open`
		go func() { done <- use(name) }()
		use(f)
	}
}

// No fix: the body registers a callback, which may run after the iteration.
func registersCallback(names []string, register func(func())) {
	for _, name := range names {
		f, _ := os.Open(name)
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open`
		register(func() { use(f) })
		use(f)
	}
}

// No fix: a method value may be called after the iteration.
func registersMethod(names []string, register func(func() error)) {
	for _, name := range names {
		f, _ := os.Open(name)
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open`
		register(f.Sync)
		use(f)
	}
}

// No fix: from a topic-deleting shutdown, the function waits for its reader after
// the loop; the deferred calls must run after that wait, not before it.
func waitsAfter(topics []string, wg *sync.WaitGroup) {
	for _, topic := range topics {
		defer deleteTopic(topic) // want `deleteTopic\(topic\) is deferred in a loop`
		use(topic)
	}
	wg.Wait()
}

func deleteTopic(string) {}

// A variable declared outside the loop, but read neither before its assignment in
// the loop nor after the loop: no value outlives its iteration, and the fix is
// offered.
func outerVariable(names []string) {
	var f *os.File
	for _, name := range names {
		f, _ = os.Open(name)
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open`
		use(f)
	}
}

// No fix: the loop lies in another loop, whose later statements run after it.
func innerLoop(rows [][]string) {
	for _, row := range rows {
		for _, name := range row {
			f, _ := os.Open(name)
			defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open`
			use(f)
		}
		use(row)
	}
}
