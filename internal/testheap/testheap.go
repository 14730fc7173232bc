// Package testheap sets the garbage collector for the analyzers' tests.
//
// Each analysistest run type-checks its packages and everything they import,
// the standard library included, from source, and an analyzer with facts then
// analyses every one of them: the tests make garbage fast and keep little of it.
// At the default GOGC, collecting it takes about a quarter of their CPU time.
package testheap

import (
	"os"
	"runtime/debug"
	"testing"
)

// Run runs the tests of m with the heap allowed to grow to five times the live
// data (GOGC=400) before a collection, but kept under 1.5 GiB (GOMEMLIMIT), and
// returns their exit code. A GOGC or GOMEMLIMIT set in the environment wins.
// Use it as a package's TestMain: os.Exit(testheap.Run(m)).
func Run(m *testing.M) int {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(400)
		debug.SetMemoryLimit(1536 << 20)
	}
	return m.Run()
}
