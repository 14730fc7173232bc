package usehelper

import (
	"net/http"

	"helper"
)

// A helper that defers the release of the value it returns hands its callers a
// released value (kivik's DoError, measurement 44): nothing to close.
func createDB(c *http.Client, req *http.Request) error {
	_, err := helper.StatusOnly(c, req) // quiet: the response comes back closed
	return err
}

func destroyDB(c *http.Client, req *http.Request) error {
	_, err := helper.StatusOnlyMethod(c, req) // quiet: the response comes back closed
	return err
}

// A helper that returns the response as it got it hands it on: its callers own it.
func usePlain(c *http.Client, req *http.Request) error {
	_, err := helper.PlainWrap(c, req) // want `the HTTP response from helper.PlainWrap is discarded`
	return err
}

// known false negative: a helper that releases the response on a failing path,
// in a deferred literal that tests the error or before an error return, returns
// it open on success, and its callers own it; any release in the helper makes
// its result not fresh.
func fetchChecked(c *http.Client, req *http.Request) error {
	_, err := helper.CleanupOnError(c, req)
	return err
}

func fetchClosedOnError(c *http.Client, req *http.Request) error {
	_, err := helper.ClosedOnError(c, req)
	return err
}
