package mockingbird

// Only a directory named exactly mock or mocks is test support: mockingbird
// names a product, and its leaks are reported.

import "net/http"

func Fetch(url string) (int, error) {
	response, err := http.Get(url) // want `response.Body \(HTTP response from http.Get\) is not closed on any path`
	if err != nil {
		return 0, err
	}
	return response.StatusCode, nil
}
