package concrete

import "sync"

// A count that bounds the pile does not help the next round, which waits for
// the lock the first one holds: reported.
func lockRounds(mu *sync.Mutex) {
	for range 3 {
		mu.Lock()
		defer mu.Unlock() // want `mu.Unlock\(\) is deferred in a loop that locks mu, so the next iteration deadlocks`
		use()
	}
}
