package samework // want package:"recovery analyzed"

// Package samework recovers the goroutines that run handle, except one: that one
// departs from the package's convention and is reported.

import (
	"fmt"
	"log"
	"sync"
)

func handlePanic() { // want handlePanic:"recovery\\(recovers,only\\)"
	if r := recover(); r != nil {
		log.Printf("panic: %v", r)
	}
}

type server struct{ wg sync.WaitGroup }

func (s *server) handle(c int) { fmt.Print(c) }
func (s *server) tick()        { fmt.Print("tick") }
func (s *server) flush()       { fmt.Print("flush") }
func (s *server) report()      { fmt.Print("report") }

func (s *server) accept(conns chan int) {
	for c := range conns {
		s.wg.Add(1)
		go func() {
			defer handlePanic()
			defer s.wg.Done()
			s.handle(c)
		}()
	}
}

func (s *server) retry(c int) {
	go s.handle(c) // want `goroutine running handle does not recover panics, unlike another goroutine that runs handle, so a panic in it ends the whole process: defer a call that recovers at the top of handle`

	go func() { // want `goroutine running the function literal does not recover panics, unlike another goroutine that runs handle`
		defer s.wg.Done()
		s.handle(c)
	}()
}

// No fix where recovering would change more than the crash: a recovered panic
// would skip the send, and the receiver would wait for ever; nor where the
// helper's name is shadowed inside the literal.
func (s *server) noFix(c int, done chan bool) {
	go func() { // want `goroutine running the function literal does not recover panics, unlike another goroutine that runs handle`
		s.handle(c)
		done <- true
	}()
	go func(handlePanic int) { // want `goroutine running the function literal does not recover panics, unlike another goroutine that runs handle`
		s.handle(handlePanic)
	}(c)
}

// Goroutines doing other work, in a package where most goroutines do not
// recover: no convention to depart from, quiet.
func (s *server) background() {
	go s.tick()
	go s.flush()
	go func() {
		s.tick()
		s.flush() // two functions: no single one does the work
	}()
	go s.report()
}
