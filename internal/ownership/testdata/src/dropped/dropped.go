package dropped // want package:"analyzed, acquiring"

// Retries and fallbacks: only the attempt returned is fresh, whatever the
// attempts before it.

import (
	"net/http"
	"os"
	"time"
)

// retry returns the first response with status OK.
func retry(c *http.Client) (*http.Response, error) { // want retry:"fresh response in result 0"
	for {
		resp, err := c.Get("u")
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusOK {
			return resp, nil
		}
		time.Sleep(time.Second)
	}
}

// retryOnError goes round on failed attempts only.
func retryOnError(c *http.Client) (*http.Response, error) { // want retryOnError:"fresh response in result 0"
	for {
		resp, err := c.Get("u")
		if err != nil {
			continue
		}
		return resp, nil
	}
}

// fallback opens b when a failed.
func fallback(a, b string) (*os.File, error) { // want fallback:"fresh file in result 0"
	f, err := os.Open(a)
	if err != nil {
		f, err = os.Open(b)
	}
	return f, err
}
