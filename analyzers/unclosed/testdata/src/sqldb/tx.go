package sqldb

import (
	"context"
	"database/sql"
)

// What a transaction gives is released with it: database/sql closes the rows
// and statements of a transaction when it commits or rolls back (the rows
// watch the transaction's context, which Commit and Rollback cancel). A leak
// of them at a return is the business of the transaction's owner.

// Quiet: the transaction is a parameter; its caller commits or rolls it back,
// and the rows close then (measurement 10: miniflux's migrations).
func rowsFromTxParam(tx *sql.Tx) error {
	rows, err := tx.Query("SELECT name FROM t")
	if err != nil {
		return err
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Quiet: the function rolls the transaction back on every path, which closes
// the rows (measurement 10: go-workflows' stats).
func rowsFromLocalTx(ctx context.Context, db *sql.DB) (map[string]int, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, "SELECT queue, COUNT(*) FROM t GROUP BY queue")
	if err != nil {
		return nil, err
	}
	counts := make(map[string]int)
	for rows.Next() {
		var q string
		var n int
		if err := rows.Scan(&q, &n); err != nil {
			return nil, err
		}
		counts[q] = n
	}
	return counts, tx.Commit()
}

// Quiet: a statement the transaction gives (Tx.Stmt) is closed with it, and
// so are the rows read through it.
func rowsFromTxStmt(tx *sql.Tx, s *sql.Stmt) error {
	rows, err := tx.Stmt(s).Query()
	if err != nil {
		return err
	}
	for rows.Next() {
		return nil
	}
	return nil
}

// The same shapes without the transaction leak.

// Reported: rows from the database itself hold a pooled connection until they
// are closed, whatever transactions the function has.
func rowsFromDBBesideTx(ctx context.Context, db *sql.DB) (map[string]int, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rows, err := db.QueryContext(ctx, "SELECT queue, COUNT(*) FROM t GROUP BY queue") // want `rows \(sql.Rows from db.QueryContext\) is not closed`
	if err != nil {
		return nil, err
	}
	counts := make(map[string]int)
	for rows.Next() {
		var q string
		var n int
		if err := rows.Scan(&q, &n); err != nil {
			return nil, err
		}
		counts[q] = n
	}
	return counts, tx.Commit()
}

// Reported: a statement of the database, not of a transaction, hands its rows
// a pooled connection.
func rowsFromDBStmt(s *sql.Stmt) error {
	rows, err := s.Query() // want `rows \(sql.Rows from s.Query\) is not closed on any path`
	if err != nil {
		return err
	}
	return rows.Err()
}

// Reported: the transaction itself, local and never ended, leaks its
// connection, and its rows with it.
func txLeaksWithItsRows(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil) // want `tx \(transaction from db.BeginTx\) is not committed or rolled back on any path`
	if err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, "SELECT 1")
	if err != nil {
		return err
	}
	return rows.Err()
}

func stmtHeldInVariable(tx *sql.Tx) error {
	stmt, err := tx.Prepare("SELECT 1")
	if err != nil {
		return err
	}
	// known false positive: the statement came from the transaction, so its
	// rows close with it, but a statement held in a variable is not followed
	// back to the transaction (only tx.Stmt(s).Query() in place is).
	rows, err := stmt.Query() // want `rows \(sql.Rows from stmt.Query\) is not closed on any path`
	if err != nil {
		return err
	}
	return rows.Err()
}
