package main

// A directory whose dash-separated part starts with test (upgrade-tests) holds
// a test harness: it runs by hand or under a test, once per run.

import "net/http"

func fetch(url string) int {
	res, err := http.Get(url) // quiet: test-support code (a dash-separated part of the directory's name starts with test)
	if err != nil {
		return 0
	}
	return res.StatusCode
}

func main() {
	for _, u := range []string{"a", "b"} {
		println(fetch(u))
	}
}
