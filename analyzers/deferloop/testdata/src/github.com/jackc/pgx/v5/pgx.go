// Package pgx is a stand-in for github.com/jackc/pgx/v5, with the Rows interface
// whose Next "automatically closes rows upon returning false".
package pgx

type Rows interface {
	Close()
	Err() error
	Next() bool
	Scan(dest ...any) error
}

type Conn struct{}

func (*Conn) Query(sql string, args ...any) (Rows, error) { return nil, nil }
