package failedtest // want package:"analyzed}$"

// A test helper that fails the test on its own request's error asserts nothing
// about its parameters.

import (
	"net/http"
	"testing"
)

// No fact: throughTB fails the test on an error of its own, and returns on a bad
// status.
func throughTB(tb testing.TB, url string) {
	resp, err := http.Get(url)
	if err != nil {
		tb.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		tb.Fail()
		return
	}
	resp.Body.Close()
}
