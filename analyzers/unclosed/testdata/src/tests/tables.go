package tests

import (
	"net"
	"testing"
)

// A loop counted by a parameter of a function literal written as a case of a
// test's table, called with another field of the same case that the table
// fills with small constants, runs as often as the table says: a case of the
// table, like for range 3 written in the literal itself.

// TestTableRunner is k8s.io/utils's multi-listener test (measurement 18:
// net/multi_listen_test.go:237): each case accepts acceptCalls (0 to 3)
// connections and throws them away.
func TestTableRunner(t *testing.T, l net.Listener) {
	testCases := []struct {
		name        string
		runner      func(l net.Listener, acceptCalls int) error
		acceptCalls int
	}{
		{
			name: "close",
			runner: func(l net.Listener, acceptCalls int) error {
				for range acceptCalls {
					_, err := l.Accept() // quiet: at most three per case, the count the table wrote
					if err != nil {
						return err
					}
				}
				return l.Close()
			},
		},
		{
			name: "pending",
			runner: func(l net.Listener, acceptCalls int) error {
				for i := 0; i < acceptCalls; i++ {
					_, err := l.Accept() // quiet: the same with a three-clause loop
					if err != nil {
						return err
					}
				}
				return nil
			},
			acceptCalls: 3,
		},
	}
	for _, tc := range testCases {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.runner(l, tc.acceptCalls); err != nil {
				t.Error(err)
			}
		})
	}
}

// BenchmarkTableRunner calls the same kind of case with b.N: b.N is no value a
// table wrote, and the loop leaks one connection per round.
func BenchmarkTableRunner(b *testing.B, l net.Listener) {
	cases := []struct {
		run func(l net.Listener, n int)
	}{
		{run: func(l net.Listener, n int) {
			for range n {
				_, err := l.Accept() // want `connection from l.Accept is discarded`
				if err != nil {
					return
				}
			}
		}},
	}
	for _, tc := range cases {
		tc.run(l, b.N)
	}
}

// TestTableLarge fills the count with a stress count: a thousand connections
// per case is a loop whose leak the test feels.
func TestTableLarge(t *testing.T, l net.Listener) {
	cases := []struct {
		run   func(l net.Listener, n int)
		count int
	}{
		{run: func(l net.Listener, n int) {
			for range n {
				_, err := l.Accept() // want `connection from l.Accept is discarded`
				if err != nil {
					return
				}
			}
		}, count: 1000},
	}
	for _, tc := range cases {
		tc.run(l, tc.count)
	}
}

// BenchmarkTableAssigned sets the case's count from b.N before the call: the
// field is no longer only what the table wrote.
func BenchmarkTableAssigned(b *testing.B, l net.Listener) {
	cases := []struct {
		run   func(l net.Listener, n int)
		count int
	}{
		{run: func(l net.Listener, n int) {
			for range n {
				_, err := l.Accept() // want `connection from l.Accept is discarded`
				if err != nil {
					return
				}
			}
		}, count: 2},
	}
	for _, tc := range cases {
		tc.count = b.N
		tc.run(l, tc.count)
	}
}

// acceptN is an ordinary helper: its count is whatever its callers pass.
func acceptN(t *testing.T, l net.Listener, n int) {
	for range n {
		_, err := l.Accept() // want `connection from l.Accept is discarded`
		if err != nil {
			t.Error(err)
			return
		}
	}
}

func TestAcceptMany(t *testing.T, l net.Listener) {
	acceptN(t, l, 1000)
}
