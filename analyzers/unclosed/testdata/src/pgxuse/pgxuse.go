package pgxuse

import (
	"context"

	"github.com/jackc/pgx/v5"
)

type testingT interface{ FailNow() }

func False(t testingT, v bool) {}
func True(t testingT, v bool)  {}

func leak(ctx context.Context, conn *pgx.Conn, stop bool) error {
	rows, err := conn.Query(ctx, "select 1") // want `rows \(pgx.Rows from conn.Query\) is not closed on the path to the return at line 21`
	if err != nil {
		return err
	}
	for rows.Next() {
		if stop {
			return nil
		}
	}
	return nil
}

// True negatives.

// pgx closes the rows when Scan fails (pgx/v5 examples/todo/main.go).
func scanErrorCloses(ctx context.Context, conn *pgx.Conn) error {
	rows, _ := conn.Query(ctx, "select 1")
	for rows.Next() {
		var n int
		err := rows.Scan(&n)
		if err != nil {
			return err
		}
	}
	return rows.Err()
}

// pgx query_test.go: the assertion that Next returned false.
func assertedExhausted(t testingT, ctx context.Context, conn *pgx.Conn) {
	rows, _ := conn.Query(ctx, "select 1")
	True(t, rows.Next())
	False(t, rows.Next())
}

// pgx example_child_records_test.go: CollectRows closes the rows.
func collected(ctx context.Context, conn *pgx.Conn) ([]int, error) {
	rows, _ := conn.Query(ctx, "select 1")
	ns, err := pgx.CollectRows(rows, func(r pgx.Rows) (int, error) { return 0, nil })
	if err != nil {
		return nil, err
	}
	return ns, nil
}

// Quiet: pgx's Err returns the error its fatal recorded, and fatal closed the
// rows: the path under a non-nil Err holds none.
func errBeforeDefer(ctx context.Context, conn *pgx.Conn) error {
	rows, err := conn.Query(ctx, "SELECT 1") // quiet: the early return is under rows.Err() != nil
	if err != nil {
		return err
	}
	if err := rows.Err(); err != nil {
		return err
	}
	defer rows.Close()
	return nil
}
