package asserts // want package:"analyzed"

// The asserts fact: a function returns only when one of its parameters holds (a
// condition true, an error nil or not nil), or never returns. It is read from
// the function's body, not its name.

import (
	"errors"
	"log"
	"os"
	"testing"
)

// requireTrue ends the test unless cond holds.
func requireTrue(t *testing.T, cond bool) { // want requireTrue:"asserts param 1 true"
	t.Helper()
	if !cond {
		t.Fatal("assertion failed")
	}
}

// assert does the same through testing.TB.
func assert(tb testing.TB, cond bool, msg string) { // want assert:"asserts param 1 true"
	if !cond {
		tb.Fatalf("assertion failed: %s", msg)
	}
}

// must panics on an error.
func must(err error) { // want must:"asserts param 0 nil"
	if err != nil {
		panic(err)
	}
}

// check returns on a nil error and exits the process on any other.
func check(err error) { // want check:"asserts param 0 nil"
	if err == nil {
		return
	}
	log.Fatal(err)
}

// fatalf ends the test on every path.
func fatalf(t *testing.T, format string, args ...any) { // want fatalf:"never returns"
	t.Fatalf(format, args...)
}

// noError asserts through another assertion helper, fatalf.
func noError(t *testing.T, err error) { // want noError:"asserts param 1 nil"
	if err != nil {
		fatalf(t, "unexpected error: %v", err)
	}
}

// A failure is what wantErr asserts, through requireTrue(t, err != nil).
func wantErr(t *testing.T, err error) { // want wantErr:"asserts param 1 non-nil"
	requireTrue(t, err != nil)
}

// No fact: mustNotExist is named like must, but it ends the test on any error
// but one kind: its body says nothing about a nil error.
func mustNotExist(t *testing.T, err error) {
	if !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
}

// No fact: logOnly logs the error and returns.
func logOnly(t *testing.T, err error) {
	if err != nil {
		t.Log(err)
	}
}
