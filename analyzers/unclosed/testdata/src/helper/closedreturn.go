package helper

import (
	"io"
	"net/http"
)

// StatusOnly defers the drain and close of the body of the response it returns:
// its callers get a response whose body is closed, for its status and headers
// (kivik's DoError, measurement 44).
func StatusOnly(c *http.Client, req *http.Request) (*http.Response, error) {
	res, err := c.Do(req)
	if err != nil {
		return res, err
	}
	if res.Body != nil {
		defer drainClose(res.Body)
	}
	return res, checkStatus(res)
}

// StatusOnlyMethod closes the body itself, deferred.
func StatusOnlyMethod(c *http.Client, req *http.Request) (*http.Response, error) {
	res, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	return res, nil
}

func checkStatus(*http.Response) error { return nil }

// CleanupOnError releases the response only when the function fails: a deferred
// literal that tests the error, not a release of what it returns.
func CleanupOnError(c *http.Client, req *http.Request) (res *http.Response, err error) {
	res, err = c.Do(req)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			res.Body.Close()
		}
	}()
	err = checkStatus(res)
	return res, err
}

// ClosedOnError closes the body on the failing path and returns it open on the
// other: the callers own what it returns.
func ClosedOnError(c *http.Client, req *http.Request) (*http.Response, error) {
	res, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if err := checkStatus(res); err != nil {
		res.Body.Close()
		return nil, err
	}
	return res, nil
}

// PlainWrap returns the response open.
func PlainWrap(c *http.Client, req *http.Request) (*http.Response, error) {
	return c.Do(req)
}

// drainClose reads a body to its end and closes it, so that its connection goes
// back to the pool. It is declared after StatusOnly: the facts do not depend on
// the order of the declarations.
func drainClose(body io.ReadCloser) {
	_, _ = io.Copy(io.Discard, body)
	_ = body.Close()
}
