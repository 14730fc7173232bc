package testbounds

import (
	"io"
	"net/http"
)

// Quiet: io.ReadAll reads each body to its end, which hands the connection back
// to the pool (or closes it, if the read fails) before the next iteration; the
// deferred Close has nothing left to release. (This was the reported form of
// fetchAll before measurement 5.)
func fetchAllRead(paths []string) {
	for _, path := range paths {
		res, err := http.Get("http://127.0.0.1:8080" + path)
		if err != nil {
			return
		}
		defer res.Body.Close()
		io.ReadAll(res.Body)
	}
}
