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
	f, err = os.Open(a)
	if err != nil {
		return err
	}
	f, err = os.Open(b)
	if err != nil {
		return err
	}
	return errors.New("done")
}
