package http

import (
	"errors"
	"io"
	"net/http"
)

// A loop of Body.Read calls that can only be left once a Read has failed or met
// io.EOF has read the body to its end (or failed a read, which closes the
// connection), as io.ReadAll does: the Read releases the body. Measurement 22:
// cortex's api_test.go benchmark read the body so, into a reused buffer.

func readLoopEOF(url string, buf []byte) (int, error) {
	resp, err := http.Get(url) // quiet: the loop is left only when Read returns io.EOF
	if err != nil {
		return 0, err
	}
	size := 0
	for {
		n, err := resp.Body.Read(buf)
		size += n
		if err == io.EOF {
			break
		}
	}
	return size, nil
}

func readLoopAnyError(url string, buf []byte) (int, error) {
	resp, err := http.Get(url) // quiet: every way out of the loop follows a failed Read
	if err != nil {
		return 0, err
	}
	size := 0
	for {
		n, err := resp.Body.Read(buf)
		size += n
		if err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return size, err // a failed read has closed the connection
		}
	}
	return size, nil
}

func readLoopLabelled(url string, buf []byte) error {
	resp, err := http.Get(url) // quiet: the labelled break is under the error test too
	if err != nil {
		return err
	}
read:
	for {
		_, err = resp.Body.Read(buf)
		switch {
		case err == nil:
			continue read
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break read
		}
	}
	return nil
}

// The same loops with one way out that does not wait for the end of the body:
// what is left unread holds the connection.

func readLoopByteCount(url string, buf []byte, limit int) (int, error) {
	resp, err := http.Get(url) // want `resp.Body \(HTTP response from http.Get\) is not closed on any path`
	if err != nil {
		return 0, err
	}
	size := 0
	for {
		n, err := resp.Body.Read(buf)
		size += n
		if err == io.EOF {
			break
		}
		if size > limit {
			break // stops with the body unread
		}
	}
	return size, nil
}

func readLoopReturnOnCount(url string, buf []byte) (int, error) {
	resp, err := http.Get(url) // want `resp.Body \(HTTP response from http.Get\) is not closed on any path`
	if err != nil {
		return 0, err
	}
	for {
		n, err := resp.Body.Read(buf)
		if n > 0 {
			return n, nil // the first bytes, and the rest left unread
		}
		if err != nil {
			return 0, err
		}
	}
}

func readLoopNotEOF(url string, buf []byte) error {
	resp, err := http.Get(url) // want `resp.Body \(HTTP response from http.Get\) is not closed on any path`
	if err != nil {
		return err
	}
	for {
		_, err := resp.Body.Read(buf)
		if err != io.EOF {
			break // err == nil leaves too: a read that succeeded
		}
	}
	return nil
}

func readOnce(url string, buf []byte) (int, error) {
	resp, err := http.Get(url) // want `resp.Body \(HTTP response from http.Get\) is not closed on any path`
	if err != nil {
		return 0, err
	}
	n, err := resp.Body.Read(buf) // one read, no loop: the rest is unread
	return n, err
}
