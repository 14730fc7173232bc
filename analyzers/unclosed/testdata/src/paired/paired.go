package paired

// The shapes of the paired error: only a last result whose type is error is the
// error that comes with the resource. A last bool is a presence flag (false: no
// resource); any other last result is neither.

import (
	"errors"
	"net/http"
	"os"
)

// lookup returns a fresh file and whether it opened.
func lookup(name string) (*os.File, bool) {
	f, err := os.Open(name)
	if err != nil {
		return nil, false
	}
	return f, true
}

// openMode returns a fresh file and a byte that is no error.
func openMode(name string) (*os.File, byte) {
	f, err := os.Open(name)
	if err != nil {
		return nil, 0
	}
	return f, 'r'
}

// openCount returns a fresh file and a count.
func openCount(name string) (*os.File, int) {
	f, err := os.Open(name)
	if err != nil {
		return nil, 0
	}
	return f, 1
}

// fetchOK returns a fresh response and whether the request went out.
func fetchOK(url string) (*http.Response, bool) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, false
	}
	return resp, true
}

// myErr is a concrete error type.
type myErr struct{}

func (*myErr) Error() string { return "my" }

// openMyErr returns a fresh file and a concrete error.
func openMyErr(name string) (*os.File, *myErr) {
	f, err := os.Open(name)
	if err != nil {
		return nil, &myErr{}
	}
	return f, nil
}

// True negatives.

// A byte is no error: a release deferred before it is read is no release of a
// nil file on a failed call (the message used to call it "the error from
// openMode").
func byteDeferredFirst(name string) byte {
	f, mode := openMode(name)
	defer f.Close()
	return mode
}

// Same for a bool.
func boolDeferredFirst(name string) bool {
	f, ok := lookup(name)
	defer f.Close()
	return ok
}

// When ok is false there is no file: the early return holds nothing.
func okFalseReturns(name string) error {
	f, ok := lookup(name)
	if !ok {
		return errors.New("no file")
	}
	defer f.Close()
	return nil
}

// ok tested in the positive sense, in an if with an init.
func okInit(name string) {
	if f, ok := lookup(name); ok {
		f.Close()
	}
}

// ok combined with another condition: !ok || n > 0 holds on every path where
// ok is false.
func okOr(name string, n int) error {
	f, ok := lookup(name)
	if !ok || n > 0 {
		if ok {
			f.Close()
		}
		return errors.New("no")
	}
	return f.Close()
}

// A test of an int that is no error is not understood: nothing is reported
// beyond it (the file might be nil when n is 0).
func countTested(name string) error {
	f, n := openCount(name)
	if n == 0 {
		return errors.New("empty")
	}
	return f.Close()
}

// A concrete type implementing error is the paired error.
func concreteError(name string) error {
	f, err := openMyErr(name)
	if err != nil {
		return err
	}
	return f.Close()
}

// True positives.

func okTrueLeaks(name string) error {
	f, ok := lookup(name) // want `f \(file from lookup\) is not closed on any path`
	if !ok {
		return errors.New("no file")
	}
	_ = f.Name()
	return nil
}

func byteLeaks(name string) byte {
	f, mode := openMode(name) // want `f \(file from openMode\) is not closed on any path`
	_ = f.Name()
	return mode
}

func concreteErrorDeferredFirst(name string) error {
	f, err := openMyErr(name)
	defer f.Close() // want `f\.Close\(\) is deferred before the error from openMyErr is checked`
	if err != nil {
		return err
	}
	return nil
}

func discardedWithFlag(name string) bool {
	_, ok := lookup(name) // want `the file from lookup is discarded`
	return ok
}

// known false negative: resp is nil when ok is false, so the deferred release
// panics then; the analyzer only pairs errors with a deferred release.
func responseDeferredBeforeOK(url string) int {
	resp, ok := fetchOK(url)
	defer resp.Body.Close()
	if !ok {
		return 0
	}
	return resp.StatusCode
}

// openLogged returns a fresh file and the error of opening it.
func openLogged(name string) (*os.File, error) {
	return os.Open(name)
}

// The paired error is tested after an unrelated condition: while err is not
// assigned again, its non-nil branch still holds no file (ctxcancel follows the
// same rule for the error beside a cancel function: see its checksErrorLater).
func checksErrorLater(name string, verbose bool) error {
	f, err := openLogged(name) // quiet: the error branch has no file to close
	if verbose {
		println("opened")
	}
	if err != nil {
		return err
	}
	defer f.Close()
	return nil
}
