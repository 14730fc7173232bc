package valueflow

// Uses that look like a release or a hand-on but do nothing to the resource: an
// assignment to the blank identifier, a function literal that nothing can call,
// and a literal called on the spot that takes the resource and ignores it. And a
// constructor that keeps the resource in the value it returns: the obligation
// moves to that value, which must be closed in turn.

import (
	"bufio"
	"database/sql"
	"io"
	"net/http"
	"os"
)

func blank(db *sql.DB) error {
	rows, err := db.Query("SELECT 1") // want `rows \(sql.Rows from db.Query\) is not closed on any path`
	if err != nil {
		return err
	}
	_ = rows
	return nil
}

func closureNeverCalled(name string) {
	f, err := os.Open(name) // want `f \(file from os.Open\) is not closed on any path`
	if err != nil {
		return
	}
	closeIt := func() { f.Close() }
	_ = closeIt
}

func closureBlanked(c *http.Client) error {
	resp, err := c.Get("u") // want `resp.Body \(HTTP response from c.Get\) is not closed on any path`
	if err != nil {
		return err
	}
	_ = func() { resp.Body.Close() }
	return nil
}

func closureCalled(name string) {
	f, err := os.Open(name) // quiet: the literal is deferred through its variable
	if err != nil {
		return
	}
	closeIt := func() { f.Close() }
	defer closeIt()
}

func deferredIgnoresParam(c *http.Client) error {
	resp, err := c.Get("u") // want `resp.Body \(HTTP response from c.Get\) is not closed on any path`
	if err != nil {
		return err
	}
	defer func(b io.ReadCloser) {}(resp.Body)
	return nil
}

func deferredClosesParam(c *http.Client) error {
	resp, err := c.Get("u") // quiet: the deferred literal closes what it is given
	if err != nil {
		return err
	}
	defer func(b io.ReadCloser) {
		if err := b.Close(); err != nil {
			println(err.Error())
		}
	}(resp.Body)
	return nil
}

func deferredKeepsParam(c *http.Client, keep chan io.ReadCloser) error {
	resp, err := c.Get("u") // quiet: the literal hands the body on
	if err != nil {
		return err
	}
	defer func(b io.ReadCloser) { keep <- b }(resp.Body)
	return nil
}

func blankThenClosed(name string) error {
	f, err := os.Open(name) // quiet: the blank assignment is beside the point, the file is closed
	if err != nil {
		return err
	}
	_ = f
	return f.Close()
}

type wrapper struct{ f *os.File }

func (w *wrapper) Close() error { return w.f.Close() }

func newWrapper(f *os.File) *wrapper { return &wrapper{f} }

// newWrapper keeps the file in the wrapper it returns, so the obligation moves
// to w, which nothing closes.
func storedNeverClosed(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	w := newWrapper(f) // want `w \(the \*wrapper from newWrapper, holding the file from os.Open\) is not closed on any path, so its file descriptor leaks: release it on every path, for example with defer w.Close\(\)`
	_ = w
	return nil
}

func wrapperLeaksOnPath(name string, fail bool) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	w := newWrapper(f) // want `w \(the \*wrapper from newWrapper, holding the file from os.Open\) is not closed on the path to the return at line \d+`
	if fail {
		return io.ErrUnexpectedEOF
	}
	return w.Close()
}

func wrapperDiscarded(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	newWrapper(f) // want `the \*wrapper from newWrapper, holding the file from os.Open, is discarded, so it cannot be closed and its file descriptor leaks: keep it and close it`
	return nil
}

// openWrapper keeps f in its first result, nil on failure.
func openWrapper(f *os.File) (*wrapper, error) {
	if f == nil {
		return nil, io.ErrUnexpectedEOF
	}
	w := &wrapper{f: f}
	return w, nil
}

func wrapperWithError(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	w, err := openWrapper(f) // want `w \(the \*wrapper from openWrapper, holding the file from os.Open\) is not closed on any path`
	if err != nil {
		return err
	}
	_ = w
	return nil
}

// A chain of constructors: newOuter keeps f because newWrapper does.
type outer struct {
	w    *wrapper
	name string
}

func (o *outer) Close() error { return o.w.Close() }

func newOuter(f *os.File, name string) *outer {
	return &outer{w: newWrapper(f), name: name}
}

func chainNeverClosed(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	o := newOuter(f, name) // want `o \(the \*outer from newOuter, holding the file from os.Open\) is not closed on any path`
	_ = o.name
	return nil
}

func wrappedTwice(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	w := newWrapper(f) // quiet: w goes into o, which takes the obligation
	o := &outer{w: w}  // quiet: a literal built here is no call; o is followed no further
	_ = o
	return nil
}

