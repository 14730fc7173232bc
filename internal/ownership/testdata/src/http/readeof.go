package http

import (
	"bytes"
	"io"
	"io/ioutil"
	"net/http"
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

func copyToBuffer(url string, buf *bytes.Buffer) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	io.Copy(buf, resp.Body) // a copy into another writer may stop on a failed write, leaving the body unread
	return nil
}

func readAllOnOneBranch(url string, want bool) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	if !want {
		return nil, nil
	}
	return io.ReadAll(resp.Body)
}
