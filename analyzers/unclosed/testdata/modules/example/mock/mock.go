package mock

// A directory named mock (or mocks) holds fakes that stand in for a dependency
// under test (go-tr064's mock server, measurement 12): it runs under a test,
// once per run.

import "net/http"

func Fetch(url string) (int, error) {
	response, err := http.Get(url) // quiet: test-support code, which a test run bounds
	if err != nil {
		return 0, err
	}
	return response.StatusCode, nil
}
