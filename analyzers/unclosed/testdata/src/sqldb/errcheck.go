package sqldb

// database/sql's Rows.Err is non-nil only when the rows are closed or being
// closed: a driver error that Next met, after which Next closed them, or the
// error of a done context, which awaitDone stores just before it closes them.
// Before the first Next, only the latter. A path under a non-nil Err() of the
// rows themselves holds no open rows (measurement 13: langchaingo's
// sqldatabase drivers).

import (
	"context"
	"database/sql"
)

// Quiet: the rows are closed (by awaitDone) on the path under rows.Err() != nil,
// and the deferred Close releases them on the others.
func errBeforeNext(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM t")
	if err != nil {
		return nil, err
	}
	if err := rows.Err(); err != nil {
		return nil, err // quiet: a non-nil Err means the rows are closed
	}
	defer rows.Close()
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

// Quiet: the same test written as a comparison of the call.
func errCallBeforeNext(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT 1")
	if err != nil {
		return err
	}
	if rows.Err() != nil {
		return rows.Err() // quiet: a non-nil Err means the rows are closed
	}
	defer rows.Close()
	return nil
}

// Reported: the rows leak on the path where Err is nil, which the early return
// takes.
func errNilReturn(ctx context.Context, db *sql.DB, only bool) error {
	rows, err := db.QueryContext(ctx, "SELECT 1") // want `rows \(sql.Rows from db.QueryContext\) is not closed on the path to the return at line 61`
	if err != nil {
		return err
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if only {
		return nil
	}
	defer rows.Close()
	return nil
}

// Reported: another call's error says nothing of the rows: the path under it
// holds them open.
func otherErrBeforeClose(ctx context.Context, db *sql.DB, other *sql.Rows) error {
	rows, err := db.QueryContext(ctx, "SELECT 1") // want `rows \(sql.Rows from db.QueryContext\) is not closed on the path to the return at line 75`
	if err != nil {
		return err
	}
	if err := other.Err(); err != nil {
		return err
	}
	defer rows.Close()
	return nil
}
