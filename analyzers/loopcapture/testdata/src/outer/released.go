package outer

import "database/sql"

type store struct{}

func (*store) Close() error            { return nil }
func (*store) Snapshot(string) error   { return nil }
func (*store) Flush() error            { return nil }
func (*store) Path() string            { return "" }
func openStore(string) (*store, error) { return nil, nil }
func ok(error)                         {}

// A test that closes the store and reopens it from a snapshot on each case
// (prometheus/tsdb's TestDB_SnapshotWithDelete): the loop closes db's current
// value itself before assigning it again, so the deferred function is meant to
// close only what db holds at return. Passing db as an argument would close every
// earlier store a second time. Quiet.
func reopenEach(cases []string) {
	db, _ := openStore("")
Outer:
	for _, c := range cases {
		ok(db.Snapshot(c))
		ok(db.Close())

		var err error
		db, err = openStore(c)
		ok(err)
		defer func() { ok(db.Close()) }()

		if c == "" {
			continue Outer
		}
	}
}

// A path that leaves the iteration early neither releases db nor assigns it: the
// loop still releases every value it overwrites. Quiet.
func reopenSkipping(cases []string) {
	var db *store
	for _, c := range cases {
		if c == "" {
			continue
		}
		if db != nil {
			if err := db.Close(); err != nil {
				return
			}
		}
		db, _ = openStore(c)
		defer func() {
			if db != nil {
				db.Close()
			}
		}()
	}
}

// The loop closes each store after using it, before the next iteration assigns
// db again: every overwritten value is released. Quiet.
func useThenClose(paths []string) {
	var db *store
	for _, p := range paths {
		db, _ = openStore(p)
		defer func() { db.Close() }()
		ok(db.Flush())
		db.Close()
	}
}

// A transaction per batch, committed by the loop before it begins the next; the
// deferred function rolls back only the one open at return. Quiet.
func batches(conn *sql.DB, n int) error {
	tx, err := conn.Begin()
	if err != nil {
		return err
	}
	for range n {
		if err := tx.Commit(); err != nil {
			return err
		}
		if tx, err = conn.Begin(); err != nil {
			return err
		}
		defer func() { tx.Rollback() }()
	}
	return tx.Commit()
}

// Only some paths release db before the loop assigns it again: the stores of the
// other iterations are closed only by the deferred calls, which all close the
// last one. Reported.
func reopenSometimes(cases []string, fresh bool) {
	db, _ := openStore("")
	for _, c := range cases {
		if fresh {
			db.Close()
		}
		db, _ = openStore(c)
		defer func() { ok(db.Close()) }() // want `the deferred function reads db, which is declared outside the loop and assigned again on later iterations, so it sees only the last value: pass db as an argument`
	}
}

// Deferring the close is no release by the loop: it runs only at return. Reported.
func deferredRelease(cases []string) {
	var db *store
	for _, c := range cases {
		db, _ = openStore(c)
		defer func() { ok(db.Flush()) }() // want `the deferred function reads db`
		defer db.Close()
	}
}

// The loop closes each store, but the deferred function does not release db: it
// reads the last store's path for every case. Reported.
func reportPaths(cases []string) {
	var db *store
	for _, c := range cases {
		db, _ = openStore(c)
		defer func() { use(db.Path()) }() // want `the deferred function reads db`
		db.Close()
	}
}

// A goroutine reads db while the loop closes and reopens it, a race whatever the
// loop releases: the rule is about deferred functions, which run at return.
// Reported.
func flushConcurrently(cases []string) {
	db, _ := openStore("")
	for _, c := range cases {
		ok(db.Close())
		db, _ = openStore(c)
		go func() { ok(db.Close()) }() // want `the goroutine reads db`
	}
}

// A release through a field (db.inner.Close()) is not a direct call on the
// variable: not counted. Reported.
type wrapped struct{ inner *store }

func reopenWrapped(cases []string) {
	var w wrapped
	for _, c := range cases {
		w.inner.Close()
		w.inner, _ = openStore(c)
		w = wrapped{inner: w.inner}
		defer func() { w.inner.Close() }() // want `the deferred function reads w`
	}
}

// known false negative (a false positive kept): closing db through a helper is
// not seen as a release, so this loop, which closes each store it overwrites,
// stays reported.
func closeStore(s *store) { s.Close() }

func reopenViaHelper(cases []string) {
	var db *store
	for _, c := range cases {
		if db != nil {
			closeStore(db)
		}
		db, _ = openStore(c)
		defer func() { db.Close() }() // want `the deferred function reads db`
	}
}

// The guard releases db only when it is also stale: a fresh store is overwritten
// without a release. Reported.
func reopenStale(cases []string, stale func() bool) {
	var db *store
	for _, c := range cases {
		if db != nil && stale() {
			db.Close()
		}
		db, _ = openStore(c)
		defer func() { db.Close() }() // want `the deferred function reads db`
	}
}
