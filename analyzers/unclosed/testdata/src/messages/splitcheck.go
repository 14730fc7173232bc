package messages

import (
	"fmt"
	"io"
	"net/http"
)

// Measurement 22 (certificate-transparency-go's x509util.GetIssuer): the leaking
// return is the body of an if that ORs the error test with a status test. No
// deferred release fits that return: before the if it runs on a nil response
// when the call fails, after it it comes too late. The advice is to split the
// check, and no fix is offered (the error check is not a plain if err != nil).

func combinedWithLaterDefer(client *http.Client, url string) ([]byte, error) {
	rsp, err := client.Get(url) // want `rsp.Body \(HTTP response from client.Get\) is not closed on the path to the return at line 18, so its connection is not reused or freed until the body is read to its end: split the check at line 17: return on err != nil alone first \(a release before it would run on a nil value\), then move defer rsp.Body.Close\(\) at line 20 up to there, then test rsp.StatusCode != http.StatusOK`
	if err != nil || rsp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("get %q: %v", url, err)
	}
	defer rsp.Body.Close()
	return io.ReadAll(rsp.Body)
}

func combinedNoRelease(client *http.Client, url string) (int64, error) {
	rsp, err := client.Get(url) // want `rsp.Body \(HTTP response from client.Get\) is not closed on any path, so its connection is not reused or freed until the body is read to its end: split the check at line 26: return on err != nil alone first \(a release before it would run on a nil value\), then defer rsp.Body.Close\(\), then test rsp.StatusCode != http.StatusOK \|\| rsp.ContentLength == 0`
	if rsp.StatusCode != http.StatusOK || err != nil || rsp.ContentLength == 0 {
		return 0, fmt.Errorf("get %q: %v", url, err)
	}
	return rsp.ContentLength, nil
}

// A plain error check keeps the plain advice: the deferred release goes right
// after it.
func plainCheck(client *http.Client, url string) error {
	rsp, err := client.Get(url) // want `rsp.Body \(HTTP response from client.Get\) is not closed on the path to the return at line 40, so its connection is not reused or freed until the body is read to its end: move defer rsp.Body.Close\(\) at line 42 up to right after the error check`
	if err != nil {
		return err
	}
	if rsp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %s", rsp.Status)
	}
	defer rsp.Body.Close()
	return nil
}
