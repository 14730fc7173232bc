package collections

import (
	"os"
)

// A counting loop makes a fresh value on every round: the release function returned
// beside it keeps it held until return, one more per round.
func soak(rounds int, dial func() (*conn, func())) {
	for i := 0; i < rounds; i++ {
		c, cleanup := dial()
		defer cleanup() // want `cleanup\(\) is deferred in a loop, so every iteration's c stays held until soak returns`
		use(c)
	}
}

// A file per element of a collection is a concrete cost whatever the collection:
// file descriptors run out. Reported.
func extract(names []string) {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until extract returns`
		use(f)
	}
}
