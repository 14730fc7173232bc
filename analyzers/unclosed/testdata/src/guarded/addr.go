package guarded

import (
	"net"
	"net/http"
)

// A comparison of a string nothing assigns with a constant answers every test
// as it did the first: the listener is opened under addr != "" and handed to
// Serve under the same test, so the return is reached without it only where
// addr == "", where nothing was opened (istio's startMonitor, measurement 30).
// Quiet.
func serveIfAddr(addr string, srv *http.Server) error {
	var listener net.Listener
	if addr != "" {
		var err error
		if listener, err = net.Listen("tcp", addr); err != nil {
			return err
		}
	}
	if addr != "" {
		srv.Addr = listener.Addr().String()
	}
	if addr != "" {
		go srv.Serve(listener)
	}
	return nil
}

// The same shape with addr assigned between: the second test may answer
// otherwise.
func serveAddrChanges(addr string, srv *http.Server) error {
	var listener net.Listener
	if addr != "" {
		var err error
		if listener, err = net.Listen("tcp", addr); err != nil { // want `listener \(listener from net.Listen\) is not closed on the path to the return at line 44`
			return err
		}
		addr = listener.Addr().String()
	}
	if addr != "" {
		go srv.Serve(listener)
	}
	return nil
}

// The second test compares with another constant: it says nothing of addr != "".
func serveOtherAddr(addr string, srv *http.Server) error {
	var listener net.Listener
	if addr != "" {
		var err error
		if listener, err = net.Listen("tcp", addr); err != nil { // want `listener \(listener from net.Listen\) is not closed on the path to the return at line 59`
			return err
		}
	}
	if addr != ":0" {
		go srv.Serve(listener)
	}
	return nil
}

// A package-level address may change between the tests (another goroutine, any
// call): no fact of the path.
var listenAddr string

func serveGlobalAddr(srv *http.Server) error {
	var listener net.Listener
	if listenAddr != "" {
		var err error
		if listener, err = net.Listen("tcp", listenAddr); err != nil { // want `listener \(listener from net.Listen\) is not closed on the path to the return at line 77`
			return err
		}
	}
	if listenAddr != "" {
		go srv.Serve(listener)
	}
	return nil
}
