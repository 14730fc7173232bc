package writers // want package:"analyzed"

import (
	"archive/zip"
	"compress/gzip"
	"io"
	"os"
)

func gzipNotClosed(w io.Writer, data []byte) error {
	zw := gzip.NewWriter(w)
	_, err := zw.Write(data)
	return err
}

func gzipErrorPath(w io.Writer, data []byte) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestSpeed) // abandoned on the error path only: not reported
	if err != nil {
		return err
	}
	if _, err := zw.Write(data); err != nil {
		return err
	}
	return zw.Close()
}

func zipReader(name string) (int, error) {
	r, err := zip.OpenReader(name)
	if err != nil {
		return 0, err
	}
	return len(r.File), nil
}

func main() {
	zw := gzip.NewWriter(os.Stdout)
	zw.Write(nil)
}

// True negatives.

func gzipClosed(w io.Writer, data []byte) error {
	zw := gzip.NewWriter(w)
	if _, err := zw.Write(data); err != nil {
		zw.Close()
		return err
	}
	return zw.Close()
}

func zipWriter(w io.Writer) error {
	zw := zip.NewWriter(w)
	defer zw.Close()
	_, err := zw.Create("a")
	return err
}

// An explicit Flush writes what is buffered: nothing is lost that the owner did not
// choose to leave out (the trailer of a stream flushed on purpose).
func gzipFlushed(w io.Writer, data []byte) error {
	zw := gzip.NewWriter(w)
	if _, err := zw.Write(data); err != nil {
		return err
	}
	return zw.Flush()
}

// A deferred Flush is a release too.
func gzipFlushDeferred(w io.Writer, data []byte) error {
	zw := gzip.NewWriter(w)
	defer zw.Flush()
	_, err := zw.Write(data)
	return err
}

// zip.Writer has a Flush as well.
func zipFlushed(w io.Writer) error {
	zw := zip.NewWriter(w)
	if _, err := zw.Create("a"); err != nil {
		return err
	}
	return zw.Flush()
}

// True positive next to them: written, never flushed nor closed.
func gzipWrittenOnly(w io.Writer, data []byte) {
	zw := gzip.NewWriter(w)
	zw.Write(data)
}

// A discarded writer receives no data, so it has nothing buffered to lose: the
// call only checks the level.
func levelValid(w io.Writer, level int) bool {
	_, err := gzip.NewWriterLevel(w, level)
	return err == nil
}
