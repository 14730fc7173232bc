// Package testbounds holds test loops under the default rule: a test bounds what its
// loops pile up, so only a deadlock, a loop that never exits and a range over a
// channel are reported in test code. The same loops outside test code are in
// bounds.go, reported.
package testbounds

import (
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
)

func use(...any) bool { return true }

type node struct{}

func (*node) Shutdown() error  { return nil }
func start(int) (*node, error) { return &node{}, nil }

// A table of a few cases, each response held until the test ends: the test's
// table bounds the pile.
func TestCases(t *testing.T) {
	for _, path := range []string{"/a", "/b", "/c"} {
		res, err := http.Get("http://127.0.0.1:8080" + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		use(res.StatusCode)
	}
}

// A bounded count of listeners, with the release in a literal of several
// statements.
func TestCount(t *testing.T) {
	for i := 0; i < 4; i++ {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer func() {
			if err := l.Close(); err != nil {
				t.Error(err)
			}
		}()
		use(l.Addr())
	}
}

// Set-up: every node the test starts is kept in a slice used after the loop, and
// shut down by a literal that checks the error.
func TestCluster(t *testing.T) {
	var nodes []*node
	for i := 0; i < 3; i++ {
		n, err := start(i)
		if err != nil {
			t.Fatal(err)
		}
		defer func() {
			if err := n.Shutdown(); err != nil {
				t.Fatal(err)
			}
		}()
		nodes = append(nodes, n)
	}
	use(nodes)
}

// A helper in a test file opening the entries of a test directory.
func openEntries(t *testing.T, dir string) []string {
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		f, err := os.Open(dir + "/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		names = append(names, f.Name())
	}
	return names
}

// A test goroutine accepting the connections the test makes: the loop leaves on
// the listener's failure, after the few the test dials.
func TestAccept(t *testing.T) {
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			defer c.Close()
			io.Copy(io.Discard, c)
		}
	}()
}

// Nothing acquired, nothing run but a removal: bounded as well.
func TestRemovals(t *testing.T) {
	for _, name := range []string{"a", "b"} {
		defer os.Remove(name)
		use(strings.ToUpper(name))
	}
}

// A deadlock does not wait for a bound: reported in a test.
func TestDeadlock(t *testing.T) {
	var mu sync.Mutex
	for range 2 {
		mu.Lock()
		defer mu.Unlock() // want `mu.Unlock\(\) is deferred in a loop that locks mu, so the next iteration deadlocks`
		use()
	}
}

// A loop that never exits: its deferred calls never run, in a test too.
func TestForever(t *testing.T) {
	for {
		c, err := net.Dial("tcp", "127.0.0.1:4222")
		if err != nil {
			continue
		}
		defer c.Close() // want `c.Close\(\) is deferred in a loop that never exits`
		use(c)
	}
}

// A range over a channel piles up as long as the channel delivers: no bound the
// test sets.
func TestFromChannel(t *testing.T) {
	conns := make(chan net.Conn)
	for c := range conns {
		defer c.Close() // want `c.Close\(\) is deferred in a loop, so it runs when TestFromChannel returns`
		io.Copy(io.Discard, c)
	}
}

// The same when each message sets up a connection the iteration goes on using: the
// test holds it, but the channel, not the test, decides how many.
func TestDialPerMessage(t *testing.T) {
	addrs := make(chan string)
	for addr := range addrs {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close() // want `c.Close\(\) is deferred in a loop, so every iteration's c stays open until TestDialPerMessage returns`
		c.Write([]byte("ping"))
	}
}
