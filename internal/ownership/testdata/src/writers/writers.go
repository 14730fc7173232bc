package writers // want package:"analyzed}$"

// A writer that a compressing writer writes to is not released by it.

import (
	"compress/gzip"
	"io"
)

// No fact: gzipNotClosed writes to w through a gzip writer it leaves open; w is
// neither closed nor kept.
func gzipNotClosed(w io.Writer, data []byte) error {
	zw := gzip.NewWriter(w)
	_, err := zw.Write(data)
	return err
}
