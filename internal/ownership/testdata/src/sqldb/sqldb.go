package sqldb // want package:"analyzed, acquiring"

// Rows returned are a fresh result; a function parameter given the transaction
// is owned, since it is called.

import (
	"database/sql"
	"errors"
)

// txHelper calls fn with the transaction it then ends; db is only used.
func txHelper(db *sql.DB, fn func(*sql.Tx) error) error { // want txHelper:`owns params \[1\]`
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		return errors.Join(err, tx.Rollback())
	}
	return tx.Commit()
}

// returnsRows returns the rows of its query.
func returnsRows(db *sql.DB) (*sql.Rows, error) { // want returnsRows:"fresh rows in result 0"
	return db.Query("SELECT 1")
}
