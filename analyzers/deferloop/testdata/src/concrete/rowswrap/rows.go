// Package rowswrap wraps *sql.Rows as FerretDB's fsql does: its Next only
// returns the wrapped Next, so it closes the rows when it returns false.
package rowswrap

import "database/sql"

type Rows struct {
	sqlRows *sql.Rows
	tracked bool
}

func (rows *Rows) Close() error {
	rows.tracked = false
	return rows.sqlRows.Close()
}

func (rows *Rows) Err() error { return rows.sqlRows.Err() }

func (rows *Rows) Next() bool { return rows.sqlRows.Next() }

func (rows *Rows) Scan(dest ...any) error { return rows.sqlRows.Scan(dest...) }

// Peek's Next does more than return the wrapped Next: not known to close.
type Peek struct {
	sqlRows *sql.Rows
	seen    int
}

func (p *Peek) Close() error { return p.sqlRows.Close() }

func (p *Peek) Next() bool {
	p.seen++
	return p.sqlRows.Next()
}

func Query(db *sql.DB, q string) (*Rows, error) {
	r, err := db.Query(q)
	return &Rows{sqlRows: r, tracked: true}, err
}

func QueryPeek(db *sql.DB, q string) (*Peek, error) {
	r, err := db.Query(q)
	return &Peek{sqlRows: r}, err
}
