package http

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// A request made with a context whose cancel function is deferred in the same
// function: when the function returns, the cancel makes the transport close the
// response's connection (its readLoop watches the request's context), so the
// connection is freed at the return whether or not the body was closed.

// Quiet: the deferred cancel frees the connection on the early return too
// (measurement 11: diago's playback_url.go:49).
func fetchWithTimeout(client *http.Client, url string) (int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return 0, err
	}
	res, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	if res.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("status %d", res.StatusCode)
	}
	defer res.Body.Close()
	return res.StatusCode, nil
}

// Reported: the same shape without the deferred cancel; the context is never
// cancelled here, and the early return leaves the connection busy.
func fetchCancelledLater(ctx context.Context, client *http.Client, url string) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		cancel()
		return 0, err
	}
	res, err := client.Do(req) // want `res.Body \(HTTP response from client.Do\) is not closed on the path to the return at line 50`
	if err != nil {
		cancel()
		return 0, err
	}
	if res.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("status %d", res.StatusCode)
	}
	defer cancel()
	defer res.Body.Close()
	return res.StatusCode, nil
}

// Reported: the request carries the caller's context, which outlives this
// function.
func fetchCallerContext(ctx context.Context, client *http.Client, url string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return 0, err
	}
	res, err := client.Do(req) // want `res.Body \(HTTP response from client.Do\) is not closed on the path to the return at line 69`
	if err != nil {
		return 0, err
	}
	if res.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("status %d", res.StatusCode)
	}
	defer res.Body.Close()
	return res.StatusCode, nil
}

// Reported: the cancel deferred is another context's; the request's is never
// cancelled here.
func fetchOtherCancel(client *http.Client, url string) (int, error) {
	_, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, err := http.NewRequestWithContext(context.Background(), "GET", url, nil)
	if err != nil {
		return 0, err
	}
	res, err := client.Do(req) // want `res.Body \(HTTP response from client.Do\) is not closed on the path to the return at line 89`
	if err != nil {
		return 0, err
	}
	if res.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("status %d", res.StatusCode)
	}
	defer res.Body.Close()
	return res.StatusCode, nil
}

// Reported: the deferred cancel frees connections at the return, but each
// round of the loop drops a response whose connection stays busy until then.
func pollWithTimeout(client *http.Client, url string, n int) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return err
	}
	for range n {
		res, err := client.Do(req) // want `res.Body \(HTTP response from client.Do\) is not closed on any path`
		if err != nil {
			return err
		}
		if res.StatusCode == http.StatusOK {
			return nil
		}
	}
	return nil
}

// Quiet: a response discarded (_, err = client.Do(req)) to a request whose
// context's cancel is deferred: the cancel at the return makes the transport
// close its connection, as for a response kept (measurement 13: dendrite's
// phonehomestats).
func discardedCancelled(client *http.Client, url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	_, err = client.Do(req) // quiet: the deferred cancel frees the connection
	return err
}

// Reported: the same discarded response without the deferred cancel.
func discardedNotCancelled(client *http.Client, url string) error {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	_, err = client.Do(req) // want `the HTTP response from client.Do is discarded`
	return err
}
