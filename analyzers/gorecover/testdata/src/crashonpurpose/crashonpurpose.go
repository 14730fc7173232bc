package crashonpurpose // want package:"recovery analyzed[^,]"

// Package crashonpurpose recovers in none of its goroutines: it crashes on
// purpose, and by default none of its goroutines is reported, whatever they run.
// Misplaced recover() calls are reported all the same.

import (
	"fmt"
	"log"
)

// Handler is implemented by the package's users.
type Handler interface{ Handle(string) }

type Server struct {
	OnEvent func(string)
	h       Handler
}

func work() { fmt.Print("work") }

// Callbacks, hooks and handlers: quiet, because nothing in this package recovers.
func (s *Server) Start(cb func()) { // want Start:"recovery\\(wraps\\[0\\]\\)"
	go func() {
		cb()
	}()
	go func() {
		s.OnEvent("start")
		s.h.Handle("start")
	}()
}

// An explicit panic in a goroutine of a package that never recovers is the
// author's chosen crash: quiet.
func (s *Server) watch(ch chan error) {
	go func() {
		if err := <-ch; err != nil {
			panic(err)
		}
		work()
	}()
	go s.loop()
}

func (s *Server) loop() { work() }

// Misuse of recover() is reported in every package.
func misuse() { // want misuse:"recovery\\(recovered\\)"
	defer recover() // want `defer recover\(\) recovers nothing`
	go func() {
		if r := recover(); r != nil { // want `recover\(\) in the function a go statement starts`
			log.Print(r)
		}
		work()
	}()
}

// A goroutine whose work is done by a function that recovers its own panics (a
// parser that unwinds with panic) is not reported, and is no sign that the
// package recovers its goroutines; nor is a runner that recovers in the
// caller's goroutine.
func (s *Server) parseAll(src chan string, cb func()) { // want parseAll:"recovery\\(delegates,wraps\\[1\\]\\)"
	go func() {
		for text := range src {
			parse(text)
		}
	}()
	run(func() { work() })
	go func() {
		cb()
	}()
}

func parse(text string) (err error) { // want parse:"recovery\\(recovered\\)"
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	work()
	return nil
}

func run(f func()) { // want run:"recovery\\(recovered,runs\\[0\\]\\)"
	defer func() {
		if r := recover(); r != nil {
			log.Print(r)
		}
	}()
	f()
}
