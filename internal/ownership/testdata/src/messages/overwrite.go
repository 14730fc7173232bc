package messages

// A response's Body field assigned a new value drops the old body, as a
// reassignment of the variable drops the old resource: no hand-on.

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
)

// bufferBody replaces resp.Body with a buffered copy: the assignment drops the
// original body, it hands it to no one, and a deferred Close after the error
// check (bound to the original body when the defer runs) is the advice.
func bufferBody(c *http.Client, req *http.Request, x any) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	if err := checkStatus(resp); err != nil {
		return err
	}
	var body bytes.Buffer
	if _, err := io.Copy(&body, resp.Body); err != nil {
		return err
	}
	resp.Body = io.NopCloser(&body)
	return json.NewDecoder(resp.Body).Decode(x)
}

// bufferBodyDeferred is bufferBody done right: quiet, the deferred Close holds
// the original body, and the new one needs no closing.
func bufferBodyDeferred(c *http.Client, req *http.Request, x any) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var body bytes.Buffer
	if _, err := io.Copy(&body, resp.Body); err != nil {
		return err
	}
	resp.Body = io.NopCloser(&body)
	return json.NewDecoder(resp.Body).Decode(x)
}

// teeBody wraps the original body in the new one and returns the response: quiet,
// the wrapper holds the original body and the caller gets both.
func teeBody(c *http.Client, req *http.Request, w io.Writer) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	resp.Body = struct {
		io.Reader
		io.Closer
	}{io.TeeReader(resp.Body, w), resp.Body}
	return resp, nil
}

// checkStatus reads the status only: the caller keeps the response.
func checkStatus(resp *http.Response) error {
	if resp.StatusCode >= 400 {
		return errors.New(resp.Status)
	}
	return nil
}
