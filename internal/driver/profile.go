package driver

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"time"
)

// startCPUProfile starts writing a CPU profile to filename and returns the function
// that stops it.
func startCPUProfile(filename string) (stop func(), err error) {
	f, err := os.Create(filename)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// writeHeapProfile writes a profile of the live heap to filename.
func writeHeapProfile(filename string) error {
	f, err := os.Create(filename)
	if err != nil {
		return err
	}
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// printSlowest prints the ten analysis actions (an analyzer on a package) of this
// run that took longest, for finding an analyzer that is slow on some code
// (DEFERLINT_TIMING=1). Results read from the cache took no time.
func printSlowest(units []*unit, w io.Writer) {
	var timings []timing
	for _, u := range units {
		if u.result != nil {
			timings = append(timings, u.result.timings...)
		}
	}
	slices.SortFunc(timings, func(a, b timing) int { return cmp.Compare(b.d, a.d) })
	for _, t := range timings[:min(10, len(timings))] {
		fmt.Fprintf(w, "deferlint: timing: %v %s on %s\n", t.d.Round(time.Millisecond), t.analyzer, t.pkg)
	}
}
