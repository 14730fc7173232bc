package crashonpurpose // want package:"recovery analyzed"

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
