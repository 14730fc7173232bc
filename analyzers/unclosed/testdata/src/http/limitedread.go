package http

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
)

// A read through io.LimitReader stops at the limit, so its success leaves the
// rest of the body unread and the Close is needed; but it fails only when the
// body's own Read fails (at the limit LimitReader returns io.EOF, which ReadAll
// takes as the end), and after a failed read net/http has closed the
// connection: the return on the failure branch leaks nothing (istio's
// HTTPFetcher.Fetch, measurement 30). Quiet.
func readLimited(c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusOK {
		body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
		if err != nil {
			return nil, err
		}
		resp.Body.Close()
		return body, nil
	}
	resp.Body.Close()
	return nil, nil
}

// The same with a bytes.Buffer's ReadFrom, as the if's init. Quiet.
func readFromLimited(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(io.LimitReader(resp.Body, 1<<20)); err != nil {
		return nil, err
	}
	resp.Body.Close()
	return buf.Bytes(), nil
}

// io.TeeReader also fails when its writer does, with the body unread and open:
// the failure branch keeps the connection.
func readTeeLimited(url string, w io.Writer) ([]byte, error) {
	resp, err := http.Get(url) // want `resp.Body \(HTTP response from http.Get\) is not closed on the path to the return at line 57`
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(io.LimitReader(io.TeeReader(resp.Body, w), 1<<20))
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return body, nil
}

// A failed read of a file does not close it.
func readFileLimited(name string) ([]byte, error) {
	f, err := os.Open(name) // want `f \(file from os.Open\) is not closed on the path to the return at line 71`
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, 1<<20))
	if err != nil {
		return nil, err
	}
	f.Close()
	return data, nil
}

// The error tested is no longer the read's: the decoding failed, with the
// rest of the body unread.
func decodeLimited(url string, v any) error {
	resp, err := http.Get(url) // want `resp.Body \(HTTP response from http.Get\) is not closed on the path to the return at line 87`
	if err != nil {
		return err
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	err = json.Unmarshal(data, v)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The limited read succeeded: the rest of the body is unread, and the return
// after it keeps the connection.
func readLimitedNoClose(url string) ([]byte, error) {
	resp, err := http.Get(url) // want `resp.Body \(HTTP response from http.Get\) is not closed on the path to the return at line 104`
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	if len(body) == 0 {
		return nil, nil
	}
	resp.Body.Close()
	return body, nil
}
