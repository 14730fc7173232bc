package intents

import (
	"os"
	"runtime/pprof"
	"strings"
)

// A profile file handed to pprof.StartCPUProfile, which keeps writing to it until
// StopCPUProfile at return: the file must stay open until the function returns.
func profiles(kinds string) {
	for _, kind := range strings.Split(kinds, ",") {
		f, err := os.Create(kind + ".pprof")
		if err != nil {
			return
		}
		defer f.Close()
		switch kind {
		case "cpu":
			pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		case "heap":
			defer pprof.Lookup("heap").WriteTo(f, 0)
		}
	}
}

// The file is only written during the iteration, by a function that does not keep
// it: every iteration's file stays open, reported.
func dumps(kinds []string) {
	for _, kind := range kinds {
		f, err := os.Create(kind + ".txt")
		if err != nil {
			return
		}
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until dumps returns`
		pprof.Lookup(kind).WriteTo(f, 0)
	}
}
