package unbounded

import "os"

// A //nolint:staticcheck that names no check, above a defer that staticcheck
// reports as a defer in a range over a channel (SA9001): the project has seen
// that report and decided (helmfile's secret decryption workers).
func silencedForStaticcheck(ch <-chan string) {
	for name := range ch {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		// nolint: staticcheck
		defer f.Close() // quiet: staticcheck's SA9001 report here is silenced
	}
}

// The same directive on a line where staticcheck reports no defer in a loop (the
// body returns, so SA9001 stays quiet) silenced something else.
func silencedForSomethingElse(ch <-chan string) error {
	for name := range ch {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		//nolint:staticcheck
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until silencedForSomethingElse returns`
	}
	return nil
}

// A directive naming another staticcheck check is about that check.
func silencedForDeprecation(ch <-chan string) {
	for name := range ch {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		defer f.Close() //nolint:staticcheck // SA1019 the old API on purpose // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until silencedForDeprecation returns`
	}
}

// SA5003 reports a defer in an infinite loop that never breaks or returns.
func silencedInfinite(next func() *os.File) {
	for {
		f := next()
		defer f.Close() //nolint:staticcheck
	}
}
