package valueflow

// A wrapper built over a wrapper of a resource holds the resource too. When
// the outer value goes to a call that takes its argument (one that keeps it,
// as the resource itself passed there would be kept), that call's holder
// writes to the resource after the function returns: the resource is handed
// on (measurement 23: iris's accesslog.File, where a deferred Close would
// close the log before its first write). The same nesting kept only inside the
// function hands nothing on.

import (
	"bufio"
	"io"
	"os"
	"sync"
)

// accessLog writes each line to its output for as long as the program runs.
type accessLog struct {
	mu  sync.Mutex
	out io.Writer
}

// newAccessLog keeps w: every later Write goes to it.
func newAccessLog(w io.Writer) *accessLog {
	l := &accessLog{}
	l.setOutput(w)
	return l
}

func (l *accessLog) setOutput(w io.Writer) {
	l.mu.Lock()
	l.out = w
	l.mu.Unlock()
}

func (l *accessLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.out.Write(p)
}

// fileAccessLog is quiet: the file, wrapped twice, goes into the access log it
// returns, which writes to it after this function returns.
func fileAccessLog(path string) *accessLog {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		panic(err)
	}
	return newAccessLog(bufio.NewReadWriter(bufio.NewReader(f), bufio.NewWriter(f)))
}

// fileAccessLogConverted is quiet for the same reason: a conversion is the same value.
func fileAccessLogConverted(path string) *accessLog {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		panic(err)
	}
	return newAccessLog(io.Writer(bufio.NewWriter(f)))
}

// appendLine leaks: the same nesting, but the outer wrapper is used here and
// dropped, and nothing closes the file.
func appendLine(path, line string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o600) // want `f \(file from os.OpenFile\) is not closed on any path`
	if err != nil {
		return err
	}
	rw := bufio.NewReadWriter(bufio.NewReader(f), bufio.NewWriter(f))
	if _, err := rw.WriteString(line); err != nil {
		return err
	}
	return rw.Flush()
}

// countLines leaks: the outer wrapper goes to a call that only reads it
// (io.Copy takes nothing it is given) and is dropped.
func countLines(path string) (int64, error) {
	f, err := os.Open(path) // want `f \(file from os.Open\) is not closed on any path`
	if err != nil {
		return 0, err
	}
	return io.Copy(io.Discard, bufio.NewReader(io.LimitReader(f, 1<<20)))
}

// logOnce: known false negative: the access log that keeps the file is itself
// used here and dropped, so the file leaks; newAccessLog passes w on to a
// method, so no Keep fact says its result holds w, and the call counts as
// taking the wrapper, as it would the file.
func logOnce(path, line string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	l := newAccessLog(bufio.NewWriter(f))
	_, err = l.Write([]byte(line))
	return err
}

// newPlainLog keeps w in the value it returns, and nowhere else.
func newPlainLog(w io.Writer) *accessLog {
	return &accessLog{out: w}
}

// plainFileLog is quiet: the log that holds the file goes to the caller.
func plainFileLog(path string) (*accessLog, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return nil, err
	}
	l := newPlainLog(bufio.NewWriter(f))
	return l, nil
}

// plainLogOnce leaks: the log that holds the file is used here and dropped.
func plainLogOnce(path, line string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o600) // want `f \(file from os.OpenFile\) is not closed on any path`
	if err != nil {
		return err
	}
	l := newPlainLog(bufio.NewWriter(f))
	_, err = l.Write([]byte(line))
	return err
}
