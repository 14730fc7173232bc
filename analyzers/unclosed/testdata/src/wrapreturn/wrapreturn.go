package wrapreturn

import (
	"compress/gzip"
	"io"
	"os"
)

type flushWriter interface {
	io.Writer
	Flush() error
}

type nullFlusher struct{ io.Writer }

func (nullFlusher) Flush() error { return nil }

// The gomlx getSaveVarFiles shape (measurement 35): the gzip writer returned at
// the last line is closed by the caller, but gzip.Writer.Close does not close
// f, so f leaks there too; closing f on that path would break the writer: the
// advice for that return is to hand back a value whose Close closes f too. The
// return after the failed Write keeps the usual advice.
func saveFile(path string, plain bool, header []byte) (flushWriter, error) {
	f, err := os.Create(path) // want `f \(file from os.Create\) is not closed on the paths to the returns at lines 32 and 34, so its file descriptor leaks: call f.Close\(\) on each path that does not hand it on as line 29 does \(a deferred release would take it from its new owner\), except at line 34, which returns a writer over f whose Close does not close f \(closing f there would break that writer\): return instead a value whose Close also calls f.Close\(\), for example a struct embedding the writer with a Close that closes both`
	if err != nil {
		return nil, err
	}
	if plain {
		return nullFlusher{f}, nil
	}
	if _, err := f.Write(header); err != nil {
		return nil, err
	}
	return gzip.NewWriter(f), nil
}

// Every leaking return hands back a gzip writer over f (nothing else releases
// or hands it on): only the new advice.
func gzipOnly(path string) (io.WriteCloser, error) {
	f, err := os.Create(path) // want `f \(file from os.Create\) is not closed on any path, so its file descriptor leaks: line 44 returns a writer over f whose Close does not close f \(closing f there would break that writer\): return instead a value whose Close also calls f.Close\(\), for example a struct embedding the writer with a Close that closes both`
	if err != nil {
		return nil, err
	}
	return gzip.NewWriter(f), nil
}
