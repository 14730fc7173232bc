package failedtest

// A path that calls t.Error, t.Errorf or t.Fail is a failed run of the test: its
// author acts on the failure, and what the run leaks on its way out is no finding,
// as on a path that ends in t.Fatal. The paths that do not mark the test failed are
// checked as usual.

import (
	"database/sql"
	"net/http"
	"testing"
)

// True positives: the passing run leaks.

func statusOnly(t *testing.T, url string) {
	resp, err := http.Get(url) // want `resp.Body \(HTTP response from http.Get\) is not closed on any path`
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Errorf("status %d", resp.StatusCode)
	}
}

func loggedOnly(t *testing.T, url string) {
	resp, err := http.Get(url) // want `resp.Body \(HTTP response from http.Get\) is not closed on the path to the return at line 33`
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Logf("status %d", resp.StatusCode) // a log marks nothing failed
		return
	}
	resp.Body.Close()
}

// True negatives.

// The call is expected to fail: it leaks only in a run that has already failed.
func expectedToFail(t *testing.T, url string) {
	resp, err := http.Get(url)
	if err == nil {
		t.Errorf("unexpected response: %d", resp.StatusCode)
	}
}

// The early return is taken only once the test has failed.
func returnWhenFailed(t *testing.T, db *sql.DB) {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		t.Fatal(err)
	}
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	if len(cols) != 1 {
		t.Errorf("columns: %v", cols)
	}
	if t.Failed() {
		return
	}
	rows.Close()
}

// A helper type that embeds *testing.T: its Errorf is testing's. Next returning
// false has closed the rows; returning true fails the test.
type dbTest struct {
	*testing.T
	db *sql.DB
}

func (dbt *dbTest) exhausted() {
	rows, err := dbt.db.Query("SELECT 1 WHERE false")
	if err != nil {
		dbt.Fatal(err)
	}
	if rows.Next() {
		dbt.Errorf("unexpected row")
	}
}

// Through the testing.TB interface, with Fail.
func throughTB(tb testing.TB, url string) {
	resp, err := http.Get(url)
	if err != nil {
		tb.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		tb.Fail()
		return
	}
	resp.Body.Close()
}
