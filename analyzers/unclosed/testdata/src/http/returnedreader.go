package http

// A reader over a response's body returned to the caller hands the body on:
// the caller reads it, and reading it to its end hands the connection back to
// the pool as a Close would. Whether the caller does (or cancels the request)
// cannot be seen here, so the function is given the benefit of the doubt
// (measurement 35: Argo Workflows' http1 Facade.EventStreamReader returns
// bufio.NewReader(resp.Body) to a caller that streams the events). A file is
// not released by a read to its end: a returned reader over one stays reported.

import (
	"bufio"
	"errors"
	"io"
	"net/http"
	"os"
)

// Quiet: the caller streams the body through the reader.
func eventStream(client *http.Client, req *http.Request) (*bufio.Reader, error) {
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, errors.New(resp.Status)
	}
	return bufio.NewReader(resp.Body), nil
}

// Quiet: a limited reader held in a local variable and returned is the same.
func limitedBody(url string) (io.Reader, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	r := io.LimitReader(resp.Body, 1<<20)
	return r, nil
}

// A reader over the body that stays in the function and is dropped hands
// nothing on: the body leaks.
func peekBody(url string) (byte, error) {
	resp, err := http.Get(url) // want `resp.Body \(HTTP response from http.Get\) is not closed on any path`
	if err != nil {
		return 0, err
	}
	return bufio.NewReader(resp.Body).ReadByte()
}

// A returned reader over a file gives the caller no Close, and reading the file
// to its end does not close it: the file leaks.
func fileReader(name string) (*bufio.Reader, error) {
	f, err := os.Open(name) // want `f \(file from os.Open\) is not closed on any path`
	if err != nil {
		return nil, err
	}
	return bufio.NewReader(f), nil
}
