// Package concrete holds the cases of the default rule: a repeated defer is
// reported for a concrete consequence (a deadlock, a call that never runs, what the
// iteration acquires or makes and the deferred call keeps, calls piling up for as
// long as input comes), not for plain delay, which -deferloop.delayed reports.
package concrete

import (
	"bufio"
	"errors"
	"os"
	"sync/atomic"
)

func use(...any) bool { return true }

type view struct{}
type snapshot struct{}

func (*view) snapshot() (*snapshot, func(), error) { return nil, func() {}, nil }

type session struct{}

func (*session) snapshotOf(string) (*snapshot, func()) { return nil, func() {} }

func check(*snapshot) {}

// Plain delay over a collection: the removals run at return, which is all the
// code shows; quiet by default, reported with -deferloop.delayed.
func removeAll(names []string) {
	for _, name := range names {
		defer os.Remove(name)
		use(name)
	}
}

// A handle per element of a collection the program holds (the views of a session):
// the defers hold one per view until the function is done, a pile no larger than
// the collection. Quiet.
func describeViews(views []*view) {
	for _, v := range views {
		s, release, err := v.snapshot()
		if err != nil {
			continue
		}
		defer release()
		use(s)
	}
}

// The same over the keys of a map: quiet.
func describeByName(views map[string]*view) {
	for _, v := range views {
		s, release, err := v.snapshot()
		if err != nil {
			continue
		}
		defer release()
		use(s)
	}
}

// known false negative: a handle per element is bounded by the collection however
// large the collection is; only the code's own count or input is seen to grow.
func describeMany(views []*view) {
	for _, v := range views {
		s, release, _ := v.snapshot()
		defer release()
		use(s)
	}
}

type conn struct{}

// The same for every value a channel delivers.
func snapshotEach(s *session, uris <-chan string) {
	for uri := range uris {
		snap, release := s.snapshotOf(uri)
		defer release() // want `release\(\) is deferred in a loop, so every iteration's snap stays held until snapshotEach returns`
		use(snap)
	}
}

// The snapshot is kept past the loop as a map key, for the goroutines after it:
// the loop hands it on, and the release is meant for return. Quiet.
func diagnose(s *session, uris <-chan string) {
	seen := make(map[*snapshot]bool)
	for uri := range uris {
		snap, release := s.snapshotOf(uri)
		if seen[snap] {
			release()
			continue
		}
		defer release()
		seen[snap] = true
	}
	for snap := range seen {
		go check(snap)
	}
}

// A map keyed by the input keeps nothing of the snapshot: reported.
func countURIs(s *session, uris <-chan string) map[string]bool {
	seen := make(map[string]bool)
	for uri := range uris {
		snap, release := s.snapshotOf(uri)
		defer release() // want `release\(\) is deferred in a loop, so every iteration's snap stays held until countURIs returns`
		use(snap)
		seen[uri] = true
	}
	return seen
}

type block struct{}

func (*block) decRef()  {}
func (*block) ok() bool { return true }

type table struct{}

func (*table) count() int                { return 0 }
func (*table) block(int) (*block, error) { return nil, nil }
func (*table) blocks() []int             { return nil }
func (*table) at(i int) (*block, error)  { return nil, nil }

var errBad = errors.New("bad block")

// A method deferred on the value a call of the round returned keeps that value, and
// what it holds, alive until return: one more block per round.
func verify(t *table) error {
	for i := 0; i < t.count(); i++ {
		b, err := t.block(i)
		if err != nil {
			return err
		}
		defer b.decRef() // want `b.decRef\(\) is deferred in a loop, so every iteration's b stays held until verify returns`
		if !b.ok() {
			return errBad
		}
	}
	return nil
}

// Over a collection the same pile is bounded by the collection: quiet by default.
func verifyListed(t *table) error {
	for _, i := range t.blocks() {
		b, err := t.at(i)
		if err != nil {
			return err
		}
		defer b.decRef()
		if !b.ok() {
			return errBad
		}
	}
	return nil
}

var total int64

// A loop without a condition runs until a signal: its deferred closures pile up for
// as long as it runs.
func pump(stop <-chan struct{}) {
	var n int64
	for {
		n++
		defer func() { atomic.AddInt64(&total, n) }() // want `atomic.AddInt64\(&total, n\) is deferred in a loop, so it runs when pump returns, not at the end of each iteration, and the deferred calls pile up for as long as the loop runs`
		select {
		case <-stop:
			return
		default:
		}
	}
}

// A loop over the lines of its input: the calls pile up for as long as lines come.
func lines(sc *bufio.Scanner) {
	for sc.Scan() {
		line := sc.Text()
		defer use(line) // want `use\(line\) is deferred in a loop, so it runs when lines returns, not at the end of each iteration, and the deferred calls pile up for as long as sc.Scan\(\) is true`
		use()
	}
}

type node struct{}

func (node) builtin() bool              { return false }
func refine(kind string, _ node) string { return kind }

// A deferred literal that writes a named result is meant for return: the result is
// read only after it. Quiet, whatever the loop.
func expected(nodes <-chan node) (kind string) {
	for n := range nodes {
		if n.builtin() {
			defer func() {
				kind = refine(kind, n)
			}()
		}
		use(n)
	}
	return "value"
}

// A literal that writes a local, not a result: reported for the channel.
func expectedLocal(nodes <-chan node) string {
	kind := ""
	for n := range nodes {
		defer func() { // want `the deferred function literal is deferred in a loop, so it runs when expectedLocal returns, not at the end of each iteration, and the deferred calls pile up for as long as the channel delivers`
			kind = refine(kind, n)
		}()
		use(n)
	}
	return kind
}

// A literal that records a failure in the function's error but closes the
// iteration's file: the file still stays open per message. Reported.
func closeEach(names <-chan string) (err error) {
	for name := range names {
		f, _ := os.Open(name)
		defer func() { // want `the deferred function literal is deferred in a loop, so it runs when closeEach returns`
			if cerr := f.Close(); cerr != nil {
				err = cerr
			}
		}()
		use(f)
	}
	return nil
}
