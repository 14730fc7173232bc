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

// Through10 to Through1 pass f down a chain of ten calls to Run, each declared
// before the one it calls: each learns that it runs f recovered only after the
// next, so a fact must travel ten steps up the chain (a fixed number of passes
// over the package in declaration order would stop short).
func Through10(f func()) { Through9(f) }       // want Through10:"recovery\\(delegates,runs\\[0\\]\\)"
func Through9(f func())  { Through8(f) }       // want Through9:"recovery\\(delegates,runs\\[0\\]\\)"
func Through8(f func())  { Through7(f) }       // want Through8:"recovery\\(delegates,runs\\[0\\]\\)"
func Through7(f func())  { Through6(f) }       // want Through7:"recovery\\(delegates,runs\\[0\\]\\)"
func Through6(f func())  { Through5(f) }       // want Through6:"recovery\\(delegates,runs\\[0\\]\\)"
func Through5(f func())  { Through4(f) }       // want Through5:"recovery\\(delegates,runs\\[0\\]\\)"
func Through4(f func())  { Through3(f) }       // want Through4:"recovery\\(delegates,runs\\[0\\]\\)"
func Through3(f func())  { Through2(f) }       // want Through3:"recovery\\(delegates,runs\\[0\\]\\)"
func Through2(f func())  { Through1(f) }       // want Through2:"recovery\\(delegates,runs\\[0\\]\\)"
func Through1(f func())  { Run("through", f) } // want Through1:"recovery\\(delegates,runs\\[0\\]\\)"
