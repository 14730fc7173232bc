package helper // want package:"analyzed, acquiring"

// Facts that usehelper imports: fresh results, owned and kept parameters
// (generic ones too), and an assertion.

import (
	"io"
	"net/http"
	"os"
	"testing"
)

// WantError ends the test unless err is set.
func WantError(tb testing.TB, err error) { // want WantError:"asserts param 1 non-nil"
	if err == nil {
		tb.Fatal("want an error")
	}
}

// CloseQuietly releases c.
func CloseQuietly(c io.Closer) { // want CloseQuietly:"owns params \\[0\\]"
	_ = c.Close()
}

// Drain reads r to its end without closing it: it owns nothing, and a response
// body passed to it is read to its end (the Drains fact).
func Drain(r io.Reader) { // want Drain:`reads params \[0\] to their end`
	io.Copy(io.Discard, r)
}

// Pool keeps files.
type Pool struct{ files []*os.File }

// Keep stores f.
func (p *Pool) Keep(f *os.File) { // want Keep:"owns params \\[0\\]"
	p.files = append(p.files, f)
}

// OpenConfig returns a fresh file.
func OpenConfig(dir string) (*os.File, error) { // want OpenConfig:"fresh file in result 0"
	f, err := os.Open(dir + "/config")
	if err != nil {
		return nil, err
	}
	return f, nil
}

// Fetch returns a fresh response.
func Fetch(url string) (*http.Response, error) { // want Fetch:"fresh response in result 0"
	return http.Get(url)
}

// No fact: FetchAndRead closes the body before it returns the response.
func FetchAndRead(url string) (*http.Response, []byte) {
	resp, err := Fetch(url)
	if err != nil {
		return nil, nil
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

// CloseAll releases every closer.
func CloseAll[T io.Closer](cs ...T) { // want CloseAll:"owns params \\[0\\]"
	for _, c := range cs {
		c.Close()
	}
}

// OpenAs is a generic acquirer.
func OpenAs[T any](name string) (*os.File, error) { // want OpenAs:"fresh file in result 0"
	return os.Open(name)
}

// Holder keeps a closer of any type.
type Holder[T io.Closer] struct{ items []T }

// Add keeps c.
func (h *Holder[T]) Add(c T) { // want Add:"owns params \\[0\\]"
	h.items = append(h.items, c)
}

// Conn wraps a file.
type Conn struct{ f *os.File }

func (c *Conn) Close() error { return c.f.Close() }

// NewConn keeps f in the Conn it returns: its caller must close the Conn.
func NewConn(f *os.File) *Conn { // want NewConn:"owns params \\[0\\]; keeps param 0 in result 0"
	return &Conn{f: f}
}
