package helpers // want package:"recovery analyzed"

// Package helpers holds recovery helpers, wrappers and launchers that other
// packages use: the analyzer learns what they do through facts.

import "log"

// Recover is a recovery helper: deferring it stops a panic.
func Recover() { // want Recover:"recovery\\(recovers,only\\)"
	if r := recover(); r != nil {
		log.Printf("panic: %v", r)
	}
}

// Logger has a recovering method.
type Logger struct{}

func (Logger) Recover(tag string) { // want Recover:"recovery\\(recovers,only\\)"
	if r := recover(); r != nil {
		log.Printf("%s: panic: %v", tag, r)
	}
}

// Report recovers and does more: it is not a pure recovery helper.
func Report() error { // want Report:"recovery\\(recovers\\)"
	r := recover()
	log.Print(r)
	return nil
}

// Go runs f in a new goroutine, recovered.
func Go(f func()) { // want Go:"recovery\\(runs\\[0\\],starts\\[0\\]\\)"
	go func() {
		defer Recover()
		f()
	}()
}

// Run runs f recovered, in the caller's goroutine.
func Run(name string, f func()) { // want Run:"recovery\\(recovered,runs\\[1\\]\\)"
	defer func() {
		if r := recover(); r != nil {
			log.Printf("%s: %v", name, r)
		}
	}()
	f()
}

// GoVia recovers through Run.
func GoVia(f func()) { // want GoVia:"recovery\\(runs\\[0\\],starts\\[0\\]\\)"
	go Run("via", f)
}

// Spawn starts f in a new goroutine and recovers nothing.
func Spawn(f func()) { // want Spawn:"recovery\\(launches\\[0\\]\\)"
	go f()
}

// SpawnAll starts every function in a new goroutine and recovers nothing.
func SpawnAll(fs ...func()) { // want SpawnAll:"recovery\\(launches\\[0\\]\\)"
	for _, f := range fs {
		go f()
	}
}

// Background calls f from a goroutine of its own that nothing recovers.
func Background(f func()) { // want Background:"recovery\\(wraps\\[0\\]\\)"
	go func() { // want "goroutine running the function literal does not recover panics"
		f()
	}()
}

// Loop is a goroutine body that recovers itself.
func Loop() { // want Loop:"recovery\\(recovered\\)"
	defer Recover()
}

// Work is a goroutine body that does not.
func Work() {}
