package basic

// Code under an examples directory demonstrates an API: it is run by hand or by a
// test, once per run, and gets the default of test code. What it leaks on an
// error path lives no longer than that run; a leak per iteration of a counted
// loop still grows, and is reported.

import (
	"database/sql"
	"os"
)

// InsertExample is called by a test as require.NoError(t, InsertExample(db)).
func InsertExample(db *sql.DB) error {
	tx, err := db.Begin() // quiet: it leaks only on the failing Exec, once per run of the example
	if err != nil {
		return err
	}
	if _, err := tx.Exec("INSERT INTO t VALUES (1)"); err != nil {
		return err
	}
	return tx.Commit()
}

// OpenMany leaks one file per iteration of a loop the code does not bound.
func OpenMany(names chan string) error {
	for name := range names {
		f, err := os.Open(name) // want `f \(file from os.Open\) is not closed on any path`
		if err != nil {
			return err
		}
		f.Stat()
	}
	return nil
}
