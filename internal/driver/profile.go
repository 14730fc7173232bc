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

	"golang.org/x/tools/go/analysis/checker"
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

// printSlowest prints the ten analysis actions (an analyzer on a package) that took
// longest, for finding an analyzer that is slow on some code (DEFERLINT_TIMING=1).
func printSlowest(graph *checker.Graph, w io.Writer) {
	var actions []*checker.Action
	for act := range graph.All() {
		actions = append(actions, act)
	}
	slices.SortFunc(actions, func(a, b *checker.Action) int { return cmp.Compare(b.Duration, a.Duration) })
	for _, act := range actions[:min(10, len(actions))] {
		fmt.Fprintf(w, "deferlint: timing: %v %s on %s\n", act.Duration.Round(time.Millisecond), act.Analyzer.Name, act.Package.ID)
	}
}
