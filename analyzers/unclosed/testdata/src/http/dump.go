package http

import (
	"net/http"
	"net/http/httputil"
)

// httputil.DumpResponse(resp, true) reads the body to its end, closes it (its
// drainBody) and puts an in-memory copy in resp.Body: after the call the
// response holds no connection, on its error path too (a failed read closes
// the connection; a failed Close was a Close).

// dumpOnBadStatus is open-policy-agent/opa's rest client (measurement 17:
// v1/plugins/rest/rest.go:371): the return after a failed dump leaks nothing.
func dumpOnBadStatus(c *http.Client, req *http.Request) (*http.Response, string, error) {
	resp, err := c.Do(req) // quiet: the dump closed the body before either return below
	if err != nil {
		return nil, "", err
	}
	if resp.StatusCode >= 300 {
		dump, err := httputil.DumpResponse(resp, true)
		if err != nil {
			return nil, "", err
		}
		return nil, string(dump), nil
	}
	return resp, "", nil
}

// dumpHeadersOnly dumps without the body (body false): DumpResponse reads and
// closes nothing then, so the return leaks the response (the same shape
// without the fact that makes it safe).
func dumpHeadersOnly(c *http.Client, req *http.Request) (string, error) {
	resp, err := c.Do(req) // want `resp.Body \(HTTP response from c.Do\) is not closed on any path`
	if err != nil {
		return "", err
	}
	dump, err := httputil.DumpResponse(resp, false)
	if err != nil {
		return "", err
	}
	return string(dump), nil
}

// dumpMaybe passes a flag that is no constant: whether the body is read is not
// known, and the leak on the path that does not read it is reported.
func dumpMaybe(c *http.Client, req *http.Request, withBody bool) (string, error) {
	resp, err := c.Do(req) // want `resp.Body \(HTTP response from c.Do\) is not closed on any path`
	if err != nil {
		return "", err
	}
	dump, err := httputil.DumpResponse(resp, withBody)
	return string(dump), err
}
