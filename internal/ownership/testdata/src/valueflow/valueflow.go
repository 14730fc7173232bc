package valueflow // want package:"analyzed"

// Constructors and receivers: a function that keeps its parameter in the value
// it returns owns it and keeps it in that result (the obligation moves to the
// value), unless something else holds the value too; a method that releases
// what its receiver holds, as Close would, releases its receiver.

import (
	"io"
	"os"
)

type wrapper struct{ f *os.File }

func (w *wrapper) Close() error { return w.f.Close() }

// newWrapper keeps f in the wrapper it returns.
func newWrapper(f *os.File) *wrapper { return &wrapper{f} } // want newWrapper:`owns params \[0\]; keeps param 0 in result 0`

// openWrapper does the same in its first result, nil on failure.
func openWrapper(f *os.File) (*wrapper, error) { // want openWrapper:`owns params \[0\]; keeps param 0 in result 0`
	if f == nil {
		return nil, io.ErrUnexpectedEOF
	}
	w := &wrapper{f: f}
	return w, nil
}

type outer struct {
	w    *wrapper
	name string
}

func (o *outer) Close() error { return o.w.Close() }

// newOuter keeps f because newWrapper does: a chain of constructors.
func newOuter(f *os.File, name string) *outer { // want newOuter:`owns params \[0\]; keeps param 0 in result 0`
	return &outer{w: newWrapper(f), name: name}
}

// newOuter2 keeps a wrapper, itself an obligation.
func newOuter2(w *wrapper) *outer { return &outer{w: w} } // want newOuter2:`owns params \[0\]; keeps param 0 in result 0`

var registry []*wrapper

// newRegistered keeps the wrapper in a package variable too: who must close it
// is unclear, so it keeps nothing its caller must release.
func newRegistered(f *os.File) *wrapper { // want newRegistered:`owns params \[0\]$`
	w := &wrapper{f: f}
	registry = append(registry, w)
	return w
}

// newStarted hands the wrapper to a goroutine, which may close it.
func newStarted(f *os.File) *wrapper { // want newStarted:`owns params \[0\]$`
	w := &wrapper{f: f}
	go w.Close()
	return w
}

// plain has no Close: a value of it keeps the file all the same.
type plain struct{ f *os.File }

func newPlain(f *os.File) plain { return plain{f: f} } // want newPlain:`owns params \[0\]; keeps param 0 in result 0`

// server closes what it holds when Serve stops, as http.Server does.
type server struct{ f *os.File }

func (s *server) Close() error { return s.f.Close() }

// Serve releases what s holds, as Close would.
func (s *server) Serve() error { // want Serve:`^releases its receiver$`
	defer s.f.Close()
	return nil
}

// Run does through Serve.
func (s *server) Run() error { return s.Serve() } // want Run:`^releases its receiver$`

func newServer(f *os.File) *server { return &server{f: f} } // want newServer:`owns params \[0\]; keeps param 0 in result 0`

// No fact: loop neither closes nor hands on what s holds.
func (s *server) loop() {}

// decoder holds a reader its Close cannot release: Close frees something else.
type decoder struct {
	r   io.Reader
	buf []byte
}

func (d *decoder) Close() error { d.buf = nil; return nil }

// newDecoder keeps r in the decoder by the facts, though the decoder's Close
// does not close it.
func newDecoder(r io.Reader) *decoder { return &decoder{r: r} } // want newDecoder:`owns params \[0\]; keeps param 0 in result 0`
