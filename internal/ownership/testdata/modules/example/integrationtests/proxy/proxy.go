package proxy // want package:"analyzed, acquiring"

// Facts in module mode: a fresh result, returned after a helper that uses it.

import "net"

// Listen returns the connection it opened once setBuffers has used it.
func Listen(addr string) (net.PacketConn, error) { // want Listen:"fresh packetconn in result 0"
	c, err := net.ListenPacket("udp", addr)
	if err != nil {
		return nil, err
	}
	if err := setBuffers(c); err != nil {
		return nil, err
	}
	return c, nil
}

// No fact: setBuffers neither closes nor keeps its connection.
func setBuffers(net.PacketConn) error { return nil }
