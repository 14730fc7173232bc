package guarded

// A release under a condition that tests neither the resource nor an error, on a
// branch that goes on to the statement after the if, is the owner's decision (a
// flag saying whether this function opened it, or should close it): it counts as
// the release on both branches.

import (
	"errors"
	"io"
	"net/http"
	"os"
)

// True negatives.

// The file is closed only when this function opened it.
func didOpenFlag(name string, w io.Writer) error {
	var f *os.File
	didOpen := false
	if name == "-" {
		f = os.Stdin
	} else {
		var err error
		f, err = os.Open(name)
		if err != nil {
			return err
		}
		didOpen = true
	}
	_, err := io.Copy(w, f)
	if didOpen {
		f.Close()
	}
	return err
}

// The caller says whether to close the body.
func closeItFlag(url string, closeIt bool) (int, error) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	if closeIt {
		resp.Body.Close()
	}
	return resp.StatusCode, nil
}

// A flag combined with another test of state, with a statement before the release.
func flagAndCount(name string, keep bool, n int) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	if !keep && n > 0 {
		n--
		f.Close()
	}
	return nil
}

// True positives.

// The release is on a branch that returns: the other branch goes on holding it.
func flagBranchReturns(name string, quick bool) error {
	f, err := os.Open(name) // want `f \(file from os.Open\) is not closed on the path to the return at line 75`
	if err != nil {
		return err
	}
	if quick {
		f.Close()
		return nil
	}
	return nil
}

// The condition tests the resource: not a flag.
func statusGuard(url string) error {
	resp, err := http.Get(url) // want `resp.Body \(HTTP response from http.Get\) is not closed on the path to the return at line 87`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
	}
	return nil
}

// The condition tests an error (a later one): closed on the failure path only.
func laterErrorGuard(name string, b []byte) error {
	f, err := os.Create(name) // want `f \(file from os.Create\) is not closed on the path to the return at line 100`
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if err != nil {
		f.Close()
	}
	return err
}

// An else that returns leaves the resource on that branch.
func flagWithElse(name string, closeIt bool) error {
	f, err := os.Open(name) // want `f \(file from os.Open\) is not closed on the path to the return at line 112`
	if err != nil {
		return err
	}
	if closeIt {
		f.Close()
	} else {
		return errors.New("kept")
	}
	return nil
}

// A flag set right after the acquisition says on which paths the function owns
// the file: the path from the open has didOpen true, so it takes the releasing
// branch, and the other return is only for a file the function did not open.
func ownedByFlag(cached *os.File, name string) error {
	fd, didOpen := cached, false
	if fd == nil {
		var err error
		fd, err = os.OpenFile(name, os.O_RDWR, 0) // quiet: released under didOpen, which the open's path sets
		if err != nil {
			return err
		}
		didOpen = true
	}
	if err := fd.Sync(); err != nil {
		if didOpen {
			fd.Close()
		}
		return err
	}
	if didOpen {
		return fd.Close()
	}
	return nil
}

// A flag the path does not set says nothing: here the release depends on a
// parameter, and the other return leaks.
func ownedByParameter(name string, closeIt bool) error {
	f, err := os.Open(name) // want `f \(file from os.Open\) is not closed on the path to the return at line 152`
	if err != nil {
		return err
	}
	if closeIt {
		return f.Close()
	}
	return nil
}

// A boolean nothing assigns after its declaration (here a parameter) answers
// every test as it did the first: the file opened under if debug is never the
// one dropped under if !debug, and the last if debug closes it (gorgonia's cu
// gencudnn generateStubs, measurement 31). Quiet for both opens.
func oneFileInDebug(debug bool, names []string) {
	var w io.WriteCloser
	var err error
	if debug {
		w, err = os.Create("all.out")
		if err != nil {
			panic(err)
		}
	}
	for _, name := range names {
		if !debug {
			w, err = os.Create(name)
			if err != nil {
				panic(err)
			}
		}
		io.WriteString(w, name)
		if !debug {
			w.Close()
		}
	}
	if debug {
		w.Close()
	}
}

// The same shape with debug assigned in the loop: the second test may answer
// otherwise, and the debug file is dropped.
func debugChanges(debug bool, names []string) {
	var w io.WriteCloser
	var err error
	if debug {
		w, err = os.Create("all.out") // want `w \(file from os.Create\) is not closed before w is assigned again at line 199`
		if err != nil {
			panic(err)
		}
	}
	for _, name := range names {
		debug = name == "-"
		if !debug {
			w, err = os.Create(name)
			if err != nil {
				panic(err)
			}
		}
		io.WriteString(w, name)
		if !debug {
			w.Close()
		}
	}
	if debug {
		w.Close()
	}
}

// A package-level variable may change between the tests (another goroutine,
// any call): no fact of the path.
var debugAll bool

func debugGlobal(names []string) {
	var w io.WriteCloser
	var err error
	if debugAll {
		w, err = os.Create("all.out") // want `w \(file from os.Create\) is not closed before w is assigned again at line 229`
		if err != nil {
			panic(err)
		}
	}
	for _, name := range names {
		if !debugAll {
			w, err = os.Create(name)
			if err != nil {
				panic(err)
			}
		}
		io.WriteString(w, name)
		if !debugAll {
			w.Close()
		}
	}
	if debugAll {
		w.Close()
	}
}

// The second test is on another variable: it says nothing of debug.
func debugAndSplit(debug, split bool, names []string) {
	var w io.WriteCloser
	var err error
	if debug {
		w, err = os.Create("all.out") // want `w \(file from os.Create\) is not closed before w is assigned again at line 256`
		if err != nil {
			panic(err)
		}
	}
	for _, name := range names {
		if split {
			w, err = os.Create(name)
			if err != nil {
				panic(err)
			}
		}
		io.WriteString(w, name)
		if split {
			w.Close()
		}
	}
	if debug {
		w.Close()
	}
}
