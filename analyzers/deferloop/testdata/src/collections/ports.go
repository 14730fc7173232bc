package collections

import (
	"fmt"
	"net"
)

// Every listener is held until return on purpose: a port is reserved only while
// its listener is open, so holding each one keeps the next net.Listen(":0") from
// handing out a port already collected (k8s apiserver's getAvailablePorts). The
// iteration collects the listener's port into ports, read after the loop. Quiet.
func availablePorts(count int) ([]int, error) {
	ports := []int{}
	for i := 0; i < count; i++ {
		l, err := net.Listen("tcp", ":0")
		if err != nil {
			return nil, fmt.Errorf("could not bind to a port: %v", err)
		}
		defer l.Close()
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports, nil
}

// The same through a variable derived from the address, stored by index. Quiet.
func availableAddrs(addrs []string) []string {
	for i := range addrs {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil
		}
		defer l.Close()
		addr := l.Addr().String()
		addrs[i] = addr
	}
	return addrs
}

// A listener whose iteration collects nothing of its address: each stays open
// until return for nothing. Reported.
func probePorts(count int) error {
	for i := 0; i < count; i++ {
		l, err := net.Listen("tcp", ":0")
		if err != nil {
			return err
		}
		defer l.Close() // want `l.Close\(\) is deferred in a loop, so every iteration's l stays open until probePorts returns`
		use(l)
	}
	return nil
}

// The port kept in a plain variable: only the last survives, so holding the
// earlier listeners reserves nothing the function hands on. Reported.
func lastPort(count int) int {
	port := 0
	for i := 0; i < count; i++ {
		l, err := net.Listen("tcp", ":0")
		if err != nil {
			return 0
		}
		defer l.Close() // want `l.Close\(\) is deferred in a loop, so every iteration's l stays open until lastPort returns`
		port = l.Addr().(*net.TCPAddr).Port
	}
	return port
}
