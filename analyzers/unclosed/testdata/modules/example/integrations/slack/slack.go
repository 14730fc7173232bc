package slack

// A directory named integrations (plural) holds the product's integrations
// with other services, not tests: its leaks are reported.

import "net/http"

func Post(url string) (int, error) {
	resp, err := http.Get(url) // want `resp.Body \(HTTP response from http.Get\) is not closed on any path`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
