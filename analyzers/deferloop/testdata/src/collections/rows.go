package collections

import (
	"concrete/rowswrap"
	"database/sql"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// From FerretDB's indexesCreate (mysql registry): every path of the iteration
// reads the rows to their end in for rows.Next() (a failed Scan returns). Next
// closes *sql.Rows when it returns false, so the deferred Close holds nothing past
// the iteration. Quiet.
func columnsPerTable(db *sql.DB, tables []string) (map[string][]string, error) {
	cols := make(map[string][]string)
	for _, t := range tables {
		rows, err := db.Query("SELECT column_name FROM columns WHERE table_name = ?", t)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for rows.Next() {
			var c string
			if err := rows.Scan(&c); err != nil {
				return nil, err
			}
			cols[t] = append(cols[t], c)
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return cols, nil
}

// From pgvector-go's citus example: pgx's Rows.Next closes the rows when it
// returns false too, and a panic leaves the function. Quiet.
func queries(conn *pgx.Conn, n int) {
	for i := 0; i < n; i++ {
		rows, err := conn.Query("SELECT id FROM items LIMIT 10")
		if err != nil {
			panic(err)
		}
		defer rows.Close()
		var ids []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				panic(err)
			}
			ids = append(ids, id)
		}
		fmt.Println(ids)
	}
}

// A wrapper whose Next only returns the wrapped *sql.Rows' Next (FerretDB's
// fsql.Rows) closes the wrapped rows when it returns false: the fact the pass
// exports for rowswrap.Rows.Next carries the rule across packages. A break of a
// switch inside the Next loop stays in the loop. Quiet.
func wrapped(db *sql.DB, queries []string) (n int) {
	for _, q := range queries {
		rows, err := rowswrap.Query(db, q)
		if err != nil {
			continue
		}
		defer rows.Close()
		for rows.Next() {
			switch n {
			case 0:
				break
			}
			n++
		}
	}
	return n
}

// A continue between the defer and the Next loop skips the drain: the rows of
// every skipped iteration stay open. Reported.
func skipsDrain(db *sql.DB, tables []string, skip func(string) bool) error {
	for _, t := range tables {
		rows, err := db.Query("SELECT * FROM " + t)
		if err != nil {
			return err
		}
		defer rows.Close() // want `rows.Close\(\) is deferred in a loop, so every iteration's rows stays open until skipsDrain returns`
		if skip(t) {
			continue
		}
		for rows.Next() {
		}
	}
	return nil
}

// A break out of the Next loop leaves the rest of the rows unread, and the rows
// open. Reported.
func firstRow(db *sql.DB, tables []string) error {
	for _, t := range tables {
		rows, err := db.Query("SELECT * FROM " + t)
		if err != nil {
			return err
		}
		defer rows.Close() // want `rows.Close\(\) is deferred in a loop, so every iteration's rows stays open until firstRow returns`
		for rows.Next() {
			break
		}
	}
	return nil
}

// A continue of the outer loop from inside the Next loop leaves the rows open as
// a break does. Reported.
func outerContinue(conn *pgx.Conn, tables []string) {
outer:
	for _, t := range tables {
		rows, err := conn.Query("SELECT * FROM " + t)
		if err != nil {
			return
		}
		defer rows.Close() // want `rows.Close\(\) is deferred in a loop, so every iteration's rows stays open until outerContinue returns`
		for rows.Next() {
			continue outer
		}
	}
}

// Rows that go on to another result set stay open at the end of the first:
// database/sql closes them only after the last. Reported.
func resultSets(db *sql.DB, batches []string) error {
	for _, b := range batches {
		rows, err := db.Query(b)
		if err != nil {
			return err
		}
		defer rows.Close() // want `rows.Close\(\) is deferred in a loop, so every iteration's rows stays open until resultSets returns`
		for rows.Next() {
		}
		if rows.NextResultSet() {
			for rows.Next() {
			}
		}
	}
	return nil
}

// A wrapper whose Next does more than return the wrapped Next is not known to
// close its rows. Reported.
func peeked(db *sql.DB, queries []string) error {
	for _, q := range queries {
		rows, err := rowswrap.QueryPeek(db, q)
		if err != nil {
			return err
		}
		defer rows.Close() // want `rows.Close\(\) is deferred in a loop, so every iteration's rows stays open until peeked returns`
		for rows.Next() {
		}
	}
	return nil
}
