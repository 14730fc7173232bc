package collections

import (
	"io"
	"sync"
)

type udpConn interface {
	io.ReadWriteCloser
}

func dialUDP(addr string) (udpConn, error) { return nil, nil }

const ntpChecks = 3

func checkClock(addr string, rounds int) {
	sntpDrift(addr, ntpChecks)
	SNTPDrift(addr, ntpChecks)
	driftBy(addr, rounds)
	driftBy(addr, 2)
	driftMany(addr, 20)
}

// From go-ethereum's p2p/discover sntpDrift: the loop's count is a parameter, and
// the only call in the package passes the constant ntpChecks, so it runs 3+2
// times. The package writes the count out at its call as surely as a header
// would (for i := 0; i < 5; i++): five connections deferred in a loop hold no
// more than five opened one after another. Quiet, a plain delay reported with
// -deferloop.delayed.
func sntpDrift(addr string, measurements int) error {
	for i := 0; i < measurements+2; i++ {
		conn, err := dialUDP(addr)
		if err != nil {
			return err
		}
		defer conn.Close()
		if _, err := conn.Write(make([]byte, 48)); err != nil {
			return err
		}
		if _, err := conn.Read(make([]byte, 48)); err != nil {
			return err
		}
	}
	return nil
}

// The same loop in an exported function: other packages may call it with any
// count. Reported.
func SNTPDrift(addr string, measurements int) error {
	for i := 0; i < measurements+2; i++ {
		conn, err := dialUDP(addr)
		if err != nil {
			return err
		}
		defer conn.Close() // want `conn.Close\(\) is deferred in a loop, so every iteration's conn stays open until SNTPDrift returns`
		if _, err := conn.Write(make([]byte, 48)); err != nil {
			return err
		}
	}
	return nil
}

// One caller passes a count it was given: nothing bounds the pile. Reported.
func driftBy(addr string, measurements int) error {
	for range measurements {
		conn, err := dialUDP(addr)
		if err != nil {
			return err
		}
		defer conn.Close() // want `conn.Close\(\) is deferred in a loop, so every iteration's conn stays open until driftBy returns`
		if _, err := conn.Write(make([]byte, 48)); err != nil {
			return err
		}
	}
	return nil
}

// Every caller passes a constant, but one above a handful: a batch. Reported.
func driftMany(addr string, measurements int) error {
	for range measurements {
		conn, err := dialUDP(addr)
		if err != nil {
			return err
		}
		defer conn.Close() // want `conn.Close\(\) is deferred in a loop, so every iteration's conn stays open until driftMany returns`
		if _, err := conn.Write(make([]byte, 48)); err != nil {
			return err
		}
	}
	return nil
}

type userShard struct {
	sync.RWMutex
	users map[string]bool
}

type tracker struct{ shards []*userShard }

// From cortex's LabelSetTracker.userExists, "used for testing only": its only
// callers are in the package's _test.go files, so it runs only under tests. The
// pass of the plain package sees no _test.go file and cannot tell such a helper
// from one that nothing calls: known false positive.
func (m *tracker) userExists(id string) bool {
	for i := range len(m.shards) {
		s := m.shards[i]
		s.RLock()
		defer s.RUnlock() // want `s.RUnlock\(\) is deferred in a loop, so every iteration keeps a read lock on s until userExists returns`
		if s.users[id] {
			return true
		}
	}
	return false
}
