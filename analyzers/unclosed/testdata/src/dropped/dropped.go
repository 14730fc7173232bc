package dropped

// A resource is dropped where its variable takes a new value while it is still
// held: the acquisition again, round a loop (a retry that goes on after a bad
// status with the response open), or another assignment. The old value is out of
// reach there, so nothing can release it any more.

import (
	"errors"
	"net/http"
	"os"
	"time"
)

func retry(c *http.Client) (*http.Response, error) {
	for {
		resp, err := c.Get("u") // want `resp.Body \(HTTP response from c.Get\) is not closed on a path that goes round the loop to line 17, where resp takes the next one, so its connection is not reused or freed until the body is read to its end: call resp.Body.Close\(\) on that path before the next iteration`
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusOK {
			return resp, nil
		}
		time.Sleep(time.Second)
	}
}

func retryAssign(c *http.Client) error {
	var resp *http.Response
	var err error
	for i := 0; i < 3; i++ {
		resp, err = c.Get("u") // want `resp.Body \(HTTP response from c.Get\) is not closed on a path that goes round the loop to line 32`
		if err == nil && resp.StatusCode == http.StatusOK {
			break
		}
	}
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return nil
}

func retryClosing(c *http.Client) (*http.Response, error) {
	for {
		resp, err := c.Get("u") // quiet: a bad attempt's body is closed before the next
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusOK {
			return resp, nil
		}
		resp.Body.Close()
	}
}

func retryOnError(c *http.Client) (*http.Response, error) {
	for {
		resp, err := c.Get("u") // quiet: only a failed attempt goes round, and it holds no response
		if err != nil {
			continue
		}
		return resp, nil
	}
}

func overwritten(a, b string) error {
	f, err := os.Open(a) // want `f \(file from os.Open\) is not closed before f is assigned again at line 72, so its file descriptor leaks: call f.Close\(\) before that assignment`
	if err != nil {
		return err
	}
	f, err = os.Open(b)
	if err != nil {
		return err
	}
	return f.Close()
}

func fallback(a, b string) (*os.File, error) {
	f, err := os.Open(a) // quiet: the second open runs only when the first failed
	if err != nil {
		f, err = os.Open(b)
	}
	return f, err
}

type wrapped struct{ *os.File }

func rewrap(name string) (*wrapped, error) {
	f, err := os.Open(name) // quiet: the new value derives from the old one
	if err != nil {
		return nil, err
	}
	w := &wrapped{f}
	f = w.File
	return w, nil
}

func closedFirst(a, b string) error {
	f, err := os.Open(a) // quiet: closed before the variable takes the next file
	if err != nil {
		return err
	}
	f.Close()
	f, err = os.Open(b)
	if err != nil {
		return err
	}
	return f.Close()
}

var errBusy = errors.New("busy")

const maxAttempts = 3

// A retry that returns the last attempt's response closes a bad attempt's body
// only when another attempt follows: the guard that keeps it open is the loop's
// exit, tested one step early. The path that skips the close ends the loop.
func retryKeepsLast(c *http.Client) (*http.Response, error) {
	var resp *http.Response
	var err error
	for i := 0; i < maxAttempts; i++ {
		resp, err = c.Get("u") // quiet: only the last attempt's body stays open, and it is returned
		if err == nil && resp.StatusCode < 500 {
			break
		} else if err == nil && i+1 < maxAttempts {
			resp.Body.Close()
		}
		time.Sleep(time.Second)
	}
	return resp, err
}

func retryKeepsLastOfN(c *http.Client, attempts int) (*http.Response, error) {
	var resp *http.Response
	var err error
	for i := 0; i < attempts; i++ {
		resp, err = c.Get("u") // quiet: i != attempts-1 says another attempt follows, and the bound is a fixed parameter
		if err == nil && resp.StatusCode < 500 {
			break
		}
		if err == nil && i != attempts-1 {
			resp.Body.Close()
		}
	}
	return resp, err
}

func retryCountingDown(c *http.Client) (*http.Response, error) {
	var resp *http.Response
	var err error
	for left := maxAttempts; left > 0; left-- {
		resp, err = c.Get("u") // quiet: counting down, left > 1 says another attempt follows
		if err == nil && resp.StatusCode < 500 {
			break
		} else if err == nil && left > 1 {
			resp.Body.Close()
		}
	}
	return resp, err
}

func retryBoundMoved(c *http.Client, attempts int) (*http.Response, error) {
	var resp *http.Response
	var err error
	for i := 0; i < attempts; i++ {
		resp, err = c.Get("u") // want `resp.Body \(HTTP response from c.Get\) is not closed on a path that goes round the loop to line 167`
		if err == nil && resp.StatusCode < 500 {
			break
		}
		if err == nil && i != attempts-1 {
			resp.Body.Close()
		} else if err == nil {
			attempts++ // one more try: the guard no longer marks the last one
		}
	}
	return resp, err
}

func retryGuardOffByOne(c *http.Client) (*http.Response, error) {
	var resp *http.Response
	var err error
	for i := 0; i < maxAttempts; i++ {
		resp, err = c.Get("u") // want `resp.Body \(HTTP response from c.Get\) is not closed on a path that goes round the loop to line 184`
		if err == nil && resp.StatusCode < 500 {
			break
		} else if err == nil && i+2 < maxAttempts {
			resp.Body.Close() // the second-to-last attempt's body is left open
		}
	}
	return resp, err
}

func retryCounterMoved(c *http.Client) (*http.Response, error) {
	var resp *http.Response
	var err error
	for i := 0; i < maxAttempts; i++ {
		resp, err = c.Get("u") // want `resp.Body \(HTTP response from c.Get\) is not closed on a path that goes round the loop to line 198`
		if err == nil && resp.StatusCode < 500 {
			break
		} else if err == nil && i+1 < maxAttempts {
			resp.Body.Close()
		}
		if resp != nil && resp.StatusCode == http.StatusTooManyRequests {
			i-- // a throttled attempt does not count: the guard no longer marks the last one
		}
	}
	return resp, err
}
