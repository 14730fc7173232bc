package http // want package:"analyzed, acquiring"

// Responses: a response returned is a fresh result, unless nothing but the
// caller's own reader stands behind it; a parameter whose body is closed is
// owned.

import (
	"bufio"
	"errors"
	"io"
	"net/http"
)

// drainAndClose closes the body it is given.
func drainAndClose(body io.ReadCloser) { // want drainAndClose:"owns params \\[0\\]"
	io.Copy(io.Discard, body)
	body.Close()
}

// checkResponse closes the body of a failed response.
func checkResponse(resp *http.Response) error { // want checkResponse:"owns params \\[0\\]"
	if resp.StatusCode >= 400 {
		resp.Body.Close()
		return errors.New("bad status")
	}
	return nil
}

// returned returns the response of a request it sent.
func returned(c *http.Client, req *http.Request) (*http.Response, error) { // want returned:"fresh response in result 0"
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	return resp, nil
}

// No fact: http.ReadResponse reads a response from the caller's buffer (a test
// helper's, as fiber's app.Test): there is no connection to free.
func testResponse(buf *bufio.Reader, req *http.Request) (*http.Response, error) {
	return http.ReadResponse(buf, req)
}
