package usehelper

import (
	"errors"
	"io"
	"net/http"

	"helper"
)

// Measurement 22 (rclone's jwtutil): a helper of another package that reads its
// reader parameter to its end before it can return releases the body it is given,
// as io.ReadAll does; its Drains fact says so across packages.
func statusAfterRead(c *http.Client, req *http.Request) (string, error) {
	resp, err := c.Do(req) // quiet: helper.BodyToString reads the body to its end before the status return
	if err != nil {
		return "", err
	}
	s, err := helper.BodyToString(resp.Body)
	if err != nil {
		return "", err
	}
	if resp.StatusCode != 200 {
		return "", errors.New(resp.Status)
	}
	defer resp.Body.Close()
	return s, nil
}

// The same with a helper that may return before reading: the status return
// leaks the body.
func statusAfterPeek(c *http.Client, req *http.Request, skip bool) (string, error) {
	resp, err := c.Do(req) // want `resp.Body \(HTTP response from c.Do\) is not closed on the path to the return at line 39`
	if err != nil {
		return "", err
	}
	s, _ := helper.PeekString(resp.Body, skip)
	if resp.StatusCode != 200 {
		return "", errors.New(resp.Status)
	}
	defer resp.Body.Close()
	return s, nil
}

// readHead reads r to its end through a local helper of this package that
// drains in a chain: one that passes its parameter to another draining helper.
func readHead(r io.Reader) (string, error) {
	s, err := helper.BodyToString(r)
	return s, err
}

func statusAfterChain(c *http.Client, req *http.Request) (string, error) {
	resp, err := c.Do(req) // quiet: readHead reads the body to its end through helper.BodyToString
	if err != nil {
		return "", err
	}
	s, _ := readHead(resp.Body)
	if resp.StatusCode != 200 {
		return "", errors.New(resp.Status)
	}
	defer resp.Body.Close()
	return s, nil
}
