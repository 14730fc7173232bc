package http

import (
	"context"
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
