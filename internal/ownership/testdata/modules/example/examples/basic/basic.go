package basic // want package:"analyzed}$"

// A package under an examples directory has the facts of any other.

import "database/sql"

// No fact: InsertExample ends its transaction (or leaks it on the failing Exec)
// and returns no resource.
func InsertExample(db *sql.DB) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	if _, err := tx.Exec("INSERT INTO t VALUES (1)"); err != nil {
		return err
	}
	return tx.Commit()
}
