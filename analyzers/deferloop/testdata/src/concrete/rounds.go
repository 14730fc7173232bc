package concrete

import (
	"io"
	"sync"
)

type bucket struct{}

func (*bucket) rangeReader(off, n int64) (io.ReadCloser, error) { return nil, nil }

func find([]byte) (off, n int64, leaf bool) { return 0, 0, false }

// From protomaps/go-pmtiles' Show: a directory tree of at most four levels,
// walked to a leaf with a reader per level. The header fixes the count at four,
// and four readers deferred in a loop hold no more than four written one after
// another would: quiet, a plain delay reported with -deferloop.delayed.
func walkDirectories(b *bucket, off, n int64) ([]byte, error) {
	for depth := 0; depth <= 3; depth++ {
		r, err := b.rangeReader(off, n)
		if err != nil {
			return nil, err
		}
		defer r.Close()
		dir, err := io.ReadAll(r)
		if err != nil {
			return nil, err
		}
		var leaf bool
		if off, n, leaf = find(dir); leaf {
			return dir, nil
		}
	}
	return nil, nil
}

// The same walk to a depth the caller sets: nothing bounds the readers held until
// return. Reported.
func walkToDepth(b *bucket, off, n int64, depth int) ([]byte, error) {
	for d := 0; d <= depth; d++ {
		r, err := b.rangeReader(off, n)
		if err != nil {
			return nil, err
		}
		defer r.Close() // want `r.Close\(\) is deferred in a loop, so every iteration's r stays open until walkToDepth returns`
		dir, err := io.ReadAll(r)
		if err != nil {
			return nil, err
		}
		var leaf bool
		if off, n, leaf = find(dir); leaf {
			return dir, nil
		}
	}
	return nil, nil
}

// A constant count above a handful is a batch, whose pile grows with the count:
// reported.
func readBatch(b *bucket) error {
	for i := 0; i < 100; i++ {
		r, err := b.rangeReader(int64(i), 1)
		if err != nil {
			return err
		}
		defer r.Close() // want `r.Close\(\) is deferred in a loop, so every iteration's r stays open until readBatch returns`
		if _, err := io.ReadAll(r); err != nil {
			return err
		}
	}
	return nil
}

// A few rounds inside another loop repeat with it: reported.
func walkEach(b *bucket, roots []int64) error {
	for _, root := range roots {
		for depth := 0; depth <= 3; depth++ {
			r, err := b.rangeReader(root, 1)
			if err != nil {
				return err
			}
			defer r.Close() // want `r.Close\(\) is deferred in a loop, so every iteration's r stays open until walkEach returns`
			if _, err := io.ReadAll(r); err != nil {
				return err
			}
		}
	}
	return nil
}

// A count that bounds the pile does not help the next round, which waits for
// the lock the first one holds: reported.
func lockRounds(mu *sync.Mutex) {
	for range 3 {
		mu.Lock()
		defer mu.Unlock() // want `mu.Unlock\(\) is deferred in a loop that locks mu, so the next iteration deadlocks`
		use()
	}
}
