package handoff

// Round 22 (measurement 25): the File method of a net listener or connection
// returns an *os.File holding a duplicate of the socket's descriptor. A file
// that leaves the function the way a descriptor number would (returned, stored,
// or kept in a variable that is) hands the socket on: its receiver holds the
// socket through it, and closing the listener would undo what they hold it for
// (a UnixListener's Close unlinks the socket's path).

import (
	"errors"
	"net"
	"os"
	"syscall"
)

// Quiet: wireguard's UAPIOpen. Each listener's socket is returned as a file,
// and a deferred listener.Close() would unlink the path the caller serves on.
func uapiOpen(addr *net.UnixAddr) (*os.File, error) {
	listener, err := net.ListenUnix("unix", addr)
	if err == nil {
		return listener.File()
	}
	if _, err := net.Dial("unix", addr.Name); err == nil {
		return nil, errors.New("unix socket in use")
	}
	listener, err = net.ListenUnix("unix", addr)
	if err != nil {
		return nil, err
	}
	return listener.File()
}

// Quiet: the file is kept in a local variable that is then returned.
func listenerFile(addr *net.TCPAddr) (*os.File, error) {
	l, err := net.ListenTCP("tcp", addr)
	if err != nil {
		return nil, err
	}
	f, err := l.File()
	if err != nil {
		return nil, err
	}
	return f, nil
}

type inherited struct{ files []*os.File }

// Quiet: a connection's file stored in a composite value that is kept (handed
// to a child process by its owner).
func (h *inherited) keepConn(addr *net.TCPAddr) error {
	c, err := net.DialTCP("tcp", nil, addr)
	if err != nil {
		return err
	}
	f, err := c.File()
	if err != nil {
		return err
	}
	h.files = []*os.File{f}
	return nil
}

// The file used in place and closed: the listener still owns its socket, and
// nothing closes it.
func listenerBuffer(addr *net.TCPAddr) error {
	l, err := net.ListenTCP("tcp", addr) // want `l \(listener from net.ListenTCP\) is not closed on any path, so the address stays bound`
	if err != nil {
		return err
	}
	f, err := l.File()
	if err != nil {
		return err
	}
	defer f.Close()
	return syscall.SetsockoptInt(int(f.Fd()), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 1<<20)
}

// The file dropped: the same.
func listenerFileDropped(addr *net.UnixAddr) error {
	l, err := net.ListenUnix("unix", addr) // want `l \(listener from net.ListenUnix\) is not closed on any path, so the address stays bound`
	if err != nil {
		return err
	}
	_, err = l.File()
	return err
}
