package early // want package:"analyzed"

// A Close deferred right after the call that returned the value with an error,
// before the error is looked at: when the call fails the value is nil, and the
// deferred call runs on it. Any function returning a pointer or an interface with
// a Close method and an error counts, not only the catalogued ones; a discarded
// error is reported where the nil value certainly panics.

import (
	"net/http"
	"os"
)

type store struct{ path string }

func (s *store) Close() error { return os.Remove(s.path) }

func openStore(path string) (*store, error) { return &store{path}, nil }

type closer interface{ Close() error }

func openCloser() (closer, error) { return nil, nil }

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

func discardedBody(c *http.Client) {
	res, _ := c.Get("u")
	defer res.Body.Close() // want `res.Body.Close\(\) is deferred, but the error from c.Get is discarded: when c.Get fails, res is nil and the deferred call panics: check the error, then defer the release`
	println(res.Status)
}

func discardedInterface() {
	c, _ := openCloser()
	defer c.Close() // want `c.Close\(\) is deferred, but the error from openCloser is discarded`
}

func discardedFile() {
	f, _ := os.Open("x")
	defer f.Close() // quiet: Close on a nil *os.File returns an error and does no harm
	f.Stat()
}

func discardedPointer() {
	s, _ := openStore("x")
	defer s.Close() // quiet: whether a nil *store's Close panics is the type's business
}

type value struct{}

func (value) Close() error { return nil }

func openValue() (value, error) { return value{}, nil }

func notNilable() error {
	v, err := openValue()
	defer v.Close() // quiet: a struct value is never nil
	return err
}
