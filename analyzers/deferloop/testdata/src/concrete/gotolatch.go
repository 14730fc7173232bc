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

func configPaths() []string { return nil }
func load(string) error    { return nil }
func unload(string) error  { return nil }

// From k8s system-validators' kernel config reader (measurement 37): the loop
// loads the module once, defers its unloading and sets the flag its guard tests
// before the defer, so the next iteration leaves first. The defer runs once, a
// set-up meant to be undone at return. Quiet.
func readConfig() (string, error) {
	loaded := false
	for {
		for _, p := range configPaths() {
			return p, nil
		}
		if loaded {
			break
		}
		if err := load("configs"); err != nil {
			return "", err
		}
		defer unload("configs")
		loaded = true
	}
	return "", errors.New("no config")
}

// The same loop whose guard the loop opens again: reported.
func readConfigReset() (string, error) {
	loaded := false
	for {
		for _, p := range configPaths() {
			return p, nil
		}
		if loaded {
			break
		}
		if err := load("configs"); err != nil {
			return "", err
		}
		defer unload("configs") // want `unload\("configs"\) is deferred in a loop, so it runs when readConfigReset returns`
		loaded = true
		if len(configPaths()) == 0 {
			loaded = false
		}
	}
	return "", errors.New("no config")
}

// A continue between the defer and the latch skips it: reported.
func readConfigSkip(retry bool) (string, error) {
	loaded := false
	for {
		for _, p := range configPaths() {
			return p, nil
		}
		if loaded {
			break
		}
		defer unload("configs") // want `unload\("configs"\) is deferred in a loop, so it runs when readConfigSkip returns`
		if retry {
			continue
		}
		loaded = true
	}
	return "", errors.New("no config")
}
