// Package oldvalue holds the shapes in which a variable is assigned after the defer
// statement but the deferred call wants the value it was given. They were reported
// once (issue #12: 32 findings on three unseen modules, all false); none is now.
package oldvalue

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"net/http"
	"os"
	"sync"
)

type conn struct{ name string }

func open(name string) *conn { return &conn{name} }
func closeIt(*conn)          {}
func use(*conn)              {}

// Quiet, re-defer: each defer owns the value it was given, and the second defer
// takes care of the second connection. A function literal would close the second
// one twice and the first never.
func reDefer() {
	c := open("a")
	defer closeIt(c)
	use(c)
	c = open("b")
	defer closeIt(c)
	use(c)
}

// Quiet, re-defer through a method on the later value: the first file is removed
// by the first defer, the second by the second.
func reDeferTempFiles() error {
	f, err := os.CreateTemp("", "a")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	f, err = os.CreateTemp("", "b")
	if err != nil {
		return err
	}
	defer f.Close()
	return nil
}

// Quiet, re-defer wins over a zero value at the defer: the author defers once per
// value, so the first "leaving" line is meant to log the empty step.
func reDeferZero() {
	var step string
	defer log.Println("leaving", step)
	step = "parse"
	defer log.Println("leaving", step)
}

// Quiet, re-defer in a loop: the same defer statement runs again for each value.
func reDeferLoop(names []string) {
	var c *conn
	for _, name := range names {
		c = open(name)
		defer closeIt(c)
	}
}

func setLabels(ctx context.Context)                               {}
func withLabels(ctx context.Context, k, v string) context.Context { return ctx }

// Quiet, save and restore (runtime/pprof.Do): the defer puts back the labels from
// before; the explicit call with the new value says so.
func do(ctx context.Context, f func(context.Context)) {
	defer setLabels(ctx)
	ctx = withLabels(ctx, "k", "v")
	setLabels(ctx)
	f(ctx)
}

var level int

func setLevel(l int) { level = l }

// Quiet, save and restore wins over a zero value at the defer: the level is put
// back to 0 on purpose.
func verbose(f func()) {
	l := 0
	defer setLevel(l)
	l = 3
	setLevel(l)
	f()
}

var pool sync.Pool

// Quiet, a buffer given back to its pool: Put wants the buffer it was given, and
// the reslice and append only go on using it.
func encode(v string) string {
	buf := pool.Get().([]byte)
	defer pool.Put(buf)
	buf = buf[:0]
	buf = append(buf, v...)
	return string(buf)
}

type ctxKey struct{}

func logAccess(r *http.Request) {}

// Quiet, the request is an object the deferred call acts on: the access logger gets
// the request as it arrived, and r.WithContext derives a new one from it. A function
// literal would change which request the logger receives on the error path.
func serveHTTP(w http.ResponseWriter, r *http.Request) {
	defer logAccess(r)
	ctx := context.WithValue(r.Context(), ctxKey{}, 1)
	r = r.WithContext(ctx)
	if r.URL == nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusOK)
}

type config struct{ addr string }

func boundAddr() string { return "127.0.0.1:8080" }

// Quiet, a "stopping" line that mirrors a "starting" line: addr had a real value
// when deferred and still names the same server after the assignment.
func serve(cfg config) {
	addr := cfg.addr
	log.Printf("starting %s", addr)
	defer log.Printf("stopping %s", addr)
	addr = boundAddr()
	log.Printf("listening on %s", addr)
}

// Quiet, a constant default that means something: name is later replaced by a
// computed value, not by another constant, so it is not a status placeholder.
func worker(id int) {
	name := "worker"
	log.Printf("starting %s", name)
	defer log.Printf("stopping %s", name)
	name = fmt.Sprintf("%s-%d", name, id)
	_ = name
}

// Quiet, a real error transformed: the wrapped error is the same failure, and the
// defer reports the one it was given.
func wrapped(check func() error) {
	err := check()
	defer log.Println("check:", err)
	err = fmt.Errorf("check: %w", err)
	_ = err
}

// Quiet, an offset the deferred call computes with: Truncate takes an int, not a
// value to report, so the mark from before the writes is the one wanted.
func tentative(buf *bytes.Buffer, parts [][]byte) {
	mark := buf.Len()
	defer buf.Truncate(mark)
	for _, p := range parts {
		buf.Write(p)
		mark += len(p)
	}
}

type token struct{}

func take() *token { return &token{} }
func audit(*token) {}

// Quiet, a named result that the deferred call acts on: audit wants the token that
// was taken, and the error path's return of nil does not change that.
func acquire(bad bool) (t *token, err error) {
	t = take()
	defer audit(t)
	if bad {
		return nil, fmt.Errorf("bad")
	}
	return t, nil
}

type span struct{}

func (span) End(status string) {}

func classify() string { return "ok" }

// known false negative: status starts from a computed value, not a placeholder, so
// nothing shows that the deferred call wants the later "error".
func computedStatus(s span, failed bool) {
	status := classify()
	defer s.End(status)
	if failed {
		status = "error"
	}
}

// known false negative: a real counter reported through a parameter that is not an
// empty interface; the rule cannot tell a reporter from a computation there.
func typedCounter(record func(int), items []int) {
	n := len(items)
	defer record(n)
	n += 1
}
