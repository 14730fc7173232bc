// Package simulator is test support (it lies under internal/testutils): a fake
// repository that tests drive. Its loops run under a test, and what they pile up
// lives no longer than the test: it gets the default of test code.
package simulator

import (
	"fmt"
	"os"
	"path/filepath"
)

type Simulator struct {
	roots [][]byte
	roles map[string][]byte
}

// Write dumps the simulated repository for a debugging test (go-tuf's
// RepositorySimulator.Write): quiet, test support.
func (s *Simulator) Write(dir string) {
	for ver := 1; ver < len(s.roots)+1; ver++ {
		f, _ := os.Create(filepath.Join(dir, fmt.Sprintf("%d.root.json", ver)))
		defer f.Close()
		f.Write(s.roots[ver-1])
	}
	for role, meta := range s.roles {
		f, _ := os.Create(filepath.Join(dir, role+".json"))
		defer f.Close()
		f.Write(meta)
	}
}

// Serve never exits its loop: a deferred call in it never runs, in test support as
// anywhere.
func (s *Simulator) Serve(dir string) {
	for {
		f, err := os.Open(dir)
		if err != nil {
			continue
		}
		defer f.Close() // want `f.Close\(\) is deferred in a loop that never exits, so it never runs and every iteration's f stays open forever`
	}
}
