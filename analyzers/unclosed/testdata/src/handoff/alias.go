package handoff

// A local copy of the body that the function closes itself (document :=
// response.Body; defer document.Close()) is another name for the same body, not
// a new owner: the advice is the deferred release, not a warning against it
// (measurement 12: go-tr064's tr064.go).

import (
	"fmt"
	"io"
	"net/http"
	"os"
)

func fetchDocument(client *http.Client, url string) ([]byte, error) {
	response, err := client.Get(url) // want `response.Body \(HTTP response from client.Get\) is not closed on the path to the return at line 21, so its connection is not reused or freed until the body is read to its end: release it on every path, for example with defer response.Body.Close\(\) after the error check`
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
	response, err := client.Get(url) // want `call response.Body.Close\(\) on each path that does not hand it on as line 40 does`
	if err != nil {
		return err
	}
	if response.StatusCode != http.StatusOK {
		return fmt.Errorf("status %s", response.Status)
	}
	h.body = response.Body
	return nil
}

// A copy into a local reader is another name for the file, not a new owner
// (measurement 36: go-apk's installer, whose temporary file, copied into the
// reader the function then only reads, was closed on no path while the advice
// forbade the deferred release): what becomes of the file is what the function
// does with either name. Here nothing closes it.
func spool(src io.Reader, dir string, spoolIt bool) error {
	var r io.Reader = src
	if spoolIt {
		f, err := os.CreateTemp(dir, "spool") // want `f \(file from os.CreateTemp\) is not closed on any path, so its file descriptor leaks: release it on every path, for example with defer f.Close\(\) after the error check`
		if err != nil {
			return err
		}
		if _, err := io.Copy(f, src); err != nil {
			return err
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return err
		}
		r = f
	}
	_, err := io.Copy(io.Discard, r)
	return err
}

// The copy closes it: released through the other name. Quiet.
func spoolClosed(dir string) error {
	f, err := os.CreateTemp(dir, "spool")
	if err != nil {
		return err
	}
	var rc io.ReadCloser = f
	defer rc.Close()
	_, err = io.Copy(io.Discard, rc)
	return err
}

// The copy is returned: handed on through the other name. Quiet.
func spoolReturned(dir string) (io.Reader, error) {
	var r io.Reader
	f, err := os.CreateTemp(dir, "spool")
	if err != nil {
		return nil, err
	}
	r = f
	return r, nil
}

// A copy of the copy, stored in a field: handed on. Quiet.
func (h *holder) spoolKept(dir string) error {
	f, err := os.CreateTemp(dir, "spool")
	if err != nil {
		return err
	}
	rc := io.ReadCloser(f)
	r := rc
	h.body = r
	return nil
}

// A copy whose address is taken may be handed on through the pointer: the copy
// counts as handing the file on, as before. Quiet on the paths after it.
func spoolPointer(dir string, take func(*io.Reader)) error {
	var r io.Reader
	f, err := os.CreateTemp(dir, "spool")
	if err != nil {
		return err
	}
	r = f
	take(&r)
	return nil
}

// The variable takes a new file after an earlier one was returned: that return
// hands on the opened file, not the created one, and the advice for the created
// one names no hand-on (measurement 36: go-apk's PackageData).
func openOrCreate(name string, data []byte) (*os.File, error) {
	f, err := os.Open(name)
	if err == nil {
		return f, nil
	}
	f, err = os.Create(name) // want `f \(file from os.Create\) is not closed on the path to the return at line \d+, so its file descriptor leaks: call f.Close\(\) on that path too, as the function does on the others`
	if err != nil {
		return nil, err
	}
	if _, err := f.Write(data); err != nil {
		return nil, err
	}
	if err := f.Close(); err != nil {
		return nil, err
	}
	return os.Open(name)
}
