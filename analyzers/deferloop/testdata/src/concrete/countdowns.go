package concrete

import "sync"

type fifo struct {
	lock         sync.Mutex
	cond         sync.Cond
	queue        []string
	items        map[string]int
	closed       bool
	initialCount int
	populated    bool
	syncedClosed bool
	synced       chan struct{}
}

func (f *fifo) checkSynced() {
	if f.populated && f.initialCount == 0 && !f.syncedClosed {
		f.syncedClosed = true
		close(f.synced)
	}
}

// Known false positive, from client-go's FIFO.Pop: the loop comes round only when
// the popped item was deleted meanwhile, the defer runs only while the countdown
// f.initialCount is above zero (it takes one off each time), and checkSynced is
// idempotent, so the pending calls act as one. But the countdown is a field that
// another goroutine may raise while f.cond.Wait releases the lock, so the code
// does not bound the pile, and that N pending calls equal one is a fact of the
// callee's body, not of the loop: reported.
func (f *fifo) pop(process func(int)) (int, bool) {
	f.lock.Lock()
	defer f.lock.Unlock()
	for {
		for len(f.queue) == 0 {
			if f.closed {
				return 0, false
			}
			f.cond.Wait()
		}
		id := f.queue[0]
		f.queue = f.queue[1:]
		if f.initialCount > 0 {
			f.initialCount--
			defer f.checkSynced() // want `f.checkSynced\(\) is deferred in a loop, so it runs when pop returns, not at the end of each iteration, and the deferred calls pile up for as long as the loop runs`
		}
		item, ok := f.items[id]
		if !ok {
			continue
		}
		delete(f.items, id)
		process(item)
		return item, true
	}
}
