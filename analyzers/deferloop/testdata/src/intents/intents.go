// Package intents holds loops whose defers are meant for function return: the value
// released outlives the iteration, the defer is a safety net for an explicit
// release, or the deferred literal acts on the function's outcome. None is reported,
// except the contrasting cases marked with want.
package intents

import (
	"database/sql"
	"errors"
	"os"
)

func use(...any) bool { return true }

type conn struct{}
type subscription struct{}
type server struct{}

func dial(string) (*conn, error)                      { return nil, nil }
func (*conn) Subscribe(string) (*subscription, error) { return nil, nil }
func (*conn) Close() error                            { return nil }
func (*subscription) Unsubscribe() error              { return nil }
func (*subscription) Next() string                    { return "" }
func restart(*server) *server                         { return nil }
func (*server) Close() error                          { return nil }
func check(*os.File) error                            { return nil }
func publish(string)                                  {}

// The value released outlives the iteration because it escapes it.

// From issue #12: the subscription, derived from the iteration's connection, is
// kept in a slice for use after the loop, so the connection must stay open.
func derivedKept(addrs []string) {
	subs := make([]*subscription, len(addrs))
	for i, addr := range addrs {
		c, err := dial(addr)
		if err != nil {
			return
		}
		defer c.Close()
		sub, err := c.Subscribe("updates")
		if err != nil {
			return
		}
		defer sub.Unsubscribe()
		subs[i] = sub
	}
	publish("updates")
	for _, sub := range subs {
		use(sub.Next())
	}
}

// Stored into an element of a slice declared outside the loop.
func elementStored(addrs []string) []*conn {
	conns := make([]*conn, len(addrs))
	for i, addr := range addrs {
		c, err := dial(addr)
		if err != nil {
			return nil
		}
		defer c.Close()
		conns[i] = c
	}
	use(conns)
	return nil
}

// Stored into a map declared outside the loop.
func mapStored(addrs []string) {
	m := make(map[string]*conn)
	for _, addr := range addrs {
		c, _ := dial(addr)
		defer c.Close()
		m[addr] = c
	}
	use(m)
}

// The element itself is what the loop acquires and the defer releases.
func elementAcquired(addrs []string) {
	conns := make([]*conn, len(addrs))
	for i, addr := range addrs {
		conns[i], _ = dial(addr)
		defer conns[i].Close()
		use(conns[i])
	}
	use(conns)
}

// A restart loop: each iteration hands the running server to restart, which replaces
// it, so the variable carries the value from one iteration to the next.
func restarts(srv *server, n int) {
	for range n {
		srv = restart(srv)
		defer srv.Close()
		use(srv)
	}
}

// The last value assigned in the loop is used after it.
func usedAfter(addrs []string) error {
	var c *conn
	var err error
	for _, addr := range addrs {
		c, err = dial(addr)
		if err != nil {
			continue
		}
		defer c.Close()
		use(c)
	}
	use(c)
	return err
}

// The defer is a safety net: the iteration releases the value itself on every path
// that comes round again, and the defer only covers an early return.
func safetyNet(names []string) error {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := check(f); err != nil {
			return err
		}
		f.Close()
	}
	return nil
}

func safetyNetChecked(names []string) error {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := check(f); err != nil {
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	return nil
}

type mountEntry struct{ file *os.File }

func (m *mountEntry) open(name string) error {
	f, err := os.Open(name)
	m.file = f
	return err
}

// The defer and the explicit release share a nil guard: a path that skips the
// explicit release has a nil file, and nothing to release.
func safetyNetGuarded(names []string) error {
	for _, name := range names {
		me := mountEntry{}
		if err := me.open(name); err != nil {
			return err
		}
		if me.file != nil {
			defer me.file.Close()
		}
		if err := check(me.file); err != nil {
			return err
		}
		if me.file != nil {
			_ = me.file.Close()
		}
	}
	return nil
}

// A guard on another value says nothing about the file: the defer holds it.
func safetyNetOtherGuard(names []string, keep *os.File) error {
	for _, name := range names {
		me := mountEntry{}
		if err := me.open(name); err != nil {
			return err
		}
		defer me.file.Close() // want `me.file.Close\(\) is deferred in a loop`
		if keep != nil {
			_ = me.file.Close()
		}
	}
	return nil
}

// The explicit release is skipped by continue: the defer is no safety net there.
func safetyNetSkipped(names []string) error {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until safetyNetSkipped returns`
		if check(f) != nil {
			continue
		}
		f.Close()
	}
	return nil
}

// The explicit release covers the error path only.
func releasedOnError(names []string) {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until releasedOnError returns`
		if check(f) != nil {
			f.Close()
		}
		use(f)
	}
}

// The deferred literal acts on the function's outcome, known only at return: it
// closes what the loop prepared when the function fails.
func prepareAll(db *sql.DB, queries []string) (stmts []*sql.Stmt, err error) {
	for _, q := range queries {
		var st *sql.Stmt
		st, err = db.Prepare(q)
		if err != nil {
			return nil, err
		}
		defer func() {
			if err != nil {
				st.Close()
			}
		}()
		if q == "" {
			err = errors.New("empty query")
		}
	}
	return stmts, err
}

// The condition reads a local error, not the function's result: reported.
func closeOnLocalError(names []string) {
	for _, name := range names {
		f, err := os.Open(name)
		defer func() { // want `deferred in a loop`
			if err == nil {
				f.Close()
			}
		}()
		use(f)
	}
}
