package store

// store lies in a module named example.com/example, but not under an examples
// directory inside it: it is ordinary code, and its leaks are reported.

import "database/sql"

func Insert(db *sql.DB) error {
	tx, err := db.Begin() // want `tx \(transaction from db.Begin\) is not committed or rolled back`
	if err != nil {
		return err
	}
	if _, err := tx.Exec("INSERT INTO t VALUES (1)"); err != nil {
		return err
	}
	return tx.Commit()
}
