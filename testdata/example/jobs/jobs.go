// Package jobs shows defers in loops, goroutines nothing recovers, and closures that
// see another iteration's variables.
package jobs

import (
	"io"
	"log"
	"os"
	"sync"
)

// Concat copies the files named on the channel to w. Each file stays open until
// Concat returns: with enough names, the process runs out of file descriptors.
func Concat(w io.Writer, names <-chan string) error {
	for name := range names {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		if _, err := io.Copy(w, f); err != nil {
			return err
		}
	}
	return nil
}

// Go runs f in a goroutine of its own; a panic in f is logged, not fatal.
func Go(f func()) {
	go func() {
		defer logPanic()
		f()
	}()
}

func logPanic() {
	if r := recover(); r != nil {
		log.Printf("job panicked: %v", r)
	}
}

// RunAll runs the jobs concurrently. Unlike Go, it does not recover: a panic in one
// of the caller's jobs ends the whole process.
func RunAll(jobs []func()) {
	var wg sync.WaitGroup
	for _, job := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			job()
		}()
	}
	wg.Wait()
}

// Notify tells every listener. current is shared by all iterations, so every
// deferred closure logs the last listener.
func Notify(listeners []string, notify func(string) error) {
	var current string
	for _, l := range listeners {
		current = l
		defer func() { log.Printf("notified %s", current) }()
		if err := notify(current); err != nil {
			log.Print(err)
		}
	}
}
