package collections

import (
	"net/http"
)

// Outside test code, the table loop of testbounds' TestCases is reported
// with -deferloop.collections: the body is never
// read, so each response keeps its connection until the function returns.
func fetchAll(paths []string) {
	for _, path := range paths {
		res, err := http.Get("http://127.0.0.1:8080" + path)
		if err != nil {
			return
		}
		defer res.Body.Close() // want `res.Body.Close\(\) is deferred in a loop, so every iteration's res.Body stays open until fetchAll returns`
		println(res.StatusCode)
	}
}
