package concrete

import "sync"

// The cases of a deferred unlock in a loop: the same mutex in every iteration
// deadlocks; a lock per element is held on purpose while what was read under it
// is used after the loop, and for nothing otherwise.

type bitmap struct{ words []uint64 }

type idSet struct {
	sync.RWMutex
	bitmap *bitmap
	n      int
}

func fastOr(...*bitmap) *bitmap { return nil }

// From influxdb's SeriesIDSet.Merge: each set's bitmap, read under its read lock,
// is collected and ored after the loop, so every lock is held until then. The
// lock differs per iteration (the range value) and the iteration hands on what it
// read under it: quiet.
func merge(others ...*idSet) *bitmap {
	bms := make([]*bitmap, 0, len(others))
	for _, other := range others {
		other.RLock()
		defer other.RUnlock() // Hold until we have merged all the bitmaps
		bms = append(bms, other.bitmap)
	}
	return fastOr(bms...)
}

type shard struct {
	mu    sync.Mutex
	items map[string]int
	n     int
	name  string
}

// The same with a write lock and a map stored into a map declared outside the
// loop: each shard's items are used after the loop under its lock. Quiet.
func snapshotShards(shards []*shard) map[string]map[string]int {
	out := make(map[string]map[string]int)
	for _, s := range shards {
		s.mu.Lock()
		defer s.mu.Unlock()
		out[s.name] = s.items
	}
	return out
}

type registry struct {
	mu  sync.Mutex
	rw  sync.RWMutex
	all [][]int
}

// The same mutex in every iteration, whatever the iteration carries out: the
// second Lock deadlocks. Reported as the deadlock.
func (r *registry) collect(shards []*shard) [][]int {
	var out [][]int
	for range shards {
		r.mu.Lock()
		defer r.mu.Unlock() // want `r.mu.Unlock\(\) is deferred in a loop that locks r.mu, so the next iteration deadlocks in r.mu.Lock`
		out = append(out, r.all...)
	}
	return out
}

// The same RWMutex read-locked in every iteration: recursive read locking, which
// sync.RWMutex forbids, deadlocks once a writer waits between two RLocks.
func (r *registry) readAll(keys []int) [][]int {
	var out [][]int
	for _, k := range keys {
		r.rw.RLock()
		defer r.rw.RUnlock() // want `r.rw.RUnlock\(\) is deferred in a loop that read-locks r.rw, so every iteration read-locks it again before any unlock, and a writer waiting in r.rw.Lock between two iterations deadlocks the next r.rw.RLock`
		out = append(out, r.all[k])
	}
	return out
}

type valueIter struct{}

func (*valueIter) Close()          {}
func (*valueIter) Next() []byte    { return nil }
func openValues(string) *valueIter { return &valueIter{} }
