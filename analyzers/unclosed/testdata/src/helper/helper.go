package helper

import (
	"io"
	"net/http"
	"os"
	"testing"
)

// WantError ends the test unless err is set.
func WantError(tb testing.TB, err error) {
	if err == nil {
		tb.Fatal("want an error")
	}
}

// CloseQuietly releases c.
func CloseQuietly(c io.Closer) {
	_ = c.Close()
}

// Drain reads r without closing it.
func Drain(r io.Reader) {
	io.Copy(io.Discard, r)
}

// Pool keeps files.
type Pool struct{ files []*os.File }

// Keep stores f.
func (p *Pool) Keep(f *os.File) {
	p.files = append(p.files, f)
}

// OpenConfig returns a fresh file.
func OpenConfig(dir string) (*os.File, error) {
	f, err := os.Open(dir + "/config")
	if err != nil {
		return nil, err
	}
	return f, nil
}

// Fetch returns a fresh response.
func Fetch(url string) (*http.Response, error) {
	return http.Get(url)
}

// CloseAll releases every closer.
func CloseAll[T io.Closer](cs ...T) {
	for _, c := range cs {
		c.Close()
	}
}

// OpenAs is a generic acquirer.
func OpenAs[T any](name string) (*os.File, error) {
	return os.Open(name)
}

// Holder keeps a closer of any type.
type Holder[T io.Closer] struct{ items []T }

// Add keeps c.
func (h *Holder[T]) Add(c T) {
	h.items = append(h.items, c)
}

// FetchAndRead closes the body before returning the response.
func FetchAndRead(url string) (*http.Response, []byte) {
	resp, err := Fetch(url)
	if err != nil {
		return nil, nil
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

// Conn wraps a file.
type Conn struct{ f *os.File }

// Close closes the file.
func (c *Conn) Close() error { return c.f.Close() }

// NewConn keeps f in the Conn it returns: its caller must close the Conn.
func NewConn(f *os.File) *Conn {
	return &Conn{f: f}
}

// QuietClose closes each file it is given, ignoring the errors: it only
// releases its variadic parameter (ranged over, each element closed).
func QuietClose(fps ...*os.File) {
	for _, fp := range fps {
		if fp != nil {
			fp.Close()
		}
	}
}

// KeepAll stores each file it is given: ranged over like QuietClose's, but
// kept, so its callers hand the files on.
func (p *Pool) KeepAll(fps ...*os.File) {
	for _, fp := range fps {
		p.files = append(p.files, fp)
	}
}

// BodyToString reads r to its end before it can return (the Drains fact, as
// rclone's jwtutil bodyToString): a response body passed here is released.
func BodyToString(r io.Reader) (string, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// PeekString may return before it reads r: no Drains fact.
func PeekString(r io.Reader, skip bool) (string, error) {
	if skip {
		return "", nil
	}
	b, err := io.ReadAll(r)
	return string(b), err
}

// Handler logs records, as a logging library's handlers do.
type Handler interface{ Log(msg string) error }

type funcHandler func(msg string) error

func (h funcHandler) Log(msg string) error { return h(msg) }

// FuncHandler turns a function into a Handler: the handler holds fn.
func FuncHandler(fn func(msg string) error) Handler { return funcHandler(fn) }

// StreamHandler writes each record to w, as erigon's log.StreamHandler: the
// literal that writes to w outlives the call inside the handler it returns,
// so the handler keeps w (and a file in it) for as long as it logs.
func StreamHandler(w io.Writer) Handler {
	h := FuncHandler(func(msg string) error {
		_, err := io.WriteString(w, msg)
		return err
	})
	return h
}

// WriteAll writes each record to w while it runs: the literal it passes to
// visit is called there and kept by nobody.
func WriteAll(w io.Writer, msgs []string) error {
	return visit(msgs, func(msg string) error {
		_, err := io.WriteString(w, msg)
		return err
	})
}

func visit(msgs []string, fn func(string) error) error {
	for _, m := range msgs {
		if err := fn(m); err != nil {
			return err
		}
	}
	return nil
}
