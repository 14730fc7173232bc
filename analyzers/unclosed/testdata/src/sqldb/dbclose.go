package sqldb

import (
	"database/sql"
	"fmt"
)

type repository struct {
	db          *sql.DB
	list, fetch *sql.Stmt
}

// closeWithError closes the database and returns err, as cinar/indicator's
// helper does (measurement 48).
func closeWithError(db *sql.DB, err error) error {
	if closeErr := db.Close(); closeErr != nil {
		return fmt.Errorf("%w (closing: %v)", err, closeErr)
	}
	return err
}

// Quiet: closing a database closes the statements prepared on it (each
// connection's statements are closed with the connection), so the return at the
// second error check, which closes db through the helper, releases list.
func openRepository(dsn string) (*repository, error) {
	db, err := sql.Open("driver", dsn)
	if err != nil {
		return nil, err
	}
	list, err := db.Prepare("SELECT 1")
	if err != nil {
		return nil, closeWithError(db, err)
	}
	fetch, err := db.Prepare("SELECT 2")
	if err != nil {
		return nil, closeWithError(db, err)
	}
	return &repository{db: db, list: list, fetch: fetch}, nil
}

// Quiet: the same, with the database closed in place.
func openRepositoryInPlace(dsn string) (*repository, error) {
	db, err := sql.Open("driver", dsn)
	if err != nil {
		return nil, err
	}
	list, err := db.Prepare("SELECT 1")
	if err != nil {
		db.Close()
		return nil, err
	}
	fetch, err := db.Prepare("SELECT 2")
	if err != nil {
		db.Close()
		return nil, err
	}
	return &repository{db: db, list: list, fetch: fetch}, nil
}

// Quiet: the database's deferred Close closes the statement at every return.
func countOnce(dsn string) (int, error) {
	db, err := sql.Open("driver", dsn)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	count, err := db.Prepare("SELECT count(*) FROM t")
	if err != nil {
		return 0, err
	}
	var n int
	err = count.QueryRow().Scan(&n)
	return n, err
}

// Reported: the database stays open (the caller's), so the statement stays
// prepared on its connections when the second one fails.
func prepareBoth(db *sql.DB) (*sql.Stmt, *sql.Stmt, error) {
	list, err := db.Prepare("SELECT 1") // want `list \(prepared statement from db.Prepare\) is not closed on the path to the return at line 85`
	if err != nil {
		return nil, nil, err
	}
	fetch, err := db.Prepare("SELECT 2")
	if err != nil {
		return nil, nil, err
	}
	return list, fetch, nil
}

// Reported: a path that closes a statement's database releases it, the others
// still need the statement's own Close.
func prepareOrClose(db *sql.DB, strict bool) (*sql.Stmt, error) {
	s, err := db.Prepare("SELECT 1") // want `s \(prepared statement from db.Prepare\) is not closed on the path to the return at line 102`
	if err != nil {
		return nil, err
	}
	if strict {
		db.Close()
		return nil, fmt.Errorf("strict")
	}
	if err := validate(s); err != nil {
		return nil, err
	}
	return s, nil
}

func validate(*sql.Stmt) error { return nil }
