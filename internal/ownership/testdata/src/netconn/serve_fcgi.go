package netconn

import (
	"net"
	"net/http/fcgi"
)

// True negative: fcgi.Serve, like http.Serve, serves on the listener as long as it
// accepts: the listener is its.
func serveFastCGI(addr string) error {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return fcgi.Serve(l, nil)
}

// True positive: a listener handed to no server.
func listenOnly(addr string) (string, error) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return "", err
	}
	return l.Addr().String(), nil
}
