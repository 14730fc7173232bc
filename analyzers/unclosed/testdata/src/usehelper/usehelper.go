package usehelper

import (
	"os"
	"testing"

	"helper"
)

func leaksConfig(dir string) error {
	f, err := helper.OpenConfig(dir) // want `f \(file from helper.OpenConfig\) is not closed`
	if err != nil {
		return err
	}
	helper.Drain(f)
	return nil
}

func leaksFetch(url string) error {
	resp, err := helper.Fetch(url) // want `resp.Body \(HTTP response from helper.Fetch\) is not closed`
	if err != nil {
		return err
	}
	_ = resp.Status
	return nil
}

func leaksConn(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	c := helper.NewConn(f) // want `c \(the \*helper.Conn from helper.NewConn, holding the file from os.Open\) is not closed on any path`
	_ = c
	return nil
}

// True negatives.

func connClosed(name string) error {
	f, err := os.Open(name) // quiet: the Conn that holds it is closed
	if err != nil {
		return err
	}
	c := helper.NewConn(f)
	return c.Close()
}

func helperCloses(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer helper.CloseQuietly(f)
	helper.Drain(f)
	return nil
}

func helperKeeps(p *helper.Pool, name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	p.Keep(f)
	return nil
}

func genericHelper(a, b string) error {
	fa, err := os.Open(a)
	if err != nil {
		return err
	}
	fb, err := os.Open(b)
	if err != nil {
		fa.Close()
		return err
	}
	defer helper.CloseAll(fa, fb)
	return nil
}

func configClosed(dir string) error {
	f, err := helper.OpenConfig(dir)
	if err != nil {
		return err
	}
	return f.Close()
}

func genericAcquirer(name string) error {
	f, err := helper.OpenAs[int](name) // want `f \(file from helper.OpenAs\[int\]\) is not closed`
	if err != nil {
		return err
	}
	_ = f.Name()
	return nil
}

func genericHolder(h *helper.Holder[*os.File], name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	h.Add(f)
	return nil
}

// caddy caddytest.go: a helper that closes the body and returns the response is no
// acquirer.
func closedBeforeReturn(url string) {
	resp, _ := helper.FetchAndRead(url)
	_ = resp.StatusCode
}

// Another package's assertion, known from its fact: the call is expected to fail,
// so there is no file after it.
func expectedFailure(t *testing.T) {
	f, err := os.Open("/does/not/exist")
	helper.WantError(t, err)
	_ = f
}

// variadicCloser passes the file to helper.QuietClose, which ranges over its
// variadic parameter and closes each element (its fact, across packages):
// that line releases the file, it does not hand it on, so the advice is the
// ordinary one (antithesis-sdk-go's CopyRecursiveDir, measurement 16).
func variadicCloser(name string, check func() error) error {
	f, err := os.Open(name) // want `f \(file from os.Open\) is not closed on the path to the return at line 133, so its file descriptor leaks: call f.Close\(\) on that path too, as the function does on the others`
	if err != nil {
		return err
	}
	if err := check(); err != nil {
		return err
	}
	if _, err := f.ReadDir(0); err != nil {
		helper.QuietClose(f)
		return err
	}
	return f.Close()
}

// variadicKeeper is the same shape with a variadic helper that keeps its
// arguments: the file is handed on there, and the advice says so.
func variadicKeeper(p *helper.Pool, name string, check func() error) error {
	f, err := os.Open(name) // want `call f.Close\(\) on each path that does not hand it on as line 152 does \(a deferred release would take it from its new owner\)`
	if err != nil {
		return err
	}
	if err := check(); err != nil {
		return err
	}
	p.KeepAll(f)
	return nil
}
