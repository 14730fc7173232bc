package collections

import "os"

// Vitess's vtcombo InitTabletMap, a known false negative of the default: a
// connection per shard and cell, held while the long work after the loops
// runs. Reported with the option.
func createTablets(shards, cells []string, work func()) {
	for _, shard := range shards {
		for _, cell := range cells {
			c, err := os.Open(shard + cell)
			if err != nil {
				return
			}
			defer c.Close() // want `c.Close\(\) is deferred in a loop, so every iteration's c stays open until createTablets returns`
			use(c)
		}
	}
	work()
}
