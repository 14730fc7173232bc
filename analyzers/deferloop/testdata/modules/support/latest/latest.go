// Package latest only contains the word test (latest): production code, reported.
package latest

import "os"

func Open(paths []string) {
	for _, p := range paths {
		f, _ := os.Open(p)
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until Open returns`
		f.Stat()
	}
}
