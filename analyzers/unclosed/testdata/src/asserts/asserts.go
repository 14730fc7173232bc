package asserts

// A project's own assertion helpers: a call that cannot return normally when the
// error it is given is set (or the condition it is given is false) ends that path,
// as if err != nil { t.Fatal(err) } stood there. Read from the helper's body, not
// its name.

import (
	"errors"
	"log"
	"net/http"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

func requireTrue(t *testing.T, cond bool) {
	t.Helper()
	if !cond {
		t.Fatal("assertion failed")
	}
}

func assert(tb testing.TB, cond bool, msg string) {
	if !cond {
		tb.Fatalf("assertion failed: %s", msg)
	}
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func check(err error) {
	if err == nil {
		return
	}
	log.Fatal(err)
}

func fatalf(t *testing.T, format string, args ...any) {
	t.Fatalf(format, args...)
}

// noError goes through another helper.
func noError(t *testing.T, err error) {
	if err != nil {
		fatalf(t, "unexpected error: %v", err)
	}
}

func wantErr(t *testing.T, err error) {
	requireTrue(t, err != nil)
}

// mustNotExist is named like must but asserts a failure of a kind: its body says
// nothing about a nil error, so it is no assertion.
func mustNotExist(t *testing.T, err error) {
	if !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
}

// logOnly logs and returns: no assertion.
func logOnly(t *testing.T, err error) {
	if err != nil {
		t.Log(err)
	}
}

// True negatives.

// The call is expected to fail: after requireTrue(t, err != nil) there is no file.
func expectedFailure(t *testing.T) {
	f, err := os.Open("/does/not/exist")
	requireTrue(t, err != nil)
	_ = f
}

func expectedFailureAssert(t *testing.T) {
	resp, err := http.Get("http://invalid.invalid/")
	assert(t, err != nil, "want an error")
	_ = resp
}

func expectedFailureWantErr(t *testing.T) {
	f, err := os.Open("/does/not/exist")
	wantErr(t, err)
	_ = f
}

func expectedFailureTestify(t *testing.T) {
	resp, err := http.Get("http://invalid.invalid/")
	require.Error(t, err)
	_ = resp
}

// A discarded file of a call expected to fail.
func discardedExpectedFailure(t *testing.T) {
	_, err := os.Open("/does/not/exist")
	requireTrue(t, err != nil)
}

// Named like must, but its body expects a failure: the discarded file is not
// reported (the name list of old would have).
func discardedMustNotExist(t *testing.T) {
	_, err := os.Open("/does/not/exist")
	mustNotExist(t, err)
}

// The helper ends the path on the non-nil error; the file is closed after it.
func mustThenClose(name string) {
	f, err := os.Open(name)
	must(err)
	defer f.Close()
}

// A helper that never returns ends its path: the file leaks only into a failed test.
func fatalHelperEndsPath(t *testing.T, name, mode string) {
	f, err := os.Open(name)
	noError(t, err)
	switch mode {
	case "read":
		f.Close()
	default:
		fatalf(t, "bad mode %q", mode)
	}
}

// True positives.

// assert(t, err == nil) expects success: the file is open after it, and leaks.
func assertSuccessLeaks(t *testing.T, name string) {
	f, err := os.Open(name) // want `f \(file from os.Open\) is not closed on any path`
	assert(t, err == nil, "open")
	_ = f.Name()
}

func checkThenLeak(name string) {
	f, err := os.Open(name) // want `f \(file from os.Open\) is not closed on any path`
	check(err)
	_ = f.Name()
}

// A helper that only logs does not end the path.
func logOnlyLeaks(t *testing.T, name string) error {
	f, err := os.Open(name) // want `f \(file from os.Open\) is not closed on any path`
	logOnly(t, err)
	if err != nil {
		return err
	}
	return errors.New(f.Name())
}

func discardedMust() {
	_, err := os.Create("x") // want `the file from os.Create is discarded`
	must(err)
}

func discardedNoError(t *testing.T) {
	_, err := os.Create("x") // want `the file from os.Create is discarded`
	noError(t, err)
}

func discardedRequireTrue(t *testing.T) {
	_, err := os.Create("x") // want `the file from os.Create is discarded`
	requireTrue(t, err == nil)
}

func discardedTestify(t *testing.T) {
	_, err := os.Create("x") // want `the file from os.Create is discarded`
	require.NoError(t, err)
}
