package tests

// This package holds leaks in test code. By default only those a test does not
// bound are reported: a resource acquired in a counted loop (a for statement, a
// range over a channel, an integer or a function) that leaks one per iteration (b.N
// of them in a benchmark), and a writer whose buffered data is lost. One descriptor
// per test function, benchmark round or case of a table lives no longer than the
// test binary, and no maintainer acts on it (-unclosed.tests reports it too).

import (
	"bytes"
	"compress/gzip"
	"net"
	"net/http"
	"os"
	"testing"
)

func TestOnce(t *testing.T) {
	f, err := os.Open("testdata/x") // quiet: one file per test run
	if err != nil {
		t.Fatal(err)
	}
	t.Log(f.Name())
}

func BenchmarkRound(b *testing.B) {
	c, err := net.Dial("tcp", "localhost:1") // quiet: one connection per benchmark round, outside the b.N loop
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		c.Write([]byte("x"))
	}
}

func TestWakeAccept(t *testing.T) {
	go func() {
		_, _ = net.Dial("tcp", "localhost:1") // quiet: dialled once to make Accept return
	}()
}

// listen is a helper of the test: test code too.
func listen(t *testing.T) string {
	l, err := net.Listen("tcp", "localhost:0") // quiet: one listener per call from a test
	if err != nil {
		t.Fatal(err)
	}
	return l.Addr().String()
}

func TestDialLoop(t *testing.T) {
	for i := 0; i < 100; i++ {
		c, err := net.Dial("tcp", "localhost:1") // want `c \(connection from net.Dial\) is not closed`
		if err != nil {
			t.Fatal(err)
		}
		c.Write([]byte("x"))
	}
}

func BenchmarkGet(b *testing.B) {
	for i := 0; i < b.N; i++ {
		resp, err := http.Get("http://localhost:1") // want `resp.Body \(HTTP response from http.Get\) is not closed`
		if err != nil {
			b.Fatal(err)
		}
		_ = resp.StatusCode
	}
}

func BenchmarkGetInLiteral(b *testing.B) {
	for i := 0; i < b.N; i++ {
		func() {
			f, err := os.Open("testdata/x") // want `f \(file from os.Open\) is not closed`
			if err != nil {
				b.Fatal(err)
			}
			_ = f.Name()
		}()
	}
}

func TestTable(t *testing.T) {
	for _, name := range []string{"a", "b", "c"} {
		f, err := os.Open(name) // quiet: one file per case of the table the test wrote
		if err != nil {
			t.Fatal(err)
		}
		t.Log(f.Name())
	}
}

func TestSubtests(t *testing.T) {
	cases := []struct{ addr string }{{"localhost:1"}, {"localhost:2"}}
	for _, tc := range cases {
		t.Run(tc.addr, func(t *testing.T) {
			c, err := net.Dial("tcp", tc.addr) // quiet: one connection per subtest
			if err != nil {
				t.Fatal(err)
			}
			c.Write([]byte("x"))
		})
	}
}

func acceptUntilDone(t *testing.T, l net.Listener, done chan struct{}, got chan struct{}) {
	go func() {
		for {
			c, err := l.Accept() // quiet: the path that keeps it leaves the loop, so it leaks once
			if err != nil {
				return
			}
			select {
			case got <- struct{}{}:
				c.Close()
			case <-done:
				return
			}
		}
	}()
}

func rangeChannel(t *testing.T, names chan string) {
	for name := range names {
		f, err := os.Open(name) // want `f \(file from os.Open\) is not closed`
		if err != nil {
			t.Fatal(err)
		}
		t.Log(f.Name())
	}
}

func BenchmarkDiscardInLoop(b *testing.B) {
	for i := 0; i < b.N; i++ {
		_, _ = net.Dial("tcp", "localhost:1") // want `the connection from net.Dial is discarded`
	}
}

