package concrete

import "sync"

// subscription stands for go-ethereum's event.Subscription.
type subscription interface{ Unsubscribe() }

type nodeFeed struct{}

func (nodeFeed) Subscribe(chan int) subscription { return nil }

type nodeTable struct {
	mu    sync.Mutex
	feed  nodeFeed
	nodes []int
}

func newChan() chan struct{} { return nil }

// From go-ethereum's Table.waitForNodes (p2p/discover/table.go): the closure
// initsub sets notify to a new channel at its top level, and nothing sets notify
// back to nil, so the branch under notify == nil runs once and the defer with it:
// nothing piles up. Quiet (lazy initialisation).
func (tab *nodeTable) waitForNodes(n int) error {
	var notify chan struct{}
	initsub := func() subscription {
		notify = make(chan struct{}, 1)
		newnode := make(chan int, 1)
		sub := tab.feed.Subscribe(newnode)
		go func() {
			defer close(notify)
			for range newnode {
				select {
				case notify <- struct{}{}:
				default:
				}
			}
		}()
		return sub
	}
	for {
		tab.mu.Lock()
		if len(tab.nodes) >= n {
			tab.mu.Unlock()
			return nil
		}
		if notify == nil {
			sub := initsub()
			defer sub.Unsubscribe()
		}
		tab.mu.Unlock()
		if _, ok := <-notify; !ok {
			break
		}
	}
	return nil
}

// The branch itself gives the variable its value, before the defer, under a
// guard that also tests something else: quiet, the branch runs once.
func (tab *nodeTable) directInit(ready func() bool) {
	var cache map[int]bool
	for !ready() {
		if cache == nil && len(tab.nodes) > 0 {
			cache = map[int]bool{}
			sub := tab.feed.Subscribe(nil)
			defer sub.Unsubscribe()
		}
		cache[len(tab.nodes)] = true
	}
}

// The closure sets notify only when asked to: a call with false leaves it nil,
// and the next iteration takes the branch and defers again. Reported.
func (tab *nodeTable) sometimesInit(n int, subscribeNow bool) {
	var notify chan struct{}
	initsub := func(set bool) subscription {
		if set {
			notify = make(chan struct{}, 1)
		}
		return tab.feed.Subscribe(nil)
	}
	for len(tab.nodes) < n {
		if notify == nil {
			sub := initsub(subscribeNow)
			defer sub.Unsubscribe() // want `sub.Unsubscribe\(\) is deferred in a loop, so every iteration's sub stays held until sometimesInit returns`
		}
		<-notify
	}
}

// The closure may return before it sets notify: reported.
func (tab *nodeTable) earlyReturn(n int) {
	var notify chan struct{}
	initsub := func() subscription {
		sub := tab.feed.Subscribe(nil)
		if len(tab.nodes) == 0 {
			return sub
		}
		notify = make(chan struct{}, 1)
		return sub
	}
	for len(tab.nodes) < n {
		if notify == nil {
			sub := initsub()
			defer sub.Unsubscribe() // want `sub.Unsubscribe\(\) is deferred in a loop, so every iteration's sub stays held until earlyReturn returns`
		}
		<-notify
	}
}

// The loop sets notify back to nil after each wait: every round takes the branch
// again and defers another Unsubscribe. Reported.
func (tab *nodeTable) resetInLoop(n int) {
	var notify chan struct{}
	initsub := func() subscription {
		notify = make(chan struct{}, 1)
		return tab.feed.Subscribe(nil)
	}
	for len(tab.nodes) < n {
		if notify == nil {
			sub := initsub()
			defer sub.Unsubscribe() // want `sub.Unsubscribe\(\) is deferred in a loop, so every iteration's sub stays held until resetInLoop returns`
		}
		<-notify
		notify = nil
	}
}

