package valueflow

// A reader or writer built over a resource reads or writes through it, so it
// holds it: when another holder keeps that wrapper (stored in a field, sent,
// used by a goroutine), it reads the resource after the function returns, and
// the resource is handed on with it. A deferred Close there would break that
// read (measurement 12: yq's front_matter.go). A returned wrapper without the
// resource's Close leaves the caller no way to release it (yq's
// printer_writer.go, a true leak); a wrapper that stays in the function, or a
// call whose result reads and writes nothing, hands nothing on.

import (
	"bufio"
	"bytes"
	"io"
	"os"
)

type frontMatter struct {
	name          string
	contentReader io.Reader
}

// stripBOM returns a reader over r that skips a leading byte-order mark.
func stripBOM(r io.Reader) io.Reader {
	br := bufio.NewReader(r)
	if peek, err := br.Peek(3); err == nil && bytes.Equal(peek, []byte{0xEF, 0xBB, 0xBF}) {
		_, _ = br.Discard(3)
	}
	return br
}

func (f *frontMatter) split() error {
	var reader *bufio.Reader
	if f.name == "-" {
		reader = bufio.NewReader(os.Stdin)
	} else {
		file, err := os.Open(f.name) // quiet: the reader over it goes into f.contentReader, which the caller reads
		if err != nil {
			return err
		}
		reader = bufio.NewReader(stripBOM(file))
	}
	f.contentReader = reader
	_, err := reader.Peek(3)
	return err
}

func openBuffered(name string) (io.Reader, error) {
	file, err := os.Open(name) // want `file \(file from os.Open\) is not closed on any path`
	if err != nil {
		return nil, err
	}
	return bufio.NewReader(file), nil // a *bufio.Reader has no Close: the caller can never release the file
}

func sendBuffered(name string, out chan<- io.Reader) error {
	file, err := os.Open(name) // quiet: whoever receives the reader reads the file
	if err != nil {
		return err
	}
	out <- bufio.NewReader(file)
	return nil
}

func pumpInBackground(name string, w io.Writer) error {
	file, err := os.Open(name) // quiet: the goroutine reads the file through r after the function returns
	if err != nil {
		return err
	}
	r := bufio.NewReader(file)
	go func() { _, _ = io.Copy(w, r) }()
	return nil
}

func (f *frontMatter) splitEarlyReturn(skip bool) error {
	file, err := os.Open(f.name) // want `file \(file from os.Open\) is not closed on the path to the return at line 82, so its file descriptor leaks: call file.Close\(\) on each path that does not hand it on as line 84 does`
	if err != nil {
		return err
	}
	if skip {
		return nil // the wrapper is not built on this path: the file leaks here
	}
	f.contentReader = bufio.NewReader(file)
	return nil
}

type config struct{ size int }

// parseConfig reads r and keeps nothing of it.
func parseConfig(r io.Reader) *config {
	b, _ := io.ReadAll(r)
	return &config{size: len(b)}
}

func returnsParsed(name string) (*config, error) {
	file, err := os.Open(name) // want `file \(file from os.Open\) is not closed on any path`
	if err != nil {
		return nil, err
	}
	return parseConfig(file), nil // a *config has no Read or Write: it does not hold the file
}

func wrapperStaysLocal(name string) (string, error) {
	file, err := os.Open(name) // want `file \(file from os.Open\) is not closed on any path`
	if err != nil {
		return "", err
	}
	r := bufio.NewReader(file) // read here and dropped: nothing leaves with the file
	line, err := r.ReadString('\n')
	return line, err
}
