package acceptloop

// A function that accepts on a listener in a loop that it leaves only when
// Accept fails serves the listener for as long as it can be used: a listener's
// Accept fails for good once it is closed (net.ErrClosed). Its caller hands the
// listener on to it, as to http.Serve.

import (
	"errors"
	"log"
	"net"
)

func handle(c net.Conn) { c.Close() }

func retryable(err error) bool { return !errors.Is(err, net.ErrClosed) }

// serve leaves its loop only when Accept fails for good (measurement 10:
// mailpit's pop3 server).
func serve(l net.Listener) {
	for {
		conn, err := l.Accept()
		if err != nil {
			if !retryable(err) {
				return
			}
			log.Print(err)
			continue
		}
		go handle(conn)
	}
}

// Quiet: serve owns the listener until it is closed.
func listenAndServe(addr string) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		log.Print(err)
		return
	}
	serve(l)
}

// serveBreak leaves the loop with a break under the test of Accept's error.
func serveBreak(l net.Listener) error {
	var last error
	for {
		conn, err := l.Accept()
		if err != nil {
			last = err
			break
		}
		go handle(conn)
	}
	return last
}

// Quiet: the same with a break.
func listenAndServeBreak(addr string) error {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return serveBreak(l)
}

// The same shapes without the fact: the loop ends while the listener can still
// accept, and the caller must close it.

// serveUntilStopped returns when stop is closed, with the listener open.
func serveUntilStopped(l net.Listener, stop chan struct{}) {
	for {
		select {
		case <-stop:
			return
		default:
		}
		conn, err := l.Accept()
		if err != nil {
			return
		}
		go handle(conn)
	}
}

// Reported: serveUntilStopped may return with the listener open.
func listenUntilStopped(addr string, stop chan struct{}) {
	l, err := net.Listen("tcp", addr) // want `l \(listener from net.Listen\) is not closed on any path, so the address stays bound`
	if err != nil {
		log.Print(err)
		return
	}
	serveUntilStopped(l, stop)
}

// serveSome returns before its loop when n is not positive.
func serveSome(l net.Listener, n int) {
	if n <= 0 {
		return
	}
	for {
		conn, err := l.Accept()
		if err != nil {
			return
		}
		go handle(conn)
	}
}

// Reported: serveSome may return without accepting at all.
func listenSome(addr string, n int) {
	l, err := net.Listen("tcp", addr) // want `l \(listener from net.Listen\) is not closed on any path, so the address stays bound`
	if err != nil {
		log.Print(err)
		return
	}
	serveSome(l, n)
}

// serveOne leaves its loop after the first connection.
func serveOne(l net.Listener) {
	for {
		conn, err := l.Accept()
		if err != nil {
			continue
		}
		handle(conn)
		break
	}
}

// Reported: serveOne returns after one connection, the listener still open.
func listenOne(addr string) {
	l, err := net.Listen("tcp", addr) // want `l \(listener from net.Listen\) is not closed on any path, so the address stays bound`
	if err != nil {
		log.Print(err)
		return
	}
	serveOne(l)
}
