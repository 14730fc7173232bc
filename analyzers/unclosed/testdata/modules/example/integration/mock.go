package integration

// A directory named integration holds a module's integration tests and their
// support (gorqlite's mock server, measurement 10): it runs under a test, once
// per run.

import "net/http"

func Forward(url string) (int, error) {
	resp, err := http.Get(url) // quiet: test-support code, which a test run bounds
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
