package fix

import (
	"database/sql"
	"io"
	"net/http"
	"os"
)

func file(name string) ([]byte, error) {
	f, err := os.Open(name) // want `f \(file from os.Open\) is not closed`
	if err != nil {
		return nil, err
	}
	b := make([]byte, 10)
	_, err = f.Read(b)
	return b, err
}

func response(url string) (int, error) {
	resp, err := http.Get(url) // want `resp.Body \(HTTP response from http.Get\) is not closed`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func tx(db *sql.DB) error {
	tx, err := db.Begin() // want `tx \(transaction from db.Begin\) is not committed or rolled back`
	if err != nil {
		return err
	}
	_, err = tx.Exec("DELETE FROM t")
	return err
}

// No fix: released on some path already.
func partly(name string, n int) error {
	f, err := os.Open(name) // want `f \(file from os.Open\) is not closed`
	if err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	return f.Close()
}

// No fix: in a loop.
func loop(names []string) {
	for _, n := range names {
		f, err := os.Open(n) // want `f \(file from os.Open\) is not closed`
		if err != nil {
			continue
		}
		f.Read(nil)
	}
}

// No fix: the variable is an io.Reader, which has no Close, though the file it
// holds has (vhs reads a script from stdin or from a file): in.Close() would not
// compile.
func readerVar(name string, stdin io.Reader) error {
	in := stdin
	var err error
	if name != "-" {
		in, err = os.Open(name) // want `in \(file from os.Open\) is not closed`
		if err != nil {
			return err
		}
	}
	_, err = io.ReadAll(in)
	return err
}

// No fix: the function already defers the Close, after a Write whose failure
// returns early (aws-sdk-go-v2's createTmpFile, measurement 16). The advice is
// to move that defer up; a second defer would close the file twice.
func laterDefer(b []byte) (string, error) {
	f, err := os.CreateTemp("", "bundle") // want `f \(file from os.CreateTemp\) is not closed on the path to the return at line 85, so its file descriptor leaks: move defer f.Close\(\) at line 87 up to right after the error check, so that it runs on the returns before it too`
	if err != nil {
		return "", err
	}
	if _, err = f.Write(b); err != nil {
		return "", err
	}
	defer f.Close()
	return f.Name(), nil
}
