package quietdefault // want package:"recovery analyzed"

// Package quietdefault recovers some of its goroutines and starts others bare:
// one runs the user's callback, one runs the same function as a recovered
// goroutine. -gorecover.goroutines reports both (see capability and
// convention); by default they are quiet, because whether a goroutine should
// recover is the code base's convention, not a bug the analysis can establish.
// The facts are the same in both modes: other packages read them.

import "log"

func handlePanic() { // want handlePanic:"recovery\\(recovers,only\\)"
	if r := recover(); r != nil {
		log.Print(r)
	}
}

type Server struct{ OnEvent func(string) }

func (s *Server) handle(c string) { log.Print(c) }

func (s *Server) Serve(conns []string) {
	for _, c := range conns {
		go func() {
			defer handlePanic()
			s.handle(c)
		}()
	}
}

func (s *Server) Notify(ev string) {
	// Quiet by default: the user's callback runs unrecovered where the
	// package's other goroutines recover; -gorecover.goroutines reports it.
	go func() {
		s.OnEvent(ev)
	}()
	// Quiet by default: another goroutine that runs handle recovers;
	// -gorecover.goroutines reports it.
	go s.handle(ev)
}

func misuse() { // want misuse:"recovery\\(recovered\\)"
	defer recover() // want `defer recover\(\) recovers nothing`
}
