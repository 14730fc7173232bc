package tests

import (
	"crypto/tls"
	"net/http"
	"testing"
	"time"
)

// A poll that discards what it dials or gets repeats its leak only when a path
// on which it holds the resource (err == nil) comes back round to the call: a
// failed round holds nothing (the resource is nil when err != nil).

// TestPollTLSDial is open-policy-agent/opa's server test (measurement 17:
// v1/server/server_test.go:6932): failed dials go round again, the first
// success leaves the loop. One connection per test, the test-code default.
func TestPollTLSDial(t *testing.T) {
	var err error
	retries := 10
	for {
		if retries == 0 {
			t.Fatal("failed to start server before deadline")
		}
		_, err = tls.Dial("tcp", "localhost:8443", &tls.Config{}) // quiet: only failed rounds, which hold nothing, go round again
		if err != nil {
			retries--
			time.Sleep(300 * time.Millisecond)
			continue
		}
		t.Log("server started")
		break
	}
	_ = err
}

// TestPollClientDo is the same shape with client.Do (server_test.go:6998).
func TestPollClientDo(t *testing.T) {
	client := &http.Client{}
	retries := 10
	for {
		if retries == 0 {
			t.Fatal("server didn't answer before deadline")
		}
		req, err := http.NewRequest("GET", "https://localhost:8443/v1/data", nil)
		if err != nil {
			t.Fatal(err)
		}
		_, err = client.Do(req) // quiet: the successful round breaks out of the loop
		if err != nil {
			retries--
			time.Sleep(300 * time.Millisecond)
			continue
		}
		break
	}
}

// TestPollCountsSuccesses discards each successful response and goes round
// again until it has seen enough of them: every success leaks a body, once per
// round (the same shape without the break that makes it safe).
func TestPollCountsSuccesses(t *testing.T) {
	client := &http.Client{}
	successes := 0
	for successes < 3 {
		req, err := http.NewRequest("GET", "https://localhost:8443/v1/data", nil)
		if err != nil {
			t.Fatal(err)
		}
		_, err = client.Do(req) // want `the HTTP response from client.Do is discarded`
		if err != nil {
			time.Sleep(300 * time.Millisecond)
			continue
		}
		successes++
	}
}
