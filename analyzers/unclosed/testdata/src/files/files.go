package files

import (
	"bufio"
	"errors"
	"io"
	"io/fs"
	"os"
	"testing"
)

var errBad = errors.New("bad")

func neverClosed(name string) error {
	f, err := os.Open(name) // want `f \(file from os.Open\) is not closed on any path, so its file descriptor leaks`
	if err != nil {
		return err
	}
	_, err = io.ReadAll(bufio.NewReader(f))
	return err
}

func someStatusPaths(name string, n int) error {
	f, err := os.Create(name) // want `f \(file from os.Create\) is not closed on the path to the return at line 29`
	if err != nil {
		return err
	}
	if n < 0 {
		return errBad
	}
	defer f.Close()
	_, err = f.Write(make([]byte, n))
	return err
}

func onlyInErrorBranch(name string) ([]byte, error) {
	f, err := os.Open(name) // want `f \(file from os.Open\) is not closed on the path to the return at line 46`
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	return b, nil
}

func endOfFunction(name string) {
	f, err := os.Open(name) // want `is not closed on any path`
	if err != nil {
		return
	}
	f.Read(nil)
}

func deferBeforeCheck(name string) error {
	f, err := os.Open(name)
	// quiet: (*os.File).Close on the nil file of a failed open returns
	// os.ErrInvalid and does nothing else, and the defer discards that error
	// (measurement 10: mailpit's isFile).
	defer f.Close()
	if err != nil {
		return err
	}
	return nil
}

func deferBeforeCheckDiscarded(name string) bool {
	f, err := os.Open(name)
	// quiet: (*os.File).Close on the nil file of a failed open returns
	// os.ErrInvalid and does nothing else, and the defer discards that error
	// (measurement 10: mailpit's isFile).
	defer func() { _ = f.Close() }()
	return err == nil
}

func deferBeforeCheckReturned(sourcePath string) (int64, error) {
	source, err := os.Open(sourcePath)
	// quiet: the literal's result is the deferred function's, which the language
	// discards, so this is defer source.Close(): on the nil file of a failed open
	// it returns os.ErrInvalid and does nothing else (measurement 26: weaviate's
	// backup-filesystem copyFile).
	defer func() error {
		return source.Close()
	}()
	if err != nil {
		return 0, err
	}
	return 0, nil
}

func deferBeforeCheckReturnedVia(sourcePath string) error {
	source, err := os.Open(sourcePath)
	// known false positive: the release's error goes through a variable to the
	// deferred literal's result, which is discarded; only an error returned
	// directly (return source.Close()) is seen to be.
	defer func() error { // want `is deferred before the error from os.Open is checked`
		cerr := source.Close()
		return cerr
	}()
	if err != nil {
		return err
	}
	return nil
}

// Reported: the error returned goes to the function literal's caller, which
// reads it: on a failed open it is os.ErrInvalid, reported as if closing had
// failed.
func deferBeforeCheckReturnedNested(sourcePath string) (err error) {
	source, err := os.Open(sourcePath)
	defer func() { // want `is deferred before the error from os.Open is checked, so when os.Open fails it runs on a nil source`
		closeIt := func() error { return source.Close() }
		if cerr := closeIt(); cerr != nil {
			println(cerr.Error())
		}
	}()
	if err != nil {
		return err
	}
	return nil
}

// Reported: the release's error is checked, and on a failed open it is
// os.ErrInvalid, reported as if closing had failed.
func deferBeforeCheckErrorChecked(name string) error {
	f, err := os.Open(name)
	defer func() { // want `func\(\) \{(?s:.*)\}\(\) is deferred before the error from os.Open is checked, so when os.Open fails it runs on a nil f: defer it after the error check`
		if cerr := f.Close(); cerr != nil {
			println(cerr.Error())
		}
	}()
	if err != nil {
		return err
	}
	return nil
}

func deferBeforeCheckAtDistance(name string) (err error) {
	f, err := os.Open(name)
	n := len(name)
	_ = n
	defer func() { err = f.Close() }() // want `deferred before the error from os.Open is checked`
	if err != nil {
		return err
	}
	return nil
}

func discarded(name string) error {
	_, err := os.Create(name) // want `the file from os.Create is discarded, so it cannot be closed and its file descriptor leaks: keep it and close it`
	return err
}

// True negatives.

func deferred(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return nil
}

func deferredLiteral(name string) (err error) {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	_, err = f.WriteString("x")
	return err
}

func deferredBlank(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer func() { _ = f.Close() }()
	return nil
}

func checkedEqualNil(name string) {
	f, err := os.Open(name)
	if err == nil {
		defer f.Close()
	}
}

func otherNames(name string) error {
	file, openErr := os.Open(name)
	if openErr != nil {
		return openErr
	}
	return file.Close()
}

func checkedAtDistance(name string) error {
	f, err := os.Open(name)
	n := len(name)
	if err != nil {
		return err
	}
	_ = n
	return f.Close()
}

func errorsIs(name string) error {
	f, err := os.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	return f.Close()
}

func returned(name string) (*os.File, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	return f, nil
}

func namedResult(name string) (f *os.File, err error) {
	f, err = os.Open(name)
	if err != nil {
		return
	}
	return
}

type holder struct{ f *os.File }

func storedInField(h *holder, name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	h.f = f
	return nil
}

func storedInMap(m map[string]*os.File, name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	m[name] = f
	return nil
}

func appended(fs []*os.File, name string) []*os.File {
	f, err := os.Open(name)
	if err != nil {
		return fs
	}
	return append(fs, f)
}

var global *os.File

func storedGlobal(name string) {
	f, err := os.Open(name)
	if err != nil {
		return
	}
	global = f
}

func sent(ch chan *os.File, name string) {
	f, err := os.Open(name)
	if err != nil {
		return
	}
	ch <- f
}

func goroutineCloses(name string) {
	f, err := os.Open(name)
	if err != nil {
		return
	}
	go func() {
		defer f.Close()
		io.Copy(io.Discard, f)
	}()
}

func cleanup(t *testing.T, name string) {
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
}

func closeQuietly(c io.Closer) { _ = c.Close() }

func sameFileHelper(name string) {
	f, err := os.Open(name)
	if err != nil {
		return
	}
	defer closeQuietly(f)
}

func interfaceTakes(name string, sink interface{ Take(io.ReadCloser) }) {
	f, err := os.Open(name)
	if err != nil {
		return
	}
	sink.Take(f)
}

func funcValueTakes(name string, take func(*os.File)) {
	f, err := os.Open(name)
	if err != nil {
		return
	}
	take(f)
}

func nilGuard(name string) {
	f, _ := os.Open(name)
	if f == nil {
		return
	}
	f.Close()
}

func panics(name string) {
	f, err := os.Open(name)
	if err != nil {
		panic(err)
	}
	if len(name) > 3 {
		panic("long")
	}
	f.Close()
}

func loopCloses(names []string) error {
	for _, n := range names {
		f, err := os.Open(n)
		if err != nil {
			return err
		}
		f.Close()
	}
	return nil
}

func closerInGeneric[T io.Closer](c T) { c.Close() }

func generic(name string) {
	f, err := os.Open(name)
	if err != nil {
		return
	}
	closerInGeneric(f)
}
