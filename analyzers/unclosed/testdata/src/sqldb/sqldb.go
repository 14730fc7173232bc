package sqldb

import (
	"context"
	"database/sql"
	"errors"
)

func earlyReturnInLoop(db *sql.DB) ([]string, error) {
	rows, err := db.Query("SELECT name FROM t") // want `rows \(sql.Rows from db.Query\) is not closed on the path to the return at line 18, so its database connection stays busy`
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

func breakInLoop(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT 1") // want `rows \(sql.Rows from db.QueryContext\) is not closed on the path to the return at line 33`
	if err != nil {
		return err
	}
	for rows.Next() {
		break
	}
	return nil
}

func neverIterated(db *sql.DB) error {
	rows, err := db.Query("SELECT 1") // want `is not closed on any path`
	if err != nil {
		return err
	}
	return rows.Err()
}

func txNotRolledBack(db *sql.DB) error {
	tx, err := db.Begin() // want `tx \(transaction from db.Begin\) is not committed or rolled back on the path to the return at line 50, so it holds its database connection for ever: release it on every path, for example with defer tx.Rollback\(\) after the error check`
	if err != nil {
		return err
	}
	if _, err := tx.Exec("DELETE FROM t"); err != nil {
		return err
	}
	return tx.Commit()
}

func stmtLeak(db *sql.DB) error {
	stmt, err := db.Prepare("SELECT 1") // want `stmt \(prepared statement from db.Prepare\) is not closed`
	if err != nil {
		return err
	}
	_, err = stmt.Exec()
	return err
}

func connLeak(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `conn \(sql.Conn from db.Conn\) is not closed`
	if err != nil {
		return err
	}
	return conn.PingContext(ctx)
}

func rowsDeferBeforeCheck(db *sql.DB) error {
	rows, err := db.Query("SELECT 1")
	defer rows.Close() // want `rows.Close\(\) is deferred before the error from db.Query is checked`
	if err != nil {
		return err
	}
	return nil
}

// Reported: the literal's result is discarded as defer rows.Close()'s is, but
// (*sql.Rows).Close locks the rows' mutex, and on the nil rows of a failed query
// it panics.
func rowsDeferBeforeCheckReturned(db *sql.DB) error {
	rows, err := db.Query("SELECT 1")
	defer func() error { return rows.Close() }() // want `func\(\) error \{ return rows.Close\(\) \}\(\) is deferred before the error from db.Query is checked`
	if err != nil {
		return err
	}
	return nil
}

// True negatives.

func fullyIterated(db *sql.DB) []string {
	rows, err := db.Query("SELECT name FROM t")
	if err != nil {
		return nil
	}
	var names []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, n)
	}
	return names
}

func deferredClose(db *sql.DB) error {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		return nil
	}
	return rows.Err()
}

func txDeferredRollback(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec("DELETE FROM t"); err != nil {
		return err
	}
	return tx.Commit()
}

func txRolledBackOnError(db *sql.DB) (err error) {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
			return
		}
		err = tx.Commit()
	}()
	_, err = tx.Exec("DELETE FROM t")
	return err
}

func txHelper(db *sql.DB, fn func(*sql.Tx) error) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		return errors.Join(err, tx.Rollback())
	}
	return tx.Commit()
}

func stmtInTx(tx *sql.Tx) error {
	stmt, err := tx.Prepare("SELECT 1") // closed with the transaction
	if err != nil {
		return err
	}
	_, err = stmt.Exec()
	return err
}

func returnsRows(db *sql.DB) (*sql.Rows, error) {
	return db.Query("SELECT 1")
}

func callerOfFresh(db *sql.DB) error {
	rows, err := returnsRows(db) // want `rows \(sql.Rows from returnsRows\) is not closed`
	if err != nil {
		return err
	}
	return rows.Err()
}