func TestWriterLosesData(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf) // want `zw \(writer from gzip.NewWriter\) is not closed`
	zw.Write([]byte("data"))
	t.Log(buf.Len()) // the compressed data is still in zw: the test checks nothing
}

// Outside test code, the same single leak is reported.
func openOnce() string {
	f, err := os.Open("x") // want `f \(file from os.Open\) is not closed`
	if err != nil {
		return ""
	}
	return f.Name()
}

// openForRound is a helper of a benchmark that returns a fresh file: quiet in
// itself, and its callers acquire the file.
func openForRound(b *testing.B) *os.File {
	f, err := os.Open("testdata/x")
	if err != nil {
		b.Fatal(err)
	}
	return f
}

func BenchmarkHelperInLoop(b *testing.B) {
	for i := 0; i < b.N; i++ {
		f := openForRound(b) // want `f \(file from openForRound\) is not closed`
		_ = f.Name()
	}
}

func dialOnce(t *testing.T) {
	c, err := net.Dial("tcp", "localhost:1")
	if err != nil {
		t.Fatal(err)
	}
	c.Write([]byte("x"))
}

func TestHelperLeaksInLoop(t *testing.T) {
	for i := 0; i < 1000; i++ {
		dialOnce(t) // known false negative: the helper leaks a connection per call, but its own code has no loop, and a helper that neither returns nor keeps the connection gives its callers nothing to track
	}
}

// A loop whose count is a small constant (up to 64) is bounded like a table of
// cases: five goroutines making one request each leak at most five bodies.
func TestFanOutConst(t *testing.T, url string) {
	const requests = 5
	for range requests {
		go func() {
			resp, err := http.Get(url) // quiet: at most five, as the code says
			if err != nil {
				return
			}
			_ = resp.StatusCode
		}()
	}
}

func TestFanOutVar(t *testing.T, url string) {
	total := 10
	for i := 0; i < total; i++ {
		go func() {
			resp, _ := http.Get(url) // quiet: total is 10 and never changes
			_ = resp.StatusCode
		}()
	}
}

func TestFanOutLarge(t *testing.T, url string) {
	for range 1000 {
		go func() {
			resp, err := http.Get(url) // want `resp.Body \(HTTP response from http.Get\) is not closed`
			if err != nil {
				return
			}
			_ = resp.StatusCode
		}()
	}
}

func TestFanOutChanging(t *testing.T, url string) {
	total := 10
	total *= 100
	for i := 0; i < total; i++ {
		go func() {
			resp, _ := http.Get(url) // want `resp.Body \(HTTP response from http.Get\) is not closed`
			_ = resp.StatusCode
		}()
	}
}

// An accept loop with no condition serves the test's own dials: it runs once per
// connection the test makes, and the test's loop bounds how many.
func TestDrainAccepts(t *testing.T) {
	l, err := net.Listen("tcp", "localhost:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	go func() {
		for {
			_, err := l.Accept() // quiet: thrown away on purpose, one per dial of the test
			if err != nil {
				return
			}
		}
	}()
	go func() {
		for {
			c, err := l.Accept() // quiet: held until the test binary exits, one per dial
			if err != nil {
				return
			}
			c.Write([]byte("hello"))
		}
	}()
}

// A poll that gets until the server is ready makes a request each time round:
// the loop, not the test's dials, bounds it.
func waitReady(t *testing.T, url string, ready chan struct{}) {
	for {
		r, err := http.Get(url) // want `r.Body \(HTTP response from http.Get\) is not closed`
		if err == nil && r.StatusCode == http.StatusOK {
			return
		}
		select {
		case <-ready:
			return
		default:
		}
	}
}

// In a test, a release deferred before the error check runs on a nil value only
// after the test has failed, which the panic reports again.
func TestDeferredEarly(t *testing.T) {
	f, err := os.Open("testdata/x")
	defer f.Close() // quiet: a failed open fails the test first
	if err != nil {
		t.Fatal(err)
	}
}
