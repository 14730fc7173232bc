package valueflow // want package:"analyzed"

// Uses that look like a release or a hand-on but do nothing to the resource: an
// assignment to the blank identifier, a function literal that nothing can call,
// and a literal called on the spot that takes the resource and ignores it.

import (
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

func newWrapper(f *os.File) *wrapper { return &wrapper{f} } // want newWrapper:`owns params \[0\]; keeps param 0 in result 0`

// known false negative: newWrapper keeps the file in the wrapper it returns, so the
// obligation moves to w, which nothing closes; the analysis counts the file as
// handed on and does not follow the wrapper.
func storedNeverClosed(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	w := newWrapper(f)
	_ = w
	return nil
}
