// Package reported is test support, checked with -deferloop.tests: the option
// judges it as other code. (A loop that goes on using what it deferred the release
// of, after the defer, sets up what a test holds, even with the option: this one
// does not.)
package reported

import (
	"io"
	"os"
)

func Size(paths []string) int {
	n := 0
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return n
		}
		data, _ := io.ReadAll(f)
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until Size returns`
		n += len(data)
	}
	return n
}
