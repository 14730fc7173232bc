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
