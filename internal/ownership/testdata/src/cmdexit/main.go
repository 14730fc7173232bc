package main // want package:"analyzed}$"

// A database handle that a command's functions query is not released by them.

import (
	"database/sql"
	"os"
)

// No fact: poll queries db and closes the rows, not db.
func poll(db *sql.DB) error {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		return err
	}
	return rows.Close()
}

func main() {
	if poll(nil) != nil {
		os.Exit(1)
	}
}
