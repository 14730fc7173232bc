package store // want package:"analyzed}$"

// An ordinary package of the module.

import "database/sql"

// No fact: Ping uses db and does not close it.
func Ping(db *sql.DB) error { return db.Ping() }
