package netconn // want package:"analyzed"

// Connections: a parameter closed or stored in a field's map is owned, and a
// function parameter that a connection is handed to is owned, since it is called.

import (
	"net"
	"sync/atomic"
)

// handle closes the connection it is given.
func handle(c net.Conn) { // want handle:"owns params \\[0\\]"
	defer c.Close()
	c.Write([]byte("hi"))
}

type server struct{ conns map[net.Conn]bool }

// track keeps the connection in the server's map.
func (s *server) track(c net.Conn) { s.conns[c] = true } // want track:"owns params \\[0\\]"

type acceptor struct {
	l       net.Listener
	stopped atomic.Bool
}

// serveDropping hands each connection to a goroutine calling handle.
func (a *acceptor) serveDropping(handle func(net.Conn)) { // want serveDropping:`owns params \[0\]`
	for {
		conn, err := a.l.Accept()
		if err != nil {
			return
		}
		if !a.stopped.Load() {
			go handle(conn)
		}
	}
}

// serveClosing does the same, and closes the connection it does not hand on.
func (a *acceptor) serveClosing(handle func(net.Conn)) { // want serveClosing:`owns params \[0\]`
	for {
		conn, err := a.l.Accept()
		if err != nil {
			return
		}
		if a.stopped.Load() {
			conn.Close()
			return
		}
		go handle(conn)
	}
}

// acceptLoop leaves its accept loop only when Accept fails, which it does for
// good once l is closed: it serves l for as long as l can be used, as
// http.Serve does, and owns it (resources' servesUntilClosed).
func acceptLoop(l net.Listener) error { // want acceptLoop:"owns params \\[0\\]"
	for {
		conn, err := l.Accept()
		if err != nil {
			return err
		}
		go handle(conn)
	}
}

// No fact: acceptUntilStopped may leave its loop with l still open (when
// stop is closed): l is not owned.
func acceptUntilStopped(l net.Listener, stop chan struct{}) error {
	for {
		select {
		case <-stop:
			return nil
		default:
		}
		conn, err := l.Accept()
		if err != nil {
			return err
		}
		go handle(conn)
	}
}
