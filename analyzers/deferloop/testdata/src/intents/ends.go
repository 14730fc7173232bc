package intents

import (
	"compress/gzip"
	"context"
	"database/sql"
	"errors"
	"io"
)

// Calls that end a value as the deferred call would: the defer is a safety net.

// Commit ends a transaction as Rollback does, whatever its outcome: every path
// that comes round to the next batch has committed, and the deferred Rollback
// acts only on an early return (go-workflows' RemoveWorkflowInstances).
func commitEachBatch(ctx context.Context, db *sql.DB, batches [][]any) error {
	for _, args := range batches {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		if _, err := tx.ExecContext(ctx, "DELETE FROM t WHERE id IN (?)", args...); err != nil {
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// A failed Commit that goes on to the next batch has ended its transaction all the
// same (mailpit's ReindexAll, whose deferred literal only discards the error).
func commitOrLog(db *sql.DB, batches [][]any) {
	for _, args := range batches {
		tx, err := db.Begin()
		if err != nil {
			continue
		}
		defer func() { _ = tx.Rollback() }()
		for _, a := range args {
			if _, err := tx.Exec("UPDATE t SET x = ?", a); err != nil {
				continue
			}
		}
		if err := tx.Commit(); err != nil {
			continue
		}
	}
}

// txn is a transaction outside the resource catalogue (as pgx.Tx is): a type with
// Commit and Rollback, whose Commit ends it as Rollback does.
type txn interface {
	Commit(ctx context.Context) error
	Rollback(ctx context.Context) error
	Exec(ctx context.Context, q string) error
}

func beginTxn(context.Context) (txn, error) { return nil, nil }

func commitEachTxn(ctx context.Context, qs []string) error {
	for _, q := range qs {
		tx, err := beginTxn(ctx)
		if err != nil {
			return err
		}
		defer tx.Rollback(ctx)
		if err := tx.Exec(ctx, q); err != nil {
			return err
		}
		if err := tx.Commit(ctx); err != nil {
			return err
		}
	}
	return nil
}

// A path skips the Commit and comes round: that transaction stays open.
func commitSkipped(db *sql.DB, qs []string) error {
	for _, q := range qs {
		tx, err := db.Begin()
		if err != nil {
			return err
		}
		defer tx.Rollback() // want `tx.Rollback\(\) is deferred in a loop, so every iteration's tx stays open until commitSkipped returns`
		if q == "" {
			continue
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// The Commit ends another transaction than the one the defer rolls back.
func commitOther(db *sql.DB, other *sql.Tx, qs []string) error {
	for range qs {
		tx, err := db.Begin()
		if err != nil {
			return err
		}
		defer tx.Rollback() // want `tx.Rollback\(\) is deferred in a loop, so every iteration's tx stays open until commitOther returns`
		if err := other.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// Flush writes out what a gzip writer buffered but leaves it open: only Close
// ends it, and every iteration's writer, with its compressor state, waits for
// the deferred Close.
func flushEach(ws []io.Writer, data []byte) error {
	for _, w := range ws {
		zw := gzip.NewWriter(w)
		defer zw.Close() // want `zw.Close\(\) is deferred in a loop, so every iteration's zw stays open until flushEach returns`
		if _, err := zw.Write(data); err != nil {
			return err
		}
		if err := zw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// watcher is stopped by Stop.
type watcher struct{}

func watch() (*watcher, error)   { return nil, nil }
func (*watcher) Stop() error     { return nil }
func (*watcher) Err() chan error { return nil }

var errStopped = errors.New("stopped")

// A loop built with goto whose iteration stops the watcher itself, assigning the
// result, on every path that goes round again (kine's startWatch): the deferred
// Stop covers the return.
func rewatch(done chan struct{}) error {
again:
	w, err := watch()
	if err != nil {
		return err
	}
	defer w.Stop()
	for {
		select {
		case <-done:
			return errStopped
		case err = <-w.Err():
			err = w.Stop()
			if err != nil {
				use(err)
			}
			goto again
		}
	}
}

// The same loop built with goto, with a path round that does not stop the watcher.
func rewatchLeaky(done chan struct{}) error {
again:
	w, err := watch()
	if err != nil {
		return err
	}
	defer w.Stop() // want `w.Stop\(\) is deferred in a loop, so every iteration's w keeps running until rewatchLeaky returns`
	select {
	case <-done:
		return errStopped
	case err = <-w.Err():
		if err != nil {
			goto again
		}
		err = w.Stop()
		use(err)
		goto again
	}
}
