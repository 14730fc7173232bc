package collections

import "sync"

type leafIter struct{}

func (*leafIter) Next() bool          { return false }
func (*leafIter) Release()            {}
func (*leafIter) Error() error        { return nil }
func iterateLeafs(*segment) *leafIter { return &leafIter{} }

type segment struct{ start []byte }

type trieToSync struct {
	lock              sync.Mutex
	segments          []*segment
	segmentsDone      map[int]struct{}
	segmentToHashNext int
	hashed            int
}

// From subnet-evm's trieToSync.segmentFinished (measurement 40): the for
// without a condition walks t.segments by the cursor t.segmentToHashNext, a
// leaf iterator per segment, each held until the function returns. Bounded by
// the slice, as a range over it: reported with the option.
func (t *trieToSync) segmentFinished(idx int) error {
	t.lock.Lock()
	defer t.lock.Unlock()

	t.segmentsDone[idx] = struct{}{}
	for {
		if _, ok := t.segmentsDone[t.segmentToHashNext]; !ok {
			break
		}
		segment := t.segments[t.segmentToHashNext]
		it := iterateLeafs(segment)
		defer it.Release() // want `it.Release\(\) is deferred in a loop, so every iteration's it stays held until segmentFinished returns`
		for it.Next() {
			t.hashed++
		}
		if err := it.Error(); err != nil {
			return err
		}
		t.segmentToHashNext++
	}
	return nil
}
