package files // want package:"analyzed, acquiring"

// Files: a file opened and returned is a fresh result; a parameter closed, or
// appended to and returned, is owned, and so is a function parameter called (a
// range over a function calls it).

import (
	"io"
	"iter"
	"os"
)

// returned returns the file it opened.
func returned(name string) (*os.File, error) { // want returned:"fresh file in result 0"
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// namedResult does the same through named results and bare returns.
func namedResult(name string) (f *os.File, err error) { // want namedResult:"fresh file in result 0"
	f, err = os.Open(name)
	if err != nil {
		return
	}
	return
}

// appended hands the file on in fs, which it returns: fs is owned.
func appended(fs []*os.File, name string) []*os.File { // want appended:"owns params \\[0\\]"
	f, err := os.Open(name)
	if err != nil {
		return fs
	}
	return append(fs, f)
}

// closeQuietly closes its parameter.
func closeQuietly(c io.Closer) { _ = c.Close() } // want closeQuietly:"owns params \\[0\\]"

// closerInGeneric closes a parameter whose type is a type parameter.
func closerInGeneric[T io.Closer](c T) { c.Close() } // want closerInGeneric:"owns params \\[0\\]"

// funcValueTakes calls its function parameter take (with the file).
func funcValueTakes(name string, take func(*os.File)) { // want funcValueTakes:`owns params \[1\]`
	f, err := os.Open(name)
	if err != nil {
		return
	}
	take(f)
}

// rangeOverFunc ranges over seq, which calls it.
func rangeOverFunc(seq iter.Seq[string]) error { // want rangeOverFunc:`owns params \[0\]`
	for name := range seq {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		f.Close()
	}
	return nil
}

type holder struct{ f *os.File }

// No fact: storedInField stores the file in a field of h, which now holds an
// obligation of its caller's; h itself is neither released nor kept.
func storedInField(h *holder, name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	h.f = f
	return nil
}

// No fact: interfaceTakes hands the file to a method of sink. A method called is
// no function parameter called: sink is not owned.
func interfaceTakes(name string, sink interface{ Take(io.ReadCloser) }) {
	f, err := os.Open(name)
	if err != nil {
		return
	}
	sink.Take(f)
}
