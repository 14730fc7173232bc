package intents

import "sync"

type statsServer struct {
	mu    sync.Mutex
	stats map[string]int
}

func record(map[string]int, string) {}

// A lock taken once under a flag that the same branch sets: the branch closes its
// own guard, so the defer runs in one iteration at most and the lock is held on
// purpose until the function returns.
func (s *statsServer) onceLocked(keys []string) {
	locked := false
	for _, k := range keys {
		if k == "" {
			continue
		}
		if !locked {
			s.mu.Lock()
			defer s.mu.Unlock()
			locked = true
		}
		record(s.stats, k)
	}
}

// The guard is the loop's own index, which the branch does not set: the defer runs
// in one iteration only, but the code does not show it by a latch. Reported (a
// known limit, see doc.go).
func (s *statsServer) firstLocked(keys []string) {
	for i, k := range keys {
		if i == 0 {
			s.mu.Lock()
			defer s.mu.Unlock() // want `s.mu.Unlock\(\) is deferred in a loop that locks s.mu, so the next iteration deadlocks`
		}
		record(s.stats, k)
	}
}

// The branch does not set its guard: every iteration locks again and deadlocks.
func (s *statsServer) unlatched(keys []string, locked bool) {
	for _, k := range keys {
		if !locked {
			s.mu.Lock()
			defer s.mu.Unlock() // want `s.mu.Unlock\(\) is deferred in a loop that locks s.mu, so the next iteration deadlocks`
		}
		record(s.stats, k)
	}
}

// A counter guards a count, not one iteration: reported.
func (s *statsServer) counted(keys []string) {
	n := 0
	for _, k := range keys {
		if n < 2 {
			n++
			s.mu.Lock()
			defer s.mu.Unlock() // want `s.mu.Unlock\(\) is deferred in a loop that locks s.mu, so the next iteration deadlocks`
		}
		record(s.stats, k)
	}
}

// The loop opens the guard again after the branch closes it: reported.
func (s *statsServer) reopened(keys []string) {
	locked := false
	for _, k := range keys {
		if !locked {
			s.mu.Lock()
			defer s.mu.Unlock() // want `s.mu.Unlock\(\) is deferred in a loop that locks s.mu, so the next iteration deadlocks`
			locked = true
		}
		record(s.stats, k)
		locked = false
	}
}
