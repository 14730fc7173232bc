package cobraaction

import "testing"

// A table test that goes on after the error is bounded by the test run: it
// does not keep readFromURL's error from stopping the command (krew's
// install_test.go, measurement 12).
func TestReadFromURL(t *testing.T) {
	for _, url := range []string{"http://x/ok", "http://x/404"} {
		if _, err := readFromURL(url); err != nil {
			t.Log(err)
		}
	}
}
