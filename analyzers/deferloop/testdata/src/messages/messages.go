// Package messages checks that each message names the consequence of what is deferred.
package messages

import (
	"context"
	"database/sql"
	"io"
	"net"
	"net/http"
	"os"
	"sync"
	"time"
)

func use(...any) bool { return true }

type cache struct {
	mu    sync.Mutex
	rw    sync.RWMutex
	items map[string]int
}

func (c *cache) deadlock(keys []string) {
	for _, k := range keys {
		c.mu.Lock()
		defer c.mu.Unlock() // want `c.mu.Unlock\(\) is deferred in a loop that locks c.mu, so the next iteration deadlocks in c.mu.Lock: unlock at the end of the iteration or move the loop body into a function literal`
		c.items[k]++
	}
}

func deadlockWrite(mu *sync.RWMutex, n int) {
	for range n {
		mu.Lock()
		defer mu.Unlock() // want `mu.Unlock\(\) is deferred in a loop that locks mu, so the next iteration deadlocks in mu.Lock`
	}
}

type embedded struct {
	sync.Mutex
	n int
}

func (e *embedded) deadlockEmbedded(n int) {
	for range n {
		e.Lock()
		defer e.Unlock() // want `e.Unlock\(\) is deferred in a loop that locks e, so the next iteration deadlocks`
		e.n++
	}
}

func deadlockLocker(l sync.Locker) {
	for {
		l.Lock()
		defer l.Unlock() // want `l.Unlock\(\) is deferred in a loop that locks l, so the next iteration deadlocks`
	}
}

// The mutex is locked before the loop: no deadlock, but the unlocks pile up.
func lockedBefore(mu *sync.Mutex, n int) {
	mu.Lock()
	for range n {
		defer mu.Unlock() // want `mu.Unlock\(\) is deferred in a loop, so it runs when lockedBefore returns`
		use()
	}
}

// The same RWMutex read-locked in every iteration: recursive read locking, which
// sync.RWMutex forbids, deadlocks once a writer waits between two RLocks.
func (c *cache) readLock(keys []string) {
	for _, k := range keys {
		c.rw.RLock()
		defer c.rw.RUnlock() // want `c.rw.RUnlock\(\) is deferred in a loop that read-locks c.rw, so every iteration read-locks it again before any unlock, and a writer waiting in c.rw.Lock between two iterations deadlocks the next c.rw.RLock: unlock at the end of the iteration or move the loop body into a function literal`
		use(c.items[k])
	}
}

func files(names []string) error {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until files returns: call it at the end of the iteration or move the loop body into a function literal`
		use(f)
	}
	return nil
}

func responses(client *http.Client, urls []string) {
	for _, u := range urls {
		resp, err := client.Get(u)
		if err != nil {
			continue
		}
		defer resp.Body.Close() // want `resp.Body.Close\(\) is deferred in a loop, so every iteration's resp.Body stays open until responses returns`
		use()
	}
}

// The variable is declared outside the loop and assigned in it.
func assigned(db *sql.DB, n int) error {
	var tx *sql.Tx
	var err error
	for range n {
		tx, err = db.Begin()
		if err != nil {
			return err
		}
		defer tx.Rollback() // want `tx.Rollback\(\) is deferred in a loop, so every iteration's tx stays open until assigned returns`
		use()
	}
	return nil
}

func tickers(n int) {
	for range n {
		t := time.NewTicker(time.Second)
		defer t.Stop() // want `t.Stop\(\) is deferred in a loop, so every iteration's t keeps running until tickers returns`
		use()
	}
}

func contexts(ctx context.Context, n int) {
	for range n {
		ctx, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel() // want `cancel\(\) is deferred in a loop, so every iteration's context stays registered, with its timer, until its deadline passes, and in memory until contexts returns`
		use(ctx)
	}
}

func counts(wg *sync.WaitGroup, n int) {
	for range n {
		wg.Add(1)
		defer wg.Done() // want `wg.Done\(\) is deferred in a loop, so the count every iteration adds to wg stays up until counts returns`
		use()
	}
}

// The connections are accepted forever and never closed.
func serve(l net.Listener) {
	for {
		conn, err := l.Accept()
		if err != nil {
			continue
		}
		defer conn.Close() // want `conn.Close\(\) is deferred in a loop that never exits, so it never runs and every iteration's conn stays open forever`
		use(conn)
	}
}

// Acquired before the loop: nothing is acquired per iteration.
func closeAll(fs []*os.File) {
	for _, f := range fs {
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so it runs when closeAll returns, not at the end of each iteration`
		use()
	}
}

func longCall(n int) {
	for range n {
		defer use("a rather long argument", "another rather long argument") // want `use\(...\) is deferred in a loop`
		use()
	}
}

// Each iteration locks another mutex: no deadlock, but every mutex stays locked
// until the return, and the iteration carries nothing out that needs it.
func lockEach(mus []*sync.Mutex) {
	for _, mu := range mus {
		mu.Lock()
		defer mu.Unlock() // want `mu.Unlock\(\) is deferred in a loop, so every iteration keeps mu locked until lockEach returns`
		use(mu)
	}
}

func lockEachIndex(mus []sync.Mutex) {
	for i := range mus {
		mus[i].Lock()
		defer mus[i].Unlock() // want `mus\[i\].Unlock\(\) is deferred in a loop, so every iteration keeps mus\[i\] locked until lockEachIndex returns`
		use(i)
	}
}

// A deadlock is reported even when the defer ends the iteration.
func (c *cache) deadlockLast(n int) {
	for range n {
		c.mu.Lock()
		defer c.mu.Unlock() // want `c.mu.Unlock\(\) is deferred in a loop that locks c.mu, so the next iteration deadlocks`
	}
}

type visitor struct{ depth int }

func (v *visitor) openScope()  { v.depth++ }
func (v *visitor) closeScope() { v.depth-- }

// From staticcheck's copy of x/tools' free-variable walker: each scope stays open
// until the function returns, so later specs see the earlier ones' names.
func (v *visitor) specs(specs [][]string) {
	for _, params := range specs {
		if params != nil {
			v.openScope()
			defer v.closeScope() // want `v.closeScope\(\) is deferred in a loop, so it runs when specs returns`
			use(params)
		}
		use(v)
	}
}

// Under a lock released after the loop, a resource acquired per iteration is still
// reported.
func (c *cache) underLock(names []string) {
	c.mu.Lock()
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until underLock returns`
		use(f)
	}
	c.mu.Unlock()
}

// Handed to a goroutine, but in a loop that never exits: the deferred calls pile up
// forever.
func serveForever(l net.Listener) {
	for {
		conn, err := l.Accept()
		if err != nil {
			continue
		}
		defer conn.Close() // want `conn.Close\(\) is deferred in a loop that never exits, so it never runs and every iteration's conn stays open forever`
		go use(conn)
	}
}

// From caddy's fastcgi client: a call that only uses the file, with its result stored
// outside the loop, does not hand the file on.
func postFiles(w io.Writer, names []string) (err error) {
	for _, name := range names {
		fd, e := os.Open(name)
		if e != nil {
			return e
		}
		defer fd.Close() // want `fd.Close\(\) is deferred in a loop, so every iteration's fd stays open until postFiles returns`
		_, err = io.Copy(w, fd)
		if err != nil {
			return err
		}
	}
	return nil
}
