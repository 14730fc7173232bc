// Package testsetup holds tests whose loops set up what the test holds until it
// ends: every connection a test opens before it exercises them all.
package testsetup

import (
	"net"
	"os"
	"sync"
	"testing"
)

func use(...any) bool { return true }

// From issue #12: every subscriber stays connected while the producers publish;
// closing each at the end of its iteration would hang the test.
func TestSubscribers(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		c, err := net.Dial("tcp", "127.0.0.1:4222")
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		c.Write([]byte("SUB updates 1\r\n"))
		wg.Add(1)
	}
	wg.Wait()
}

func BenchmarkReaders(b *testing.B) {
	for _, name := range []string{"a", "b"} {
		f, err := os.Open(name)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		use(f)
	}
	b.ResetTimer()
}

// A helper in a test file.
func openAll(names []string) {
	for _, name := range names {
		f, _ := os.Open(name)
		defer f.Close()
		use(f)
	}
}

// A subtest's function literal takes *testing.T as well.
func TestSubtest(t *testing.T) {
	t.Run("all", func(t *testing.T) {
		for range 3 {
			l, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			defer l.Close()
			use(l.Addr())
		}
	})
}

// Nothing acquired in the loop: the removals wait for the test's end, reported.
func TestRemovals(t *testing.T) {
	for _, name := range []string{"a", "b"} {
		defer os.Remove(name) // want `os.Remove\(name\) is deferred in a loop, so it runs when TestRemovals returns`
		use(name)
	}
}

// A loop that never exits is reported in a test as well.
func TestForever(t *testing.T) {
	for {
		c, err := net.Dial("tcp", "127.0.0.1:4222")
		if err != nil {
			continue
		}
		use(c)
		defer c.Close() // want `c.Close\(\) is deferred in a loop that never exits`
	}
}

// A deadlock is reported in a test as well.
func TestDeadlock(t *testing.T) {
	var mu sync.Mutex
	for range 2 {
		mu.Lock()
		defer mu.Unlock() // want `mu.Unlock\(\) is deferred in a loop that locks mu, so the next iteration deadlocks`
		use()
	}
}
