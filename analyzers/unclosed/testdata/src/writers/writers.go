package writers

import (
	"archive/zip"
	"compress/gzip"
	"io"
	"os"
)

func gzipNotClosed(w io.Writer, data []byte) error {
	zw := gzip.NewWriter(w) // want `zw \(writer from gzip.NewWriter\) is not closed on any path, so buffered data and the stream's trailer are never written`
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
	r, err := zip.OpenReader(name) // want `r \(zip file from zip.OpenReader\) is not closed`
	if err != nil {
		return 0, err
	}
	return len(r.File), nil
}

func main() {
	zw := gzip.NewWriter(os.Stdout) // want `zw \(writer from gzip.NewWriter\) is not closed`
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
	zw := gzip.NewWriter(w) // want `zw \(writer from gzip.NewWriter\) is not closed on any path, so buffered data and the stream's trailer are never written: release it on every path, for example with defer zw.Close\(\) right after it is acquired`
	zw.Write(data)
}

// A discarded writer receives no data, so it has nothing buffered to lose: the
// call only checks the level.
func levelValid(w io.Writer, level int) bool {
	_, err := gzip.NewWriterLevel(w, level)
	return err == nil
}