// A goroutine sets notify back to nil: the branch can be taken again. Reported.
func (tab *nodeTable) resetByGoroutine(n int) {
	var notify chan struct{}
	initsub := func() subscription {
		notify = make(chan struct{}, 1)
		go func() { notify = nil }()
		return tab.feed.Subscribe(nil)
	}
	for len(tab.nodes) < n {
		if notify == nil {
			sub := initsub()
			defer sub.Unsubscribe() // want `sub.Unsubscribe\(\) is deferred in a loop, so every iteration's sub stays held until resetByGoroutine returns`
		}
		<-notify
	}
}

// The guard is notify != nil: the branch runs while notify is set, which the
// closure keeps it. Reported.
func (tab *nodeTable) wrongGuard(n int) {
	notify := make(chan struct{}, 1)
	initsub := func() subscription {
		notify = make(chan struct{}, 1)
		return tab.feed.Subscribe(nil)
	}
	for len(tab.nodes) < n {
		if notify != nil {
			sub := initsub()
			defer sub.Unsubscribe() // want `sub.Unsubscribe\(\) is deferred in a loop, so every iteration's sub stays held until wrongGuard returns`
		}
		<-notify
	}
}

// The closure sets notify from a call, which may return nil: the branch may be
// taken again. Reported.
func (tab *nodeTable) mayBeNil(n int) {
	var notify chan struct{}
	initsub := func() subscription {
		notify = newChan()
		return tab.feed.Subscribe(nil)
	}
	for len(tab.nodes) < n {
		if notify == nil {
			sub := initsub()
			defer sub.Unsubscribe() // want `sub.Unsubscribe\(\) is deferred in a loop, so every iteration's sub stays held until mayBeNil returns`
		}
		<-notify
	}
}

// notify is declared in the outer loop: every outer round starts it nil again,
// and the branch runs once per round. Reported.
func (tab *nodeTable) declaredInLoop(rounds, n int) {
	for range rounds {
		var notify chan struct{}
		initsub := func() subscription {
			notify = make(chan struct{}, 1)
			return tab.feed.Subscribe(nil)
		}
		for len(tab.nodes) < n {
			if notify == nil {
				sub := initsub()
				defer sub.Unsubscribe() // want `sub.Unsubscribe\(\) is deferred in a loop, so every iteration's sub stays held until declaredInLoop returns`
			}
			<-notify
		}
	}
}

// The branch sets cache only on some paths, but directly, with a plain
// assignment: the latch rule takes that on trust and keeps quiet. known false
// negative: a branch that skips the assignment defers again in the next round.
func (tab *nodeTable) latchOnTrust(ready func() bool, fill bool) {
	var cache map[int]bool
	for !ready() {
		if cache == nil {
			if fill {
				cache = map[int]bool{}
			}
			sub := tab.feed.Subscribe(nil)
			defer sub.Unsubscribe()
		}
	}
}

// The closure's result is declared with var, and the defer lies deeper in the
// branch: every path to it has run initsub. Quiet.
func (tab *nodeTable) nestedDefer(n int) {
	var notify chan struct{}
	initsub := func() subscription {
		notify = make(chan struct{}, 1)
		return tab.feed.Subscribe(nil)
	}
	for len(tab.nodes) < n {
		if len(tab.nodes) > 0 && notify == nil {
			var sub = initsub()
			if sub != nil {
				defer sub.Unsubscribe()
			}
		}
		<-notify
	}
}

// A loop inside the branch repeats the defer within one run of it: reported.
func (tab *nodeTable) loopInBranch(n, k int) {
	var notify chan struct{}
	for len(tab.nodes) < n {
		if notify == nil {
			notify = make(chan struct{}, 1)
			for i := 0; i < k; i++ {
				sub := tab.feed.Subscribe(nil)
				defer sub.Unsubscribe() // want `sub.Unsubscribe\(\) is deferred in a loop, so every iteration's sub stays held until loopInBranch returns`
				tab.nodes = append(tab.nodes, i)
			}
		}
		<-notify
	}
}
