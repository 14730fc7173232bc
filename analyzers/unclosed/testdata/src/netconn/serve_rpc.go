package netconn

import (
	"errors"
	"net"
	"net/rpc"
)

// True negative: net/rpc's Accept, like http.Serve, serves on the listener until
// its Accept fails (for good once it is closed): the listener is its
// (measurement 11: aws-lambda-go's rpc_function.go:36).
func serveRPC(addr string) error {
	lis, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	rpc.Accept(lis)
	return errors.New("accept should not have returned")
}

// True negative: the method of a server of its own does the same.
func serveRPCServer(addr string, s *rpc.Server) error {
	lis, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	s.Accept(lis)
	return nil
}

// True positive: one connection is accepted and served; ServeConn takes the
// connection, and nothing takes or closes the listener.
func serveOneRPC(addr string) error {
	lis, err := net.Listen("tcp", addr) // want `lis \(listener from net.Listen\) is not closed on any path, so the address stays bound`
	if err != nil {
		return err
	}
	conn, err := lis.Accept()
	if err != nil {
		return err
	}
	rpc.ServeConn(conn)
	return nil
}
