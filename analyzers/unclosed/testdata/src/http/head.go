package http

import (
	"context"
	"io"
	"net/http"
)

// The response to a HEAD request has no body: net/http gives it http.NoBody
// and hands the connection back to the pool before Do returns, as for
// http.Head. Nothing is left to release.

// Quiet: the request's method is HEAD (measurement 10: mailpit's link check).
func headStatus(ctx context.Context, client *http.Client, link string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, "HEAD", link, nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("User-Agent", "test")
	res, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	return res.StatusCode, nil
}

// Quiet: http.MethodHead, with the request declared first.
func headConstant(link string) (int, error) {
	var req *http.Request
	req, err := http.NewRequest(http.MethodHead, link, nil)
	if err != nil {
		return 0, err
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	return res.StatusCode, nil
}

// The same shapes with a body.

// Reported: a GET response's body holds the connection until it is closed.
func getStatus(ctx context.Context, client *http.Client, link string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", link, nil)
	if err != nil {
		return 0, err
	}
	res, err := client.Do(req) // want `res.Body \(HTTP response from client.Do\) is not closed on any path`
	if err != nil {
		return 0, err
	}
	return res.StatusCode, nil
}

// Reported: the method is a parameter, which may be anything.
func anyMethod(client *http.Client, method, link string) (int, error) {
	req, err := http.NewRequest(method, link, nil)
	if err != nil {
		return 0, err
	}
	res, err := client.Do(req) // want `res.Body \(HTTP response from client.Do\) is not closed on any path`
	if err != nil {
		return 0, err
	}
	return res.StatusCode, nil
}

// Reported: the request was built for HEAD, then its method was changed.
func methodChanged(client *http.Client, link string) (int, error) {
	req, err := http.NewRequest(http.MethodHead, link, nil)
	if err != nil {
		return 0, err
	}
	req.Method = http.MethodGet
	res, err := client.Do(req) // want `res.Body \(HTTP response from client.Do\) is not closed on any path`
	if err != nil {
		return 0, err
	}
	return res.StatusCode, nil
}

// Quiet: the variable is given a HEAD request, sent, then given a GET request;
// the value that reaches this Do is the HEAD request (measurement 11:
// go-pmtiles' sync.go:249). The GET's response is read to its end.
func headThenGet(client *http.Client, link string) ([]byte, error) {
	req, err := http.NewRequest("HEAD", link, nil)
	if err != nil {
		return nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	_ = resp.Header.Get("Content-Length")
	req, err = http.NewRequest("GET", link, nil)
	if err != nil {
		return nil, err
	}
	resp, err = client.Do(req)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

// Reported: the GET request assigned after the HEAD one reaches this Do.
func getAfterHead(client *http.Client, link string) (int, error) {
	req, err := http.NewRequest("HEAD", link, nil)
	if err != nil {
		return 0, err
	}
	req, err = http.NewRequest("GET", link, nil)
	if err != nil {
		return 0, err
	}
	res, err := client.Do(req) // want `res.Body \(HTTP response from client.Do\) is not closed on any path`
	if err != nil {
		return 0, err
	}
	return res.StatusCode, nil
}

// Reported: in a loop, the GET request assigned after the Do reaches it from
// the second iteration on.
func getInLoop(client *http.Client, links []string) error {
	req, err := http.NewRequest("HEAD", links[0], nil)
	if err != nil {
		return err
	}
	for _, link := range links {
		res, err := client.Do(req) // want `res.Body \(HTTP response from client.Do\) is not closed on any path`
		if err != nil {
			return err
		}
		_ = res.StatusCode
		req, err = http.NewRequest("GET", link, nil)
		if err != nil {
			return err
		}
	}
	return nil
}
