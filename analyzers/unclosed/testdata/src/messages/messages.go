package messages

// What the message advises: a reassignment of the variable is no hand-on, a
// closure that releases it and is returned is one, and a resource that nothing
// releases is said to be released on no path.

import (
	"database/sql"
	"io"
	"os"
)

// twoQueries overwrites rows with a second query: the first rows are dropped, not
// handed on, and a deferred Close would close them.
func twoQueries(db *sql.DB) error {
	rows, err := db.Query("SELECT 1") // want `rows \(sql.Rows from db.Query\) is not closed on the path to the return at line 22, so its database connection stays busy: release it on every path, for example with defer rows.Close\(\) after the error check`
	if err != nil {
		return err
	}
	for rows.Next() {
		if err := rows.Scan(); err != nil {
			return err
		}
	}
	rows, err = db.Query("SELECT 2")
	if err != nil {
		return err
	}
	return rows.Close()
}

// handed gives the rows to an owner on one path: the advice names that path.
func handed(db *sql.DB, keep func(*sql.Rows), check func() error) error {
	rows, err := db.Query("SELECT 1") // want `call rows.Close\(\) on each path that does not hand it on as line 41 does`
	if err != nil {
		return err
	}
	if err := check(); err != nil {
		return err
	}
	keep(rows)
	return nil
}

// lock returns a closure that releases the lock file: the closure owns it, and a
// deferred Close would take it from the caller's hands.
func lock(name string) (func(), error) {
	f, err := os.OpenFile(name, os.O_CREATE|os.O_EXCL, 0o666) // want `call f.Close\(\) on each path that does not hand it on as line 55 does \(a deferred release would take it from its new owner\)`
	if err != nil {
		return nil, err
	}
	if _, err := f.Stat(); err != nil {
		return nil, err
	}
	release := func() {
		f.Close()
		os.Remove(name)
	}
	return release, nil
}

// readDeferred releases it in a deferred literal (a release, not a hand-on), below
// a return that leaves it open: the advice is to move that defer up (round 13).
func readDeferred(name string) error {
	f, err := os.Open(name) // want `f \(file from os.Open\) is not closed on the path to the return at line 70, so its file descriptor leaks: move defer func\(\) { f.Close\(\) }\(\) at line 72 up to right after the error check, so that it runs on the returns before it too`
	if err != nil {
		return err
	}
	if _, err := f.Stat(); err != nil {
		return err
	}
	defer func() { f.Close() }()
	return nil
}

// readEach opens a file per name and closes none: no path releases it, and in a
// loop a deferred release would wait for the function to return.
func readEach(names []string) ([][]byte, error) {
	var all [][]byte
	for _, name := range names {
		f, err := os.Open(name) // want `f \(file from os.Open\) is not closed on any path, so its file descriptor leaks: call f.Close\(\) on every path once it is no longer needed`
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(f)
		if err != nil {
			return nil, err
		}
		all = append(all, data)
	}
	return all, nil
}

// writeChecked closes the file explicitly once written, to check Close's error,
// but leaks it when the write fails: the advice is the explicit close on that path,
// not a deferred one beside the explicit close.
func writeChecked(name string, b []byte) error {
	f, err := os.Create(name) // want `f \(file from os.Create\) is not closed on the path to the return at line 103, so its file descriptor leaks: call f.Close\(\) on that path too, as the function does on the others`
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		return err
	}
	return f.Close()
}

// handedAfterErr gives the rows to an owner after testing their Err: quiet,
// since a non-nil Err means database/sql has closed the rows (or is closing
// them), so the early return holds none (round 10: this was a want, the false
// shape of langchaingo's drivers).
func handedAfterErr(db *sql.DB, keep func(*sql.Rows)) error {
	rows, err := db.Query("SELECT 1") // quiet: the only other path is under rows.Err() != nil
	if err != nil {
		return err
	}
	if err := rows.Err(); err != nil {
		return err
	}
	keep(rows)
	return nil
}

// quietClose closes each file it is given: it only releases its variadic
// parameter, so a call of it releases the arguments (in the same package, by
// the facts' fixed point).
func quietClose(fps ...*os.File) {
	for _, fp := range fps {
		if fp != nil {
			fp.Close()
		}
	}
}

// closedByVariadicHelper leaks on the return after check, and closes the file
// on the other paths, with quietClose on one: a release, not a hand-on, so the
// advice is to close it on the leaking path as well.
func closedByVariadicHelper(name string, check func() error) error {
	f, err := os.Open(name) // want `f \(file from os.Open\) is not closed on the path to the return at line 144, so its file descriptor leaks: call f.Close\(\) on that path too, as the function does on the others`
	if err != nil {
		return err
	}
	if err := check(); err != nil {
		return err
	}
	if _, err := f.ReadDir(0); err != nil {
		quietClose(f)
		return err
	}
	return f.Close()
}

// tempFallback creates the file in one place or, when that fails, in another,
// into one variable, and loses it on the one return after both (slog-journal's
// tempFdCommon, measurement 16): one leak, one report naming both acquisitions.
func tempFallback(check func(string) error) (*os.File, error) {
	file, err := os.CreateTemp("/dev/shm/", "journal") // want `file \(file from os.CreateTemp here or at line 159\) is not closed on the path to the return at line 165, so its file descriptor leaks`
	if err != nil {
		file, err = os.CreateTemp(os.TempDir(), "journal")
		if err != nil {
			return nil, err
		}
	}
	if err := check(file.Name()); err != nil {
		return nil, err
	}
	return file, nil
}

// openFallback opens the lock file or, when that fails, the file itself, into one
// variable, and closes neither anywhere (glide's Gomfile parser, measurement 37):
// the fallback, which nothing overwrites, leaks on every path, the first on the
// paths past the fallback; one bug, one report naming both.
func openFallback(name string) (int, error) {
	f, err := os.Open(name + ".lock") // want `f \(file from os.Open here or at line \d+\) is not closed on the paths? to the returns? at lines? `
	if err != nil {
		f, err = os.Open(name)
		if err != nil {
			return 0, err
		}
	}
	buf := make([]byte, 8)
	n, err := f.Read(buf)
	if err != nil {
		return 0, err
	}
	return n, nil
}

// retryDrops overwrites the first file while it is still open: that drop is a
// leak of its own, and the two acquisitions are reported apart.
func retryDrops(check func(string) error) (*os.File, error) {
	file, err := os.CreateTemp("", "a") // want `file \(file from os.CreateTemp\) is not closed`
	if err != nil {
		return nil, err
	}
	if check(file.Name()) != nil {
		file, err = os.CreateTemp("", "b") // want `file \(file from os.CreateTemp\) is not closed on the path to the return at line`
		if err != nil {
			return nil, err
		}
	}
	if err := check(file.Name()); err != nil {
		return nil, err
	}
	return file, nil
}

// assignedInIf is closedByVariadicHelper's shape with the file assigned in an if
// statement's init (antithesis-sdk-go's CopyRecursiveDir): the acquisition's own
// assignment gives the variable no new value, so the advice is still to close
// it on the leaking path, as the other paths do.
func assignedInIf(name string, check func() error) (err error) {
	var f *os.File
	if f, err = os.Open(name); err != nil { // want `f \(file from os.Open\) is not closed on the path to the return at line 219, so its file descriptor leaks: call f.Close\(\) on that path too, as the function does on the others`
		return
	}
	if err = check(); err != nil {
		return
	}
	if _, err = f.ReadDir(0); err != nil {
		quietClose(f)
		return
	}
	return f.Close()
}
