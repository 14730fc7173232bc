package handoff

// Round 12 (measurement 15): a file given to reflection, or whose descriptor
// number leaves the function, is handed on.

import (
	"os"
	"reflect"
	"syscall"
)

// Quiet: reflect.ValueOf(file) makes a Value that holds the file, and
// target.Set stores it in whatever target reflects (the caller's struct field):
// the file is handed on (kong's mapper.go).
func setFile(target reflect.Value, path string) error {
	file, err := os.Open(path)
	if err != nil {
		return err
	}
	target.Set(reflect.ValueOf(file))
	return nil
}

// The same file without the reflection: nothing keeps it, and it leaks.
func statFile(path string) (int64, error) {
	file, err := os.Open(path) // want `file \(file from os.Open\) is not closed on any path, so its file descriptor leaks`
	if err != nil {
		return 0, err
	}
	st, err := file.Stat()
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

type fdNumber int

// Quiet: the descriptor number is returned (mkstemp's contract): the caller owns
// the descriptor, and closing the file would close it under them (gpython's
// tempfile.go).
func mkstemp(dir string) (fdNumber, string, error) {
	f, err := os.CreateTemp(dir, "x")
	if err != nil {
		return 0, "", err
	}
	return fdNumber(f.Fd()), f.Name(), nil
}

// Quiet: the number is kept in a local variable that is then returned.
func mkstempVar(dir string) (uintptr, error) {
	f, err := os.CreateTemp(dir, "x")
	if err != nil {
		return 0, err
	}
	fd := f.Fd()
	return fd, nil
}

// Quiet: os.NewFile makes a second file that owns the same descriptor.
func refile(path string) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	return os.NewFile(f.Fd(), path), nil
}

// The descriptor used in place, by a syscall that returns: the file still owns
// it, and nothing closes it.
func lockFile(path string) error {
	f, err := os.Open(path) // want `f \(file from os.Open\) is not closed on any path, so its file descriptor leaks`
	if err != nil {
		return err
	}
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
}
