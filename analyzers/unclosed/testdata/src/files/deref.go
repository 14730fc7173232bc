package files

// A dereferenced *os.File copies an os.File, which is struct{ *file }: the copy
// shares the descriptor, and its Close closes it. Returned, stored or embedded,
// the copy hands the file on as f itself would (measurement 35: Argo Workflows'
// load_to_stream.go returns &selfDestructingFile{*f}, whose Close closes the
// file and removes it; a deferred f.Close() there would close the caller's
// stream before its first read).

import (
	"io"
	"os"
)

type selfDestructingFile struct {
	os.File
}

func (w selfDestructingFile) Close() error {
	err := w.File.Close()
	_ = os.Remove(w.Name())
	return err
}

// Quiet: the caller gets the file in the wrapper and closes it.
func loadToStream(filename string) (io.ReadCloser, error) {
	f, err := os.Open(filename)
	if err != nil {
		_ = os.Remove(filename)
		return nil, err
	}
	return &selfDestructingFile{*f}, nil
}

// Quiet: the copy is returned, and the caller's Close on it closes the file.
func fileCopy(filename string) (os.File, error) {
	f, err := os.Open(filename)
	if err != nil {
		return os.File{}, err
	}
	return *f, nil
}

type fileHolder struct{ f os.File }

// Quiet: the copy is stored in a field, which holds the file from now on.
func (h *fileHolder) open(filename string) error {
	f, err := os.Open(filename)
	if err != nil {
		return err
	}
	h.f = *f
	return nil
}

// A method called on the copy reads the file's name and hands nothing on: the
// file leaks.
func derefName(filename string) (string, error) {
	f, err := os.Open(filename) // want `f \(file from os.Open\) is not closed on any path, so its file descriptor leaks`
	if err != nil {
		return "", err
	}
	n := (*f).Name()
	_ = n
	return n, nil
}

// Closing through the copy closes the file: quiet.
func derefClose(filename string) error {
	f, err := os.Open(filename)
	if err != nil {
		return err
	}
	defer (*f).Close()
	return nil
}
