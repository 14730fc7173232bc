package handoff

import (
	"errors"
	"os"
)

// A deferred literal written before the acquisition reads the variable when the
// function returns, and a local closure that closes it releases it where it is
// called: a loop that reopens the file after closing it through the closure
// leaks nothing.
func segments(paths []string) error {
	var f *os.File
	defer func() {
		if f != nil {
			_ = f.Close()
		}
	}()
	closeLast := func() error {
		if f == nil {
			return nil
		}
		err := f.Close()
		f = nil
		return err
	}
	for _, p := range paths {
		if err := closeLast(); err != nil {
			return err
		}
		var err error
		if f, err = os.OpenFile(p, os.O_WRONLY, 0); err != nil { // quiet: closed by closeLast before the next, and by the deferred literal at any return
			return err
		}
		if _, err := f.Write([]byte("x")); err != nil {
			return err
		}
	}
	return closeLast()
}

// The deferred literal covers the returns, but not a new value assigned before
// the old one is closed.
func reopenWithoutClosing(a, b string) error {
	var f *os.File
	defer func() {
		if f != nil {
			f.Close()
		}
	}()
	var err error
	f, err = os.Open(a) // want `f \(file from os.Open\) is not closed before f is assigned again at line 56`
	if err != nil {
		return err
	}
	f, err = os.Open(b)
	if err != nil {
		return err
	}
	return errors.New("done")
}

// A literal returned to the caller keeps the file it uses: the caller owns the
// file through it.
func lineReader(name string) (func() (string, error), error) {
	f, err := os.Open(name) // quiet: the returned literal holds it
	if err != nil {
		return nil, err
	}
	return func() (string, error) {
		b := make([]byte, 64)
		n, err := f.Read(b)
		return string(b[:n]), err
	}, nil
}

// A literal stored in a field outlives the call as well.
type watcher struct{ poll func() error }

func (w *watcher) watch(name string) error {
	f, err := os.Open(name) // quiet: the literal stored in w.poll holds it
	if err != nil {
		return err
	}
	w.poll = func() error {
		_, err := f.Stat()
		return err
	}
	return nil
}

// A literal called where it is written keeps nothing.
func statNow(name string) error {
	f, err := os.Open(name) // want `f \(file from os.Open\) is not closed on any path`
	if err != nil {
		return err
	}
	return func() error {
		_, err := f.Stat()
		return err
	}()
}
