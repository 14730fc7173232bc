package integration

// A directory named integration holds a module's integration tests and their
// support (gorqlite's mock server, measurement 10): it runs under a test, once
// per run.

import (
	"errors"
	"net/http"
	"time"
)

func Forward(url string) (int, error) {
	resp, err := http.Get(url) // quiet: test-support code, which a test run bounds
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// WaitForReady polls until the server answers, for ten seconds at most.
func WaitForReady(url string) error {
	start := time.Now()
	for {
		// known false positive: a poll in test support is reported as a leak
		// that repeats with the loop (measurement 10: gorqlite's mock server),
		// though the sleep and the timeout bound it to ten rounds, and the first
		// answer is usually the one that ends it.
		resp, err := http.Get(url) // want `resp.Body \(HTTP response from http.Get\) is not closed on any path`
		if err == nil && resp.StatusCode == http.StatusOK {
			return nil
		}
		time.Sleep(time.Second)
		if time.Since(start) > 10*time.Second {
			return errors.New("timeout")
		}
	}
}
