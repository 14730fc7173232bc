package netconn

import (
	"net"
	"sync/atomic"
)

// An accept loop hands each connection to a goroutine: a deferred Close would
// close it under the goroutine, so the message asks for a Close on the path that
// drops it.

type acceptor struct {
	l       net.Listener
	stopped atomic.Bool
}

func (a *acceptor) serveDropping(handle func(net.Conn)) {
	for {
		if a.stopped.Load() {
			return
		}
		conn, err := a.l.Accept() // want `conn \(connection from a.l.Accept\) is not closed on the path to the return at line 20, so the connection and its descriptor leak: call conn.Close\(\) on each path that does not hand it on as line 27 does \(a deferred release would take it from its new owner\)`
		if err != nil {
			return
		}
		if !a.stopped.Load() {
			go handle(conn)
		}
	}
}

func (a *acceptor) serveClosing(handle func(net.Conn)) {
	for {
		conn, err := a.l.Accept() // quiet: closed on the path that does not hand it on
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
