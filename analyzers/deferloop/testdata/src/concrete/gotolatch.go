package concrete

import (
	"errors"
	"time"
)

var errTooBig = errors.New("packet bigger than MTU")

func split(small bool) ([][]byte, error) { return nil, nil }
func sendPacket([]byte) error            { return nil }

// From tonutils-go's ADNL Query (measurement 36): the goto that comes back to
// the timer sits in a branch that sets the flag its condition tests, so it
// jumps back once at most, and at most two timers are deferred. Quiet.
func query(results <-chan []byte) ([]byte, error) {
	small := false
reSplit:
	packets, err := split(small)
	if err != nil {
		return nil, err
	}
	timer := time.NewTimer(250 * time.Millisecond)
	defer timer.Stop()
	for _, p := range packets {
		if err := sendPacket(p); err != nil {
			if !small && errors.Is(err, errTooBig) {
				small = true
				goto reSplit
			}
			return nil, err
		}
	}
	select {
	case r := <-results:
		return r, nil
	case <-timer.C:
		return nil, errors.New("timeout")
	}
}

// The flag is cleared again after the label: the guard opens every time round,
// and the goto retries for as long as sending fails. Reported.
func queryReset(results <-chan []byte) ([]byte, error) {
	small := false
reSplit:
	packets, err := split(small)
	if err != nil {
		return nil, err
	}
	small = false
	timer := time.NewTimer(250 * time.Millisecond)
	defer timer.Stop() // want `timer.Stop\(\) is deferred in a loop, so every iteration's timer keeps running until queryReset returns`
	for _, p := range packets {
		if err := sendPacket(p); err != nil {
			if !small {
				small = true
				goto reSplit
			}
			return nil, err
		}
	}
	return <-results, nil
}

// A goto under a condition that latches nothing: reported.
func queryUntilSent(results <-chan []byte) ([]byte, error) {
again:
	packets, err := split(false)
	if err != nil {
		return nil, err
	}
	timer := time.NewTimer(250 * time.Millisecond)
	defer timer.Stop() // want `timer.Stop\(\) is deferred in a loop, so every iteration's timer keeps running until queryUntilSent returns`
	for _, p := range packets {
		if err := sendPacket(p); err != nil {
			goto again
		}
	}
	return <-results, nil
}
