package kinds // want package:"analyzed}$"

// Every kind acquired here is released where it is acquired: no function has a
// fact, and the package is analyzed but not acquiring.

import (
	"database/sql"
	"net"
)

// No fact: releasedTx ends the transaction it began.
func releasedTx(db *sql.DB) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	return tx.Rollback()
}

// No fact: releasedListener closes the listener it opened.
func releasedListener(addr string) error {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return l.Close()
}
