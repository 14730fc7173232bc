package tests

import (
	"crypto/tls"
	"testing"
)

// caServer is a fake ACME server for tests, built with the test's T and keeping
// it (SPIRE's acmetest, measurement 17): a value of it exists only under a
// test, so each of its methods runs under that test, though verify never
// touches ca.t. A connection it drops lives no longer than the test.
type caServer struct {
	t    *testing.T
	addr string
}

func newCAServer(t *testing.T, addr string) *caServer { return &caServer{t: t, addr: addr} }

func (ca *caServer) verify() error {
	conn, err := tls.Dial("tcp", ca.addr, nil) // quiet: a method of a type that holds a test's T
	if err != nil {
		return err
	}
	_ = conn.ConnectionState()
	return nil
}

// prober has the same method in production code: it holds no test's T, and
// every call leaks a connection.
type prober struct {
	addr string
}

func (p *prober) verify() error {
	conn, err := tls.Dial("tcp", p.addr, nil) // want `conn \(connection from tls.Dial\) is not closed on any path`
	if err != nil {
		return err
	}
	_ = conn.ConnectionState()
	return nil
}
