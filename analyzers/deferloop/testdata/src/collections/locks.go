package collections

// A lock per element and nothing carried out of the iteration: every shard stays
// locked until the function returns, for nothing (other goroutines wait, and lock
// order with them is at risk). A reviewer unlocks at the end of the iteration.
func bumpShards(shards []*shard) {
	for _, s := range shards {
		s.mu.Lock()
		defer s.mu.Unlock() // want `s.mu.Unlock\(\) is deferred in a loop, so every iteration keeps s.mu locked until bumpShards returns`
		s.n++
	}
}

// What is carried out is a copy that shares nothing with the shard (a number):
// it needs no lock once made. Reported.
func countShards(shards []*shard) int {
	total := 0
	for _, s := range shards {
		s.mu.Lock()
		defer s.mu.Unlock() // want `every iteration keeps s.mu locked until countShards returns`
		total += s.n
	}
	return total
}

// The same per-element read lock as merge, but the iteration carries nothing out:
// every set stays read-locked until return. Reported.
func cardinalities(others []*idSet) {
	for _, other := range others {
		other.RLock()
		defer other.RUnlock() // want `other.RUnlock\(\) is deferred in a loop, so every iteration keeps a read lock on other until cardinalities returns`
		use(other.n)
	}
}

// From influxdb's MeasurementTagKeyValuesByExpr: what the iterator yields is
// collected outside the loop, but the defer closes the iterator, not a lock: the
// lock rule does not apply, and each iterator stays open until return. Reported.
func tagValues(keys []string) [][]string {
	results := make([][]string, len(keys))
	for ki, key := range keys {
		vitr := openValues(key)
		defer vitr.Close() // want `vitr.Close\(\) is deferred in a loop, so every iteration's vitr stays open until tagValues returns`
		results[ki] = append(results[ki], string(vitr.Next()))
	}
	return results
}
