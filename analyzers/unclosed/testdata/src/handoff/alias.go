package handoff

// A local copy of the body that the function closes itself (document :=
// response.Body; defer document.Close()) is another name for the same body, not
// a new owner: the advice is the deferred release, not a warning against it
// (measurement 12: go-tr064's tr064.go).

import (
	"fmt"
	"io"
	"net/http"
)

func fetchDocument(client *http.Client, url string) ([]byte, error) {
	response, err := client.Get(url) // want `response.Body \(HTTP response from client.Get\) is not closed on the path to the return at line 20, so its connection is not reused or freed until the body is read to its end: release it on every path, for example with defer response.Body.Close\(\) after the error check`
	if err != nil {
		return nil, err
	}
	if response.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %s", response.Status)
	}
	document := response.Body
	defer document.Close()
	return io.ReadAll(document)
}

type holder struct{ body io.ReadCloser }

// A copy into a field is a new owner: the advice keeps the paths that do not
// hand it on to an explicit release.
func (h *holder) keep(client *http.Client, url string) error {
	response, err := client.Get(url) // want `call response.Body.Close\(\) on each path that does not hand it on as line 39 does`
	if err != nil {
		return err
	}
	if response.StatusCode != http.StatusOK {
		return fmt.Errorf("status %s", response.Status)
	}
	h.body = response.Body
	return nil
}
