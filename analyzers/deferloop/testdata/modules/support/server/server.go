// Package server is production code: the same loop as the simulator's is reported.
package server

import (
	"fmt"
	"os"
	"path/filepath"
)

func Write(dir string, roots [][]byte) {
	for ver := 1; ver < len(roots)+1; ver++ {
		f, _ := os.Create(filepath.Join(dir, fmt.Sprintf("%d.root.json", ver)))
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until Write returns`
		f.Write(roots[ver-1])
	}
}
