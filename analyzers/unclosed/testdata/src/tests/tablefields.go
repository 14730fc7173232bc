package tests

import (
	"encoding/json"
	"net"
	"net/http"
	"testing"
)

// A loop whose count is a field of the table case (for i := 0; i < tc.n; i++)
// runs as often as the table says when the package gives that field only small
// constants, in the table's composite literals: the table is the test's own
// data, so the loop repeats a fixed, small number of times per case, like for
// range 3 written in place. What it leaks is one case's worth.

// TestTableFieldCount is go-limiter's middleware test (measurement 29:
// httplimit/middleware_test.go:65): each case gets tokens (5, then 3) responses
// and never closes their bodies.
func TestTableFieldCount(t *testing.T, client *http.Client, url string) {
	cases := []struct {
		name   string
		tokens uint64
	}{
		{name: "millisecond", tokens: 5},
		{name: "second", tokens: 3},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for i := uint64(0); i < tc.tokens; i++ {
				resp, err := client.Get(url) // quiet: at most five bodies per case, the count the table wrote
				if err != nil {
					t.Fatal(err)
				}
				t.Log(resp.Header.Get("X-RateLimit-Limit"), tc.tokens-i)
			}
		})
	}
}

// TestTableFieldRange ranges over the field, filled in order ({"a", 2}), and
// converts it (int(tc.n)): the same count either way.
func TestTableFieldRange(t *testing.T, l net.Listener) {
	cases := []struct {
		name string
		n    int32
	}{
		{"one", 1},
		{"two", 2},
	}
	for _, tc := range cases {
		for range tc.n {
			_, err := l.Accept() // quiet: one or two connections, as the table says
			if err != nil {
				t.Error(err)
			}
		}
		for i := 0; i <= int(tc.n); i++ {
			_, err := l.Accept() // quiet: tc.n+1 connections, at most three
			if err != nil {
				t.Error(err)
			}
		}
	}
}

// TestTableFieldExported names the count with an exported field: no code but
// the table's literal can set it, since the package never takes the address
// of a case (through which a decoder would fill it).
func TestTableFieldExported(t *testing.T, l net.Listener) {
	cases := []struct{ Count int }{{Count: 4}}
	for _, tc := range cases {
		for range tc.Count {
			_, err := l.Accept() // quiet: four connections, the count the table wrote
			if err != nil {
				t.Error(err)
			}
		}
	}
}

// TestTableFieldAssigned overwrites the count after the table: a thousand
// connections per case is a stress loop, not what the table wrote.
func TestTableFieldAssigned(t *testing.T, l net.Listener) {
	cases := []struct{ n int }{{n: 2}}
	for _, tc := range cases {
		tc.n = 1000
		for range tc.n {
			_, err := l.Accept() // want `connection from l.Accept is discarded`
			if err != nil {
				t.Error(err)
			}
		}
	}
}

// TestTableFieldIncremented steps a case's count: it is no longer a constant.
func TestTableFieldIncremented(t *testing.T, l net.Listener) {
	cases := []struct{ n int }{{n: 2}}
	cases[0].n++
	for _, tc := range cases {
		for range tc.n {
			_, err := l.Accept() // want `connection from l.Accept is discarded`
			if err != nil {
				t.Error(err)
			}
		}
	}
}

// BenchmarkTableFieldN fills one case's count with b.N: that case repeats once
// per round.
func BenchmarkTableFieldN(b *testing.B, l net.Listener) {
	cases := []struct{ n int }{{n: 2}, {n: b.N}}
	for _, tc := range cases {
		for range tc.n {
			_, err := l.Accept() // want `connection from l.Accept is discarded`
			if err != nil {
				b.Error(err)
			}
		}
	}
}

// TestTableFieldVariable fills a count from a variable: the table no longer
// says how often the loop runs.
func TestTableFieldVariable(t *testing.T, l net.Listener, rounds int) {
	cases := []struct {
		name string
		n    int
	}{{"fixed", 2}, {"given", rounds}}
	for _, tc := range cases {
		for range tc.n {
			_, err := l.Accept() // want `connection from l.Accept is discarded`
			if err != nil {
				t.Error(err)
			}
		}
	}
}

// TestTableFieldLarge writes a stress count in the table: a thousand
// connections per case is a leak the test feels.
func TestTableFieldLarge(t *testing.T, l net.Listener) {
	cases := []struct{ n int }{{n: 3}, {n: 1000}}
	for _, tc := range cases {
		for range tc.n {
			_, err := l.Accept() // want `connection from l.Accept is discarded`
			if err != nil {
				t.Error(err)
			}
		}
	}
}

// BenchmarkTableFieldRounds runs a table count inside the b.N loop: a case's
// few connections leak again in every round.
func BenchmarkTableFieldRounds(b *testing.B, l net.Listener) {
	cases := []struct{ n int }{{n: 2}}
	for range b.N {
		for _, tc := range cases {
			for range tc.n {
				_, err := l.Accept() // want `connection from l.Accept is discarded`
				if err != nil {
					b.Error(err)
				}
			}
		}
	}
}

// TestTableFieldDecoded fills the table from a file: the decoder sets the
// exported count through &cases, to whatever the file says.
func TestTableFieldDecoded(t *testing.T, l net.Listener, data []byte) {
	cases := []struct{ Count int }{{Count: 1}}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		for range tc.Count {
			_, err := l.Accept() // want `connection from l.Accept is discarded`
			if err != nil {
				t.Error(err)
			}
		}
	}
}

// TestTableFieldNegativeStart counts up to the table's count from below zero:
// the loop runs a hundred times more than the table says.
func TestTableFieldNegativeStart(t *testing.T, l net.Listener) {
	cases := []struct{ n int }{{n: 2}}
	for _, tc := range cases {
		for i := -100; i < tc.n; i++ {
			_, err := l.Accept() // want `connection from l.Accept is discarded`
			if err != nil {
				t.Error(err)
			}
		}
	}
}
