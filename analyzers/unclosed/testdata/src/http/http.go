package http

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
)

func statusBeforeDefer(url string) error {
	resp, err := http.Get(url) // want `resp.Body \(HTTP response from http.Get\) is not closed on the path to the return at line 17, so its connection is not reused or freed until the body is read to its end`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %s", resp.Status)
	}
	defer resp.Body.Close()
	return nil
}

func neverClosed(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req) // want `resp.Body \(HTTP response from c.Do\) is not closed on any path`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func deferBeforeCheck(url string) error {
	resp, err := http.Get(url)
	defer resp.Body.Close() // want `resp.Body.Close\(\) is deferred before the error from http.Get is checked, so when http.Get fails reading resp.Body panics on a nil resp`
	if err != nil {
		return err
	}
	return nil
}

func discarded(url string) {
	http.Get(url) // want `the HTTP response from http.Get is discarded`
}

func decodeOnly(url string, v any) error {
	resp, err := http.Get(url) // want `resp.Body \(HTTP response from http.Get\) is not closed`
	if err != nil {
		return err
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// True negatives.

func closed(url string, v any) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v)
}

func drainAndClose(body io.ReadCloser) {
	io.Copy(io.Discard, body)
	body.Close()
}

func helperClosesBody(url string) error {
	resp, err := http.Post(url, "text/plain", nil)
	if err != nil {
		return err
	}
	defer drainAndClose(resp.Body)
	return nil
}

func checkResponse(resp *http.Response) error {
	if resp.StatusCode >= 400 {
		resp.Body.Close()
		return errors.New("bad status")
	}
	return nil
}

func helperTakesResponse(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	return checkResponse(resp)
}

func returned(c *http.Client, req *http.Request) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	return resp, nil
}

func errAndNilResp(url string) error {
	resp, err := http.Get(url)
	if err != nil || resp == nil {
		return err
	}
	defer resp.Body.Close()
	return nil
}

func closureCloses(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := resp.Body.Close(); cerr != nil {
			fmt.Println(cerr)
		}
	}()
	return nil
}

func deferGuardedBeforeCheck(url string) error {
	resp, err := http.Get(url)
	defer func() {
		if resp != nil {
			resp.Body.Close()
		}
	}()
	if err != nil {
		return err
	}
	return nil
}

// A HEAD response has no body, and its connection is back in the pool when Head
// returns: nothing to close.
func headOnly(url string) (int, error) {
	resp, err := http.Head(url) // quiet: no body to close
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
