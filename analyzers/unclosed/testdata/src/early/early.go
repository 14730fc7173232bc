package early

// A Close deferred right after the call that returned the value with an error,
// before the error is looked at: when the call fails and the value is nil, the
// deferred call runs on it. Reported where the code shows the value can be nil on
// failure: a function of this package that returns nil for it somewhere, followed
// by an error check that returns; or a discarded error from a catalogued acquirer
// where the nil value certainly panics.

import (
	"errors"
	"net"
	"net/http"
	"os"
	"testing"
)

type store struct{ path string }

func (s *store) Close() error { return os.Remove(s.path) }

func openStore(path string) (*store, error) {
	if path == "" {
		return nil, errors.New("no path")
	}
	return &store{path}, nil
}

func anyCloser() error {
	s, err := openStore("x")
	defer s.Close() // want `s.Close\(\) is deferred before the error from openStore is checked, so when openStore fails it runs on a nil s: defer it after the error check`
	if err != nil {
		return err
	}
	return nil
}

func anyCloserChecked() error {
	s, err := openStore("x") // quiet: deferred after the check
	if err != nil {
		return err
	}
	defer s.Close()
	return nil
}

func anyCloserPanics() {
	s, err := openStore("x")
	defer s.Close() // quiet: the failure panics anyway, whatever the order
	if err != nil {
		panic(err)
	}
}

// openSome returns what it opened so far with the error, for the caller to close.
func openSome(paths []string) (*multi, error) {
	m := &multi{}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return m, err
		}
		m.files = append(m.files, f)
	}
	return m, nil
}

type multi struct{ files []*os.File }

func (m *multi) Close() error {
	for _, f := range m.files {
		f.Close()
	}
	return nil
}

func closesWhatWasOpened(paths []string) error {
	m, err := openSome(paths)
	defer m.Close() // quiet: openSome never returns a nil value
	if err != nil {
		return err
	}
	return nil
}

func discardedBody(c *http.Client) {
	res, _ := c.Get("u")
	defer res.Body.Close() // want `res.Body.Close\(\) is deferred, but the error from c.Get is discarded: when c.Get fails, res is nil and the deferred call panics: check the error, then defer the release`
	println(res.Status)
}

// A deferred function literal whose only statement is the release, with its
// result discarded, is the deferred release itself: the same panic.
func discardedBodyLiteral(c *http.Client) {
	res, _ := c.Get("u")
	defer func() error { return res.Body.Close() }() // want `func\(\) error \{ return res.Body.Close\(\) \}\(\) is deferred, but the error from c.Get is discarded: when c.Get fails, res is nil and the deferred call panics`
	println(res.Status)
}

func anyCloserLiteral() error {
	s, err := openStore("x")
	defer func() { _ = s.Close() }() // want `func\(\) \{ _ = s.Close\(\) \}\(\) is deferred before the error from openStore is checked, so when openStore fails it runs on a nil s`
	if err != nil {
		return err
	}
	return nil
}

func discardedFileLiteral() {
	f, _ := os.Open("x")
	defer func() error { return f.Close() }() // quiet: Close on a nil *os.File returns an error that the defer discards
	f.Stat()
}

func discardedConn() {
	c, _ := net.Dial("tcp", "localhost:1")
	defer c.Close() // want `c.Close\(\) is deferred, but the error from net.Dial is discarded`
}

type closer interface{ Close() error }

func openCloser() (closer, error) { return nil, nil }

func discardedUnknown() {
	c, _ := openCloser()
	defer c.Close() // quiet: whether openCloser returns nil on failure is its own business
}

func discardedFile() {
	f, _ := os.Open("x")
	defer f.Close() // quiet: Close on a nil *os.File returns an error and does no harm
	f.Stat()
}

func TestDiscarded(t *testing.T) {
	c, _ := net.Dial("tcp", "localhost:1")
	defer c.Close() // quiet: in a test, a failed dial fails the test, which the panic reports too
}

type value struct{}

func (value) Close() error { return nil }

func openValue() (value, error) { return value{}, nil }

func notNilable() error {
	v, err := openValue()
	defer v.Close() // quiet: a struct value is never nil
	if err != nil {
		return err
	}
	return nil
}
