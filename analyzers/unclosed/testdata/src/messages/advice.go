package messages

// Round 12 (measurement 15): the advice names only calls that compile and
// describes the function truly.

import (
	"errors"
	"io"
	"io/ioutil"
	"net/http"
	"os"
)

// openReader returns the file it opens as an io.Reader: its callers cannot
// close it through that type.
func openReader(name string) io.Reader {
	f, err := os.Open(name)
	if err != nil {
		return nil
	}
	return f
}

// The variable is an io.Reader: file.Close() would not compile, so the advice
// is to have the acquirer return a type with Close (go-arch-lint's render.go).
func readAllOf(name string) []byte {
	file := openReader(name) // want `file \(file from openReader\) is not closed on any path, so its file descriptor leaks: openReader returns it as io.Reader, which has no Close method: have openReader return it as a type with Close, and call Close on every path`
	if file == nil {
		return nil
	}
	b, _ := io.ReadAll(file)
	return b
}

// The acquirer returns an *os.File but the variable is declared an io.Reader:
// the advice is to keep the *os.File.
func readNamed(name string) ([]byte, error) {
	var in io.Reader
	in, err := os.Open(name) // want `in \(file from os.Open\) is not closed on any path, so its file descriptor leaks: in holds it as io.Reader, which has no Close method: keep the file from os.Open in a variable of type \*os.File and call its Close on every path`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(in)
}

var errMissing = errors.New("missing")

// The other path releases the body by reading it to its end, not by Close:
// "as the function does on the others" would be untrue, so the advice is the
// deferred Close (tencentcloud's cvm_role_provider.go).
func getBody(url string) ([]byte, error) {
	rsp, err := http.Get(url) // want `rsp.Body \(HTTP response from http.Get\) is not closed on the path to the return at line 57, so its connection is not reused or freed until the body is read to its end: release it on every path, for example with defer rsp.Body.Close\(\) after the error check`
	if err != nil {
		return nil, err
	}
	if rsp.StatusCode == http.StatusNotFound {
		return nil, errMissing
	}
	return ioutil.ReadAll(rsp.Body)
}

// The same with a Close on the other path: the wording holds.
func getClosed(url string) ([]byte, error) {
	rsp, err := http.Get(url) // want `call rsp.Body.Close\(\) on that path too, as the function does on the others`
	if err != nil {
		return nil, err
	}
	if rsp.StatusCode == http.StatusNotFound {
		return nil, errMissing
	}
	b, err := ioutil.ReadAll(rsp.Body)
	rsp.Body.Close()
	return b, err
}
