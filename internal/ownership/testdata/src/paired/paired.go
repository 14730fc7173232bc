package paired // want package:"analyzed, acquiring"

// A fresh result beside a last result that is no error (a bool, a byte, an int)
// or an error of a concrete type: the resource is fresh all the same.

import (
	"net/http"
	"os"
)

// lookup returns a fresh file and whether it opened.
func lookup(name string) (*os.File, bool) { // want lookup:"fresh file in result 0"
	f, err := os.Open(name)
	if err != nil {
		return nil, false
	}
	return f, true
}

// openMode returns a fresh file and a byte.
func openMode(name string) (*os.File, byte) { // want openMode:"fresh file in result 0"
	f, err := os.Open(name)
	if err != nil {
		return nil, 0
	}
	return f, 'r'
}

// openCount returns a fresh file and a count.
func openCount(name string) (*os.File, int) { // want openCount:"fresh file in result 0"
	f, err := os.Open(name)
	if err != nil {
		return nil, 0
	}
	return f, 1
}

// fetchOK returns a fresh response and whether the request went out.
func fetchOK(url string) (*http.Response, bool) { // want fetchOK:"fresh response in result 0"
	resp, err := http.Get(url)
	if err != nil {
		return nil, false
	}
	return resp, true
}

type myErr struct{}

func (*myErr) Error() string { return "my" }

// openMyErr returns a fresh file and a concrete error.
func openMyErr(name string) (*os.File, *myErr) { // want openMyErr:"fresh file in result 0"
	f, err := os.Open(name)
	if err != nil {
		return nil, &myErr{}
	}
	return f, nil
}

// openLogged returns the file and the error of opening it.
func openLogged(name string) (*os.File, error) { // want openLogged:"fresh file in result 0"
	return os.Open(name)
}