func rewrapped(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	w := newWrapper(f) // quiet: w is handed to newOuter, which keeps it in o
	o := newOuter2(w)  // want `o \(the \*outer from newOuter2, holding the file from os.Open\) is not closed on any path`
	_ = o
	return nil
}

func newOuter2(w *wrapper) *outer { return &outer{w: w} }

// True negatives.

func wrapperClosed(name string) error {
	f, err := os.Open(name) // quiet: the wrapper that holds it is closed
	if err != nil {
		return err
	}
	w := newWrapper(f)
	defer w.Close()
	return nil
}

func wrapperReturned(name string) (*wrapper, error) {
	f, err := os.Open(name) // quiet: the wrapper is handed to the caller
	if err != nil {
		return nil, err
	}
	w := newWrapper(f)
	return w, nil
}

type holder struct{ w *wrapper }

func (h *holder) wrapperStored(name string) error {
	f, err := os.Open(name) // quiet: the wrapper is stored in a field, its owner closes it
	if err != nil {
		return err
	}
	w := newWrapper(f)
	h.w = w
	return nil
}

func fileClosedToo(name string) error {
	f, err := os.Open(name) // quiet: the caller closes the file itself; the wrapper owns nothing it must release
	if err != nil {
		return err
	}
	defer f.Close()
	w := newWrapper(f)
	_ = w
	return nil
}

var registry []*wrapper

// newRegistered keeps f in a package variable too: who must close the wrapper
// is unclear, so it keeps nothing the caller must release.
func newRegistered(f *os.File) *wrapper {
	w := &wrapper{f: f}
	registry = append(registry, w)
	return w
}

func registeredNeverClosed(name string) error {
	f, err := os.Open(name) // quiet: newRegistered keeps the wrapper in a package variable
	if err != nil {
		return err
	}
	w := newRegistered(f)
	_ = w
	return nil
}

// newStarted hands the wrapper to a goroutine, which may close it.
func newStarted(f *os.File) *wrapper {
	w := &wrapper{f: f}
	go w.Close()
	return w
}

func startedNeverClosed(name string) error {
	f, err := os.Open(name) // quiet: the goroutine newStarted starts owns the wrapper too
	if err != nil {
		return err
	}
	w := newStarted(f)
	_ = w
	return nil
}

// plain has no Close: nothing can release the file through it.
type plain struct{ f *os.File }

func newPlain(f *os.File) plain { return plain{f: f} }

func plainNeverClosed(name string) error {
	f, err := os.Open(name) // quiet: the plain value has no Close, the file counts as handed on (as before)
	if err != nil {
		return err
	}
	p := newPlain(f)
	_ = p
	return nil
}

func bufferedNotHandedOn(name string) error {
	f, err := os.Open(name) // want `f \(file from os.Open\) is not closed on any path`
	if err != nil {
		return err
	}
	r := bufio.NewReader(f) // a standard-library wrapper: wrapping is not handing on
	_ = r
	return nil
}

// server closes what it holds when Serve stops, as http.Server does: Serve
// releases it as Close would.
type server struct{ f *os.File }

func (s *server) Close() error { return s.f.Close() }

func (s *server) Serve() error {
	defer s.f.Close()
	return nil
}

func (s *server) Run() error { return s.Serve() }

func newServer(f *os.File) *server { return &server{f: f} }

func served(name string) error {
	f, err := os.Open(name) // quiet: s takes the file, and Serve closes it when it stops
	if err != nil {
		return err
	}
	s := newServer(f) // quiet: Serve releases what s holds
	return s.Serve()
}

func run(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	s := newServer(f) // quiet: Run calls Serve
	return s.Run()
}

func servedOnOnePath(name string, dry bool) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	s := newServer(f) // want `s \(the \*server from newServer, holding the file from os.Open\) is not closed on the path to the return at line \d+`
	if dry {
		return nil
	}
	return s.Serve()
}

func (s *server) loop() {}

func started(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	s := newServer(f) // quiet: the goroutine running s.loop holds s for as long as it runs
	go s.loop()
	return nil
}

// decoder holds a reader it cannot close: its Close frees something else.
type decoder struct {
	r   io.Reader
	buf []byte
}

func (d *decoder) Close() error { d.buf = nil; return nil }

func newDecoder(r io.Reader) *decoder { return &decoder{r: r} }

func decoderNeverClosed(name string) error {
	f, err := os.Open(name) // known false negative: newDecoder owns its parameter by the facts, so the file counts as handed on
	if err != nil {
		return err
	}
	d := newDecoder(f) // quiet: newDecoder takes an io.Reader, which its Close cannot release
	_ = d
	return nil
}
