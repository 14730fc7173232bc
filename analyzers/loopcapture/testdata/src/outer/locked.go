package outer

import "sync"

type request struct{ seq uint32 }

// Shared state under one mutex (wireguard's routineRouteListener): the loop
// replaces pending and the goroutine fills it, each while holding mu. The
// goroutine reads the current map on purpose: quiet.
func lockedShared(msgs []int) {
	var pending map[uint32]request
	var mu sync.Mutex
	for range msgs {
		mu.Lock()
		pending = make(map[uint32]request)
		mu.Unlock()
		go func() {
			for i := uint32(1); i < 4; i++ {
				mu.Lock()
				pending[i] = request{seq: i}
				mu.Unlock()
			}
		}()
	}
}

type registry struct {
	mu      sync.RWMutex
	current string
}

// The same field of the same variable, read under RLock and written under Lock,
// with a deferred RUnlock right after the RLock covering the rest of the
// literal: quiet.
func lockedField(r *registry, names []string) {
	for _, name := range names {
		r.mu.Lock()
		r.current = name
		r.mu.Unlock()
	}
	var latest string
	for _, name := range names {
		r.mu.Lock()
		latest = name
		r.mu.Unlock()
		go func() {
			r.mu.RLock()
			defer r.mu.RUnlock()
			use(latest)
		}()
	}
}

// The assignment sits in an if inside the locked region, with its own Unlock
// and continue: the mutex is still held where it assigns. Quiet.
func lockedBranch(names []string) {
	var latest string
	var mu sync.Mutex
	for _, name := range names {
		mu.Lock()
		if name == "" {
			latest = "none"
			mu.Unlock()
			continue
		}
		latest = name
		mu.Unlock()
		go func() {
			mu.Lock()
			use(latest)
			mu.Unlock()
		}()
	}
}

// The loop writes without the lock: reported.
func unlockedWrite(names []string) {
	var latest string
	var mu sync.Mutex
	for _, name := range names {
		latest = name
		go func() {
			mu.Lock()
			use(latest) // want `the goroutine reads latest, which is declared outside the loop`
			mu.Unlock()
		}()
	}
}

// The literal reads under a different mutex: reported.
func otherMutex(names []string) {
	var latest string
	var mu, other sync.Mutex
	for _, name := range names {
		mu.Lock()
		latest = name
		mu.Unlock()
		go func() {
			other.Lock()
			use(latest) // want `the goroutine reads latest`
			other.Unlock()
		}()
	}
}

// Only the read is locked... and only the write: both reported.
func onlyOneSide(names []string) {
	var a, b string
	var mu sync.Mutex
	for _, name := range names {
		a = name
		mu.Lock()
		b = name
		mu.Unlock()
		go func() {
			mu.Lock()
			use(a) // want `the goroutine reads a`
			mu.Unlock()
		}()
		go func() {
			use(b) // want `the goroutine reads b`
		}()
	}
}

// The loop writes under RLock, which does not exclude the reader: reported.
func writeUnderRLock(names []string) {
	var latest string
	var mu sync.RWMutex
	for _, name := range names {
		mu.RLock()
		latest = name
		mu.RUnlock()
		go func() {
			mu.RLock()
			use(latest) // want `the goroutine reads latest`
			mu.RUnlock()
		}()
	}
}

// The read comes after the literal's Unlock: reported.
func readAfterUnlock(names []string) {
	var latest string
	var mu sync.Mutex
	for _, name := range names {
		mu.Lock()
		latest = name
		mu.Unlock()
		go func() {
			mu.Lock()
			mu.Unlock()
			use(latest) // want `the goroutine reads latest`
		}()
	}
}

// A mutex declared in the loop body is a new mutex each iteration: the
// goroutine holds its own iteration's while the next iteration writes under
// another. Reported.
func mutexPerIteration(names []string) {
	var latest string
	for _, name := range names {
		var mu sync.Mutex
		mu.Lock()
		latest = name
		mu.Unlock()
		go func() {
			mu.Lock()
			use(latest) // want `the goroutine reads latest`
			mu.Unlock()
		}()
	}
}

// A nested literal in the goroutine reads outside the goroutine's locked
// region, whenever it is called: reported.
func nestedLiteral(names []string) {
	var latest string
	var mu sync.Mutex
	for _, name := range names {
		mu.Lock()
		latest = name
		mu.Unlock()
		go func() {
			mu.Lock()
			get := func() string { return latest } // want `the goroutine reads latest`
			mu.Unlock()
			use(get())
		}()
	}
}

// known false negative: an Unlock hidden in a helper (release(&mu)) between the
// Lock and the access is not seen, so this read, no longer under the lock, is
// taken as guarded.
func hiddenUnlock(names []string) {
	var latest string
	var mu sync.Mutex
	for _, name := range names {
		mu.Lock()
		latest = name
		mu.Unlock()
		go func() {
			mu.Lock()
			release(&mu)
			use(latest)
			mu.Unlock()
		}()
	}
}

func release(mu *sync.Mutex) { mu.Unlock() }

// Known false positive: a branch between the Lock and the write releases the
// mutex and carries on; that it locks it again is not followed, so the write is
// taken as unlocked and the read reported.
func releasedInBranch(names []string) {
	var latest string
	var mu sync.Mutex
	for _, name := range names {
		mu.Lock()
		if name == "" {
			mu.Unlock()
			mu.Lock()
		}
		latest = name
		mu.Unlock()
		go func() {
			mu.Lock()
			use(latest) // want `the goroutine reads latest`
			mu.Unlock()
		}()
	}
}
