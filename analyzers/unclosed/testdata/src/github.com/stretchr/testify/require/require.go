// Package require is a stub of testify's require: its functions end the test
// through t.FailNow on an interface, which the body analysis does not follow.
package require

// TestingT is testify's interface.
type TestingT interface {
	Errorf(format string, args ...any)
	FailNow()
}

func NoError(t TestingT, err error, msgAndArgs ...any) {
	if err != nil {
		t.FailNow()
	}
}

func Error(t TestingT, err error, msgAndArgs ...any) {
	if err == nil {
		t.FailNow()
	}
}

func True(t TestingT, value bool, msgAndArgs ...any) {
	if !value {
		t.FailNow()
	}
}
