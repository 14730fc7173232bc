package handoff

// Round 22 (measurement 25): a use that looks like a hand-on (a call the
// analysis cannot see into, a local alias) after the function's own deferred
// release of the same value hands no ownership on: the function still releases
// it when it returns. The leak is on an early return before the defer, and the
// advice is to move the defer up (hc-install's releasesjson).

import (
	"fmt"
	"io"
	"net/http"
	"os"
)

type sumsChecker struct {
	check func(sums, sig io.Reader) error
}

// hc-install's checksum_downloader.go: sigResp.Body goes to a check that only
// reads it, after defer sigResp.Body.Close().
func (c *sumsChecker) download(client *http.Client, sigURL string, sums io.Reader) error {
	sigResp, err := client.Get(sigURL) // want `sigResp.Body \(HTTP response from client.Get\) is not closed on the path to the return at line 28, so its connection is not reused or freed until the body is read to its end: move defer sigResp.Body.Close\(\) at line 30 up to right after the error check, so that it runs on the returns before it too`
	if err != nil {
		return err
	}
	if sigResp.StatusCode != 200 {
		return fmt.Errorf("failed to download signature: %s", sigResp.Status)
	}
	defer sigResp.Body.Close()
	return c.check(sums, sigResp.Body)
}

// hc-install's downloader.go: a local alias of the body after the defer.
func downloadArchive(client *http.Client, url string, dst *os.File) (int64, error) {
	resp, err := client.Get(url) // want `resp.Body \(HTTP response from client.Get\) is not closed on the path to the return at line 41, so its connection is not reused or freed until the body is read to its end: move defer resp.Body.Close\(\) at line 43 up to right after the error check, so that it runs on the returns before it too`
	if err != nil {
		return 0, err
	}
	if resp.StatusCode != 200 {
		return 0, fmt.Errorf("failed to download archive: %s", resp.Status)
	}
	defer resp.Body.Close()
	pkgReader := resp.Body
	return io.Copy(dst, pkgReader)
}

// The same check with no deferred release: the check may keep the body, and
// the advice stays with the paths that do not hand it on.
func (c *sumsChecker) downloadHanded(client *http.Client, sigURL string, sums io.Reader) error {
	sigResp, err := client.Get(sigURL) // want `call sigResp.Body.Close\(\) on each path that does not hand it on as line 58 does \(a deferred release would take it from its new owner\)`
	if err != nil {
		return err
	}
	if sigResp.StatusCode != 200 {
		return fmt.Errorf("failed to download signature: %s", sigResp.Status)
	}
	return c.check(sums, sigResp.Body)
}
