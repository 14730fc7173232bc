package tests

import (
	"os"
	"testing"
)

// A test helper whose loop is counted by a parameter runs as many rounds as its
// calls ask for. When the helper is unexported, never used as a value, and every
// call passes, for that parameter, a constant or a local defined once with one,
// the loop is bounded like for i := 0; i < 7; i++ written in place: by the
// largest of those values (see loops.SmallConstant). A leak per round is then a
// bounded test leak.

// randNetWithPeers is cometbft's randConsensusNetWithPeers (measurement 41:
// internal/consensus/common_test.go:889 and 891): two temporary files per peer
// beyond the validators, never closed. Its callers pass nPeers := 7 and 5.
func randNetWithPeers(t *testing.T, nValidators, nPeers int) []string {
	var names []string
	for i := 0; i < nPeers; i++ {
		if i < nValidators {
			continue
		}
		keyFile, err := os.CreateTemp("", "priv_validator_key_") // quiet: at most 7 rounds, the largest count a caller passes
		if err != nil {
			t.Fatal(err)
		}
		stateFile, err := os.CreateTemp("", "priv_validator_state_") // quiet: the same bounded loop
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, keyFile.Name(), stateFile.Name())
	}
	return names
}

func TestReactorWithPeers(t *testing.T) {
	nPeers := 7
	nVals := 4
	_ = randNetWithPeers(t, nVals, nPeers)
}

func TestReplayWithPeers(t *testing.T) {
	_ = randNetWithPeers(t, 4, 5)
}

// peersFromTable's count comes, at one call, from the length of a slice the
// caller holds: nothing fixes it.
func peersFromTable(t *testing.T, nPeers int) {
	for i := 0; i < nPeers; i++ {
		f, err := os.CreateTemp("", "peer_") // want `f \(file from os.CreateTemp\) is not closed`
		if err != nil {
			t.Fatal(err)
		}
		_ = f.Name()
	}
}

func TestPeersFromTable(t *testing.T) {
	peers := []string{"a", "b"}
	peersFromTable(t, 3)
	peersFromTable(t, len(peers))
}

// peersPassedOn's count is, at one call, a parameter of the caller: whatever
// the caller's own callers pass, which is not followed.
func peersPassedOn(t *testing.T, nPeers int) {
	for range nPeers {
		f, err := os.CreateTemp("", "peer_") // want `f \(file from os.CreateTemp\) is not closed`
		if err != nil {
			t.Fatal(err)
		}
		_ = f.Name()
	}
}

func startPeers(t *testing.T, n int) {
	peersPassedOn(t, n)
}

func TestPeersPassedOn(t *testing.T) {
	peersPassedOn(t, 2)
	startPeers(t, 3)
}

// stressPeers is called once with 1000 peers: a stress loop, far above a table
// of cases (64), whose leak the test feels.
func stressPeers(t *testing.T, nPeers int) {
	for i := 0; i < nPeers; i++ {
		f, err := os.CreateTemp("", "peer_") // want `f \(file from os.CreateTemp\) is not closed`
		if err != nil {
			t.Fatal(err)
		}
		_ = f.Name()
	}
}

func TestStressPeers(t *testing.T) {
	stressPeers(t, 4)
	n := 1000
	stressPeers(t, n)
}

// peersAsValue is also passed as a function value: a call through the value
// may pass anything.
func peersAsValue(t *testing.T, nPeers int) {
	for i := 0; i < nPeers; i++ {
		f, err := os.CreateTemp("", "peer_") // want `f \(file from os.CreateTemp\) is not closed`
		if err != nil {
			t.Fatal(err)
		}
		_ = f.Name()
	}
}

func TestPeersAsValue(t *testing.T) {
	peersAsValue(t, 3)
	runWithPeers(t, peersAsValue)
}

func runWithPeers(t *testing.T, start func(*testing.T, int)) {
	start(t, 3)
}

// peersLocalChanged's caller defines its count with a constant and then
// doubles it: the local is not fixed.
func peersLocalChanged(t *testing.T, nPeers int) {
	for i := 0; i < nPeers; i++ {
		f, err := os.CreateTemp("", "peer_") // want `f \(file from os.CreateTemp\) is not closed`
		if err != nil {
			t.Fatal(err)
		}
		_ = f.Name()
	}
}

func TestPeersLocalChanged(t *testing.T) {
	n := 4
	n *= 2
	peersLocalChanged(t, n)
}

// peersScaled assigns its own parameter before the loop: the count is no
// longer the one the callers pass.
func peersScaled(t *testing.T, nPeers int) {
	nPeers *= 100
	for i := 0; i < nPeers; i++ {
		f, err := os.CreateTemp("", "peer_") // want `f \(file from os.CreateTemp\) is not closed`
		if err != nil {
			t.Fatal(err)
		}
		_ = f.Name()
	}
}

func TestPeersScaled(t *testing.T) {
	peersScaled(t, 3)
}

// PeersExported may be called from another package (an external test package
// imports this one's test files) with any count.
func PeersExported(t *testing.T, nPeers int) {
	for i := 0; i < nPeers; i++ {
		f, err := os.CreateTemp("", "peer_") // want `f \(file from os.CreateTemp\) is not closed`
		if err != nil {
			t.Fatal(err)
		}
		_ = f.Name()
	}
}

func TestPeersExported(t *testing.T) {
	PeersExported(t, 3)
}

// peersInclusive counts from one to its parameter inclusive, and every caller
// passes a small constant: bounded like the cometbft helper.
func peersInclusive(t *testing.T, nPeers int) {
	for i := 1; i <= nPeers; i++ {
		f, err := os.CreateTemp("", "peer_") // quiet: at most 64 rounds, the largest count a caller passes
		if err != nil {
			t.Fatal(err)
		}
		_ = f.Name()
	}
}

func TestPeersInclusive(t *testing.T) {
	peersInclusive(t, 64)
	peersInclusive(t, 2)
}
