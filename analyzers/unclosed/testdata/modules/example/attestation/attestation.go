package attestation

// attestation only contains test: a product's package, whose leaks are reported.

import "net/http"

func Fetch(url string) int {
	res, err := http.Get(url) // want `res.Body \(HTTP response from http.Get\) is not closed on any path`
	if err != nil {
		return 0
	}
	return res.StatusCode
}
