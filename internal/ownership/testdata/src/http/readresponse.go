package http

import (
	"bufio"
	"net/http"
)

// testResponse answers a request from an in-memory buffer, as a framework's test
// helper does (fiber's app.Test): http.ReadResponse's Body only reads the caller's
// reader, there is no connection to free. Quiet, here and in its callers.
func testResponse(buf *bufio.Reader, req *http.Request) (*http.Response, error) {
	return http.ReadResponse(buf, req)
}

func statusOfTestResponse(buf *bufio.Reader, req *http.Request) int {
	resp, err := testResponse(buf, req)
	if err != nil {
		return 0
	}
	return resp.StatusCode
}
