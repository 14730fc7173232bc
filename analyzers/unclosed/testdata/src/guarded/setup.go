package guarded

import "net"

// From erigon's discovery set-up (measurement 40): the server's configuration
// fields decide which transports take the connection. A combination that takes
// none returned before the listen; a variable set up on some paths only is nil
// on the others.

type discoveryV4 struct{ conn net.PacketConn }
type discoveryV5 struct{ conn net.PacketConn }

func listenV4(c net.PacketConn) *discoveryV4 { return &discoveryV4{conn: c} }
func listenV5(c net.PacketConn) *discoveryV5 { return &discoveryV5{conn: c} }

type sharedConn struct {
	net.PacketConn
	unhandled chan []byte
}

type server struct {
	NoDiscovery, DiscoveryV5 bool
	v4                       *discoveryV4
	v5                       *discoveryV5
}

func (srv *server) setupDiscovery(addr string) error {
	if srv.NoDiscovery && !srv.DiscoveryV5 {
		return nil
	}
	conn, err := net.ListenPacket("udp", addr) // quiet: every path the configuration allows hands it on
	if err != nil {
		return err
	}
	var sconn *sharedConn
	if !srv.NoDiscovery {
		if srv.DiscoveryV5 {
			sconn = &sharedConn{conn, make(chan []byte)}
		}
		srv.v4 = listenV4(conn)
	}
	if srv.DiscoveryV5 {
		if sconn != nil {
			srv.v5 = listenV5(sconn)
		} else {
			srv.v5 = listenV5(conn)
		}
	}
	return nil
}

// Without the early exit, the configuration that takes neither transport leaves
// the connection open.
func (srv *server) setupAnyway(addr string) error {
	conn, err := net.ListenPacket("udp", addr) // want `conn \(packet connection from net.ListenPacket\) is not closed on the path to the return at line 65`
	if err != nil {
		return err
	}
	if !srv.NoDiscovery {
		srv.v4 = listenV4(conn)
	}
	if srv.DiscoveryV5 {
		srv.v5 = listenV5(conn)
	}
	return nil
}
