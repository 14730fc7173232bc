package http

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"
)

// A call that reads the body to its end and has no writer that could fail
// (io.ReadAll, (*bytes.Buffer).ReadFrom) can fail only on a read of the body;
// net/http closes a connection whose body read failed (HTTP/1: the readLoop does
// not keep it alive; HTTP/2: the stream has already ended). So the call's error
// branch holds no connection either, and a return there without Close leaks
// nothing.

// readFromThenClose is the shape of seaweedfs' bench_filer_upload.go:123 and
// stress_filer_upload.go:140 (measurement 19): a bytes.Buffer reads the body,
// and its error return skips the Close that the success path does.
func readFromThenClose(client *http.Client, req *http.Request) (int, error) {
	resp, err := client.Do(req) // quiet: ReadFrom read the body to its end or failed on it
	if err != nil {
		return 0, fmt.Errorf("post: %v", err)
	}
	body := &bytes.Buffer{}
	if _, err := body.ReadFrom(resp.Body); err != nil {
		return 0, fmt.Errorf("read response: %v", err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return body.Len(), nil
}

// readFromValueBuffer reads into a bytes.Buffer value: the same method.
func readFromValueBuffer(url string) (string, error) {
	resp, err := http.Get(url) // quiet: Buffer.ReadFrom reads the body to its end
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	_, err = buf.ReadFrom(resp.Body)
	if err != nil {
		return "", err
	}
	return buf.String(), nil
}

// readAllErrorReturn returns on io.ReadAll's failure without Close, and closes
// on the success path.
func readAllErrorReturn(url string) ([]byte, error) {
	resp, err := http.Get(url) // quiet: io.ReadAll's error is a failed read of the body, whose connection net/http closed
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return b, nil
}

// readFromBeforeCheck returns on a bad status before any read: the body is
// unread there, and its connection busy (the same shape without the read that
// makes the other returns safe).
func readFromBeforeCheck(url string) ([]byte, error) {
	resp, err := http.Get(url) // want `resp.Body \(HTTP response from http.Get\) is not closed on the path to the return at line 73`
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(resp.Body); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// fileReadFrom reads the body with a file's ReadFrom, which writes: it may stop
// on a failed write (a full disk) with the body unread, so it is no read to the
// end, and its error return leaks the body.
func fileReadFrom(url string, f *os.File) error {
	resp, err := http.Get(url) // want `resp.Body \(HTTP response from http.Get\) is not closed on the path to the return at line 91`
	if err != nil {
		return err
	}
	if _, err := f.ReadFrom(resp.Body); err != nil {
		return err
	}
	return resp.Body.Close()
}

// copyToCreatedFile copies the body into a file it created; the copy's error
// return skips the file's Close. The body is credited (io.Copy reads it to its
// end), the file is not: it leaks on that return.
func copyToCreatedFile(url, name string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	f, err := os.Create(name) // want `f \(file from os.Create\) is not closed on the path to the return at line 110`
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, resp.Body); err != nil {
		return err
	}
	return f.Close()
}
