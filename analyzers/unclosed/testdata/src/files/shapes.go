package files

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"iter"
	"net/http"
	"os"
)

func ifInit(url string) {
	if resp, err := http.Get(url); err == nil {
		defer resp.Body.Close()
	}
}

func ifInitLeak(url string) int {
	if resp, err := http.Get(url); err == nil { // want `resp.Body \(HTTP response from http.Get\) is not closed on any path`
		return resp.StatusCode
	}
	return 0
}

func taglessSwitch(name string) error {
	f, err := os.Open(name)
	switch {
	case err != nil:
		return err
	}
	return f.Close()
}

func assignForm(name string) error {
	var f *os.File
	var err error
	f, err = os.Open(name) // want `f \(file from os.Open\) is not closed on any path`
	if err != nil {
		return err
	}
	_, err = f.Stat()
	return err
}

func varDecl(name string) error {
	var f, err = os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return nil
}

func labelled(db *sql.DB, limit int) error {
	rows, err := db.Query("SELECT 1") // want `rows \(sql.Rows from db.Query\) is not closed on the path to the return at line 69`
	if err != nil {
		return err
	}
	n := 0
outer:
	for rows.Next() {
		for i := 0; i < 3; i++ {
			if n++; n > limit {
				break outer
			}
		}
	}
	return nil
}

func rangeOverFunc(seq iter.Seq[string]) error {
	for name := range seq {
		f, err := os.Open(name) // want `f \(file from os.Open\) is not closed on the path to the return at line 79`
		if err != nil {
			return err
		}
		if name == "" {
			return nil
		}
		f.Close()
	}
	return nil
}

func drainInDefer(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer func() {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}()
	return nil
}

func reassignedErr(name string) error {
	f, err := os.Open(name) // want `f \(file from os.Open\) is not closed on the path to the return at line 105`
	if err != nil {
		return err
	}
	_, err = f.Stat()
	if err != nil {
		return err
	}
	return f.Close()
}

// Regression tests from real modules.

// gin binding_test.go: the error is discarded, so there is no check to come first.
func blankError(name string) {
	f, _ := os.Open(name)
	defer f.Close()
}

// mysql driver_test.go: the call is expected to fail.
func expectedFailure(ctx context.Context, db *sql.DB) error {
	if _, err := db.QueryContext(ctx, "SELECT SLEEP(1)"); err != context.Canceled {
		return errors.New("not canceled")
	}
	_, err := db.BeginTx(ctx, nil)
	if err == nil {
		return errors.New("began")
	}
	return nil
}

func discardedChecked(ctx context.Context, db *sql.DB) error {
	_, err := db.QueryContext(ctx, "SELECT 1") // want `the sql.Rows from db.QueryContext is discarded`
	if err != nil {
		return err
	}
	return nil
}

type pathError struct{}

func (pathError) Error() string { return "" }

// mysql driver_test.go: a type assertion on the error in the if's init.
func errorTypeInInit(name string) error {
	f, err := os.Open(name)
	if _, ok := err.(pathError); ok {
		return nil
	} else if err != nil {
		return err
	}
	return f.Close()
}

type state struct{ err error }

// An error stored in a field: no panic, and the discarded file is reported.
func errInField(s *state, name string) {
	_, s.err = os.Create(name) // want `the file from os.Create is discarded`
}

func resourceInFieldErrLocal(s *holder, name string) error {
	var err error
	s.f, err = os.Open(name)
	return err
}
