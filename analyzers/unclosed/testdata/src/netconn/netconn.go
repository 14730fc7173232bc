package netconn

import (
	"bufio"
	"crypto/tls"
	"net"
	"net/http"
	"time"
)

func dialNoClose(addr string) (string, error) {
	conn, err := net.Dial("tcp", addr) // want `conn \(connection from net.Dial\) is not closed on any path, so the connection and its descriptor leak`
	if err != nil {
		return "", err
	}
	line, err := bufio.NewReader(conn).ReadString('\n')
	return line, err
}

func listenNoClose() error {
	l, err := net.Listen("tcp", ":0") // want `l \(listener from net.Listen\) is not closed`
	if err != nil {
		return err
	}
	_ = l.Addr()
	return nil
}

func acceptLoop(l net.Listener) error {
	for {
		conn, err := l.Accept() // want `conn \(connection from l.Accept\) is not closed on the path to the return at line 36`
		if err != nil {
			return err
		}
		if conn.RemoteAddr() == nil {
			return nil
		}
		go handle(conn)
	}
}

func handle(c net.Conn) {
	defer c.Close()
	c.Write([]byte("hi"))
}

func packet() error {
	pc, err := net.ListenPacket("udp", ":0") // want `pc \(packet connection from net.ListenPacket\) is not closed`
	if err != nil {
		return err
	}
	_ = pc.LocalAddr()
	return nil
}

// True negatives.

func dialed(addr string) error {
	conn, err := tls.Dial("tcp", addr, nil)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Handshake()
}

func serve(addr string) error {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return http.Serve(l, nil)
}

func wrapped(addr string) (*tls.Conn, error) {
	raw, err := (&net.Dialer{Timeout: time.Second}).Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	return tls.Client(raw, nil), nil
}

type server struct{ conns map[net.Conn]bool }

func (s *server) track(c net.Conn) { s.conns[c] = true }

func acceptTracked(s *server, l net.Listener) {
	for {
		conn, err := l.Accept()
		if err != nil {
			return
		}
		s.track(conn)
	}
}
