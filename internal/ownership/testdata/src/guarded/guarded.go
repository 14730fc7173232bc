package guarded // want package:"analyzed"

// A parameter released on the paths a flag selects is owned.

import "os"

// ownedByFlag opens a file when it was given none, and closes fd only when
// didOpen says it opened it: the parameter cached is owned, as fd may hold it.
func ownedByFlag(cached *os.File, name string) error { // want ownedByFlag:`owns params \[0\]`
	fd, didOpen := cached, false
	if fd == nil {
		var err error
		fd, err = os.OpenFile(name, os.O_RDWR, 0)
		if err != nil {
			return err
		}
		didOpen = true
	}
	if err := fd.Sync(); err != nil {
		if didOpen {
			fd.Close()
		}
		return err
	}
	if didOpen {
		return fd.Close()
	}
	return nil
}
