package messages // want package:"analyzed"

// A function parameter given the rows on one path is owned: it is called.

import "database/sql"

// handed gives the rows to keep once they are checked.
func handed(db *sql.DB, keep func(*sql.Rows)) error { // want handed:`owns params \[1\]`
	rows, err := db.Query("SELECT 1")
	if err != nil {
		return err
	}
	if err := rows.Err(); err != nil {
		return err
	}
	keep(rows)
	return nil
}
