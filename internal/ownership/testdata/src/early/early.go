package early // want package:"analyzed}$"

// A value with a Close method is no catalogued kind: a function returning one
// has no fresh result.

import (
	"errors"
	"os"
)

type store struct{ path string }

func (s *store) Close() error { return os.Remove(s.path) }

// No fact: openStore returns a *store, which is no kind of resource.
func openStore(path string) (*store, error) {
	if path == "" {
		return nil, errors.New("no path")
	}
	return &store{path}, nil
}
