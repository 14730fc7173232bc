package testbounds

import (
	"io"
	"net/http"
)

// Outside test code, the table loop of TestCases is reported.
func fetchAll(paths []string) {
	for _, path := range paths {
		res, err := http.Get("http://127.0.0.1:8080" + path)
		if err != nil {
			return
		}
		defer res.Body.Close() // want `res.Body.Close\(\) is deferred in a loop, so every iteration's res.Body stays open until fetchAll returns`
		io.ReadAll(res.Body)
	}
}
