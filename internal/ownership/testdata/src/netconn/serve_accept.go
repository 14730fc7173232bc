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

func (a *acceptor) serveDropping(handle func(net.Conn)) { // want serveDropping:`owns params \[0\]`
	for {
		if a.stopped.Load() {
			return
		}
		conn, err := a.l.Accept()
		if err != nil {
			return
		}
		if !a.stopped.Load() {
			go handle(conn)
		}
	}
}

func (a *acceptor) serveClosing(handle func(net.Conn)) { // want serveClosing:`owns params \[0\]`
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
