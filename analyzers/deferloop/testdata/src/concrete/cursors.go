package concrete

import (
	"os"
	"sync"
)

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

func (t *trieToSync) advance() { t.segmentToHashNext++ }

func hashSegment(*trieToSync) {}

// From subnet-evm's trieToSync.segmentFinished (measurement 40; coreth's, in
// measurement 36): a for without a condition walks t.segments by the cursor
// t.segmentToHashNext, which every iteration indexes before the defer and
// advances by one at its end. The loop reaches the defer at most once per
// segment (an index past the end panics): a leaf iterator per segment, as a
// range over t.segments would hold. Quiet, reported with
// -deferloop.collections.
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
		defer it.Release()
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

// The same walk with a local cursor counting down: quiet.
func openBackwards(names []string) {
	i := len(names) - 1
	for {
		f, err := os.Open(names[i])
		if err != nil {
			return
		}
		defer f.Close()
		use(f)
		i--
	}
}

// The cursor stepped in the for statement's post statement, which a continue
// does not skip, under a condition that is a call: quiet.
func openWhile(names []string, more func() bool) {
	for i := 0; more(); i++ {
		name := names[i]
		if name == "" {
			continue
		}
		f, err := os.Open(name)
		if err != nil {
			return
		}
		defer f.Close()
		use(f)
	}
}

// The cursor steps forward and back in every iteration: it never advances, and
// the loop comes round to the same segment for as long as segmentsDone says.
// Reported.
func (t *trieToSync) stepTwice() {
	for {
		if _, ok := t.segmentsDone[t.segmentToHashNext]; !ok {
			break
		}
		it := iterateLeafs(t.segments[t.segmentToHashNext])
		defer it.Release() // want `it.Release\(\) is deferred in a loop, so every iteration's it stays held until stepTwice returns`
		t.segmentToHashNext++
		t.segmentToHashNext--
	}
}

// The cursor assigned a value the iteration computes, not stepped by one: it may
// come back to an element already walked. Reported.
func reopen(names []string, next func(int) int) {
	i := 0
	for {
		f, err := os.Open(names[i])
		if err != nil {
			return
		}
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until reopen returns`
		i = next(i)
	}
}

// The cursor stepped by a method of the struct holding it: the pass does not
// look inside, and takes it as any change. Reported.
func (t *trieToSync) advanceByMethod() {
	for {
		if _, ok := t.segmentsDone[t.segmentToHashNext]; !ok {
			break
		}
		it := iterateLeafs(t.segments[t.segmentToHashNext])
		defer it.Release() // want `it.Release\(\) is deferred in a loop, so every iteration's it stays held until advanceByMethod returns`
		t.advance()
	}
}

// The index is another expression than the cursor (i+1): at the last element it
// panics one round early, but nothing ties its value to the count in general.
// Reported.
func openNext(names []string) {
	i := 0
	for {
		f, err := os.Open(names[i+1])
		if err != nil {
			return
		}
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until openNext returns`
		i++
	}
}

// Only a map is indexed by the cursor: a missing key gives the zero value and no
// panic, so nothing bounds the walk. Reported.
func (t *trieToSync) mapOnly(files map[int]string) {
	for {
		f, err := os.Open(files[t.segmentToHashNext])
		if err != nil {
			return
		}
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until mapOnly returns`
		t.segmentToHashNext++
	}
}

// A cursor stepped, but nothing indexed by it: reported.
func openNumbered(prefix string) {
	n := 0
	for {
		f, err := os.Open(prefix + string(rune('0'+n)))
		if err != nil {
			return
		}
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until openNumbered returns`
		n++
	}
}

// The struct holding the cursor passed to a call, which may set the cursor:
// reported.
func (t *trieToSync) passedOn() {
	for {
		segment := t.segments[t.segmentToHashNext]
		if segment == nil {
			return
		}
		it := iterateLeafs(segment)
		defer it.Release() // want `it.Release\(\) is deferred in a loop, so every iteration's it stays held until passedOn returns`
		hashSegment(t)
		t.segmentToHashNext++
	}
}

// A continue before the step comes round with the cursor where it was: the
// same segment again. Reported.
func (t *trieToSync) skipping(skip func(*segment) bool) {
	for {
		segment := t.segments[t.segmentToHashNext]
		if segment == nil {
			return
		}
		it := iterateLeafs(segment)
		defer it.Release() // want `it.Release\(\) is deferred in a loop, so every iteration's it stays held until skipping returns`
		if skip(segment) {
			continue
		}
		t.segmentToHashNext++
	}
}

// The slice grows in the loop: its length bounds nothing. Reported.
func (t *trieToSync) growing() {
	for {
		segment := t.segments[t.segmentToHashNext]
		if segment == nil {
			return
		}
		it := iterateLeafs(segment)
		defer it.Release() // want `it.Release\(\) is deferred in a loop, so every iteration's it stays held until growing returns`
		t.segments = append(t.segments, segment)
		t.segmentToHashNext++
	}
}

func note(string) {}

// A plain delay in a for without a condition, which by itself says the calls
// pile up for as long as the loop runs; the cursor walk bounds them by the
// slice, as a range would: quiet, reported with -deferloop.delayed.
func noteEach(names []string, i int) {
	for {
		name := names[i]
		if name == "" {
			return
		}
		defer note(name)
		use(name)
		i++
	}
}

// A cursor walk bounds the pile, not a deadlock: the second iteration locks the
// mutex the first still holds. Reported.
func (t *trieToSync) lockEach() {
	for {
		segment := t.segments[t.segmentToHashNext]
		if segment == nil {
			return
		}
		t.lock.Lock()
		defer t.lock.Unlock() // want `t.lock.Unlock\(\) is deferred in a loop that locks t.lock, so the next iteration deadlocks`
		t.hashed++
		t.segmentToHashNext++
	}
}

// A cursor walk with no way out ends only when the index panics: its deferred
// calls never run. Reported as a loop that never exits.
func (t *trieToSync) walkToPanic() {
	for {
		it := iterateLeafs(t.segments[t.segmentToHashNext])
		defer it.Release() // want `it.Release\(\) is deferred in a loop that never exits`
		t.segmentToHashNext++
	}
}
