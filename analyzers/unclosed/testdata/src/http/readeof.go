package http

import (
	"bufio"
	"bytes"
	"io"
	"io/ioutil"
	"net/http"
	"os"
)

// A body read to its end has handed its connection back to the pool (or, when a
// read failed, net/http has closed it): nothing is left to release.

func readAll(url string) ([]byte, error) {
	resp, err := http.Get(url) // quiet: io.ReadAll reads the body to EOF
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

func readAllOld(url string) ([]byte, error) {
	resp, err := http.Get(url) // quiet: ioutil.ReadAll reads to EOF too
	if err != nil {
		return nil, err
	}
	return ioutil.ReadAll(resp.Body)
}

func discard(url string) (int, error) {
	resp, err := http.Get(url) // quiet: a copy into io.Discard never stops early
	if err != nil {
		return 0, err
	}
	io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, nil
}

// copyToBuffer was reported until round 8: a copy into any writer reads the body
// to its end (or until a read fails, which closes the connection), so it
// releases the body as a copy into io.Discard does.
func copyToBuffer(url string, buf *bytes.Buffer) error {
	resp, err := http.Get(url) // quiet: io.Copy reads the body to its end
	if err != nil {
		return err
	}
	io.Copy(buf, resp.Body)
	return nil
}

// copyToFile copies into a file with the copy's error discarded, as go-pmtiles'
// sync does (measurement 11: sync.go:277): quiet, the body is read to its end.
// Known false negative: when the file's Write fails (a full disk) the copy
// stops with the body unread and its connection busy; a failure of the local
// writer is taken as rare.
func copyToFile(url string, f *os.File) {
	resp, err := http.Get(url) // quiet: io.Copy reads the body to its end
	if err != nil {
		return
	}
	io.Copy(io.NewOffsetWriter(f, 0), resp.Body)
}

// copyChecked returns the copy's error: quiet on the failure branch too, where a
// failed read of the body has made net/http close the connection.
func copyChecked(url string, w io.Writer) error {
	resp, err := http.Get(url) // quiet: the read's failure branch releases the body too
	if err != nil {
		return err
	}
	if _, err := io.CopyBuffer(w, resp.Body, make([]byte, 4096)); err != nil {
		return err
	}
	return nil
}

// copyThroughTee reads the body through a reader that wraps it (io.TeeReader,
// bufio.NewReader pass on every byte and every error): reading the wrapper to its
// end reads the body to its end (measurement 11: go-pmtiles sync.go:284).
func copyThroughTee(url string, w, progress io.Writer) error {
	resp, err := http.Get(url) // quiet: io.Copy reads the tee, and so the body, to its end
	if err != nil {
		return err
	}
	_, err = io.Copy(w, io.TeeReader(resp.Body, progress))
	return err
}

func readAllBuffered(url string) ([]byte, error) {
	resp, err := http.Get(url) // quiet: io.ReadAll reads the bufio.Reader, and so the body, to its end
	if err != nil {
		return nil, err
	}
	return io.ReadAll(bufio.NewReaderSize(resp.Body, 1<<16))
}

// readThroughVariable keeps the wrapping reader in a variable and reads it to the
// end in a later statement of the same block, as go-pmtiles' sync does
// (measurement 11: sync.go:259): quiet, on the failure branch of the read too.
func readThroughVariable(url string, out io.Writer) ([]byte, error) {
	var r *bufio.Reader
	resp, err := http.Get(url) // quiet: r wraps the body, and io.ReadAll(r) reads it to its end
	r = bufio.NewReader(io.TeeReader(resp.Body, out))
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return b, nil
}

// copyN reads only n bytes: the rest of the body stays unread, and the connection
// with it (the same shape as copyToBuffer without the fact that makes it safe).
func copyN(url string, w io.Writer) error {
	resp, err := http.Get(url) // want `resp.Body \(HTTP response from http.Get\) is not closed on any path`
	if err != nil {
		return err
	}
	_, err = io.CopyN(w, resp.Body, 512)
	return err
}

// readAllLimited reads through io.LimitReader, which stops before the end: no
// wrapper that reads the body through.
func readAllLimited(url string) ([]byte, error) {
	resp, err := http.Get(url) // want `resp.Body \(HTTP response from http.Get\) is not closed on any path`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(io.LimitReader(resp.Body, 1<<20))
}

// readLine reads one line of the wrapping reader: the rest of the body is unread.
func readLine(url string) (string, error) {
	resp, err := http.Get(url) // want `resp.Body \(HTTP response from http.Get\) is not closed on any path`
	if err != nil {
		return "", err
	}
	r := bufio.NewReader(resp.Body)
	return r.ReadString('\n')
}

// readOtherReader reads r to its end only after r took another reader: the
// body's wrapper is never read.
func readOtherReader(url string, other io.Reader) ([]byte, error) {
	resp, err := http.Get(url) // want `resp.Body \(HTTP response from http.Get\) is not closed on any path`
	if err != nil {
		return nil, err
	}
	r := bufio.NewReader(resp.Body)
	r = bufio.NewReader(other)
	return io.ReadAll(r)
}

func readAllOnOneBranch(url string, want bool) ([]byte, error) {
	resp, err := http.Get(url) // want `resp.Body \(HTTP response from http.Get\) is not closed on the path to the return at line 164`
	if err != nil {
		return nil, err
	}
	if !want {
		return nil, nil
	}
	return io.ReadAll(resp.Body)
}
