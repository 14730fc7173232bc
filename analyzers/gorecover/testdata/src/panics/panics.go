package panics // want package:"recovery analyzed"

// Package panics recovers one of its goroutines; others call panic() in their
// own code, where nothing recovers it. By default that is no reason to report
// them: an explicit panic in a goroutine is the author's chosen crash or a
// branch that cannot be reached (-gorecover.strict reports them). A goroutine
// that panics and departs from the package's convention stays reported.

import (
	"fmt"
	"log"
)

func handlePanic() { // want handlePanic:"recovery\\(recovers,only\\)"
	if r := recover(); r != nil {
		log.Printf("panic: %v", r)
	}
}

func work() { fmt.Print("work") }

func (p *parser) start(jobs chan int) {
	go func() {
		defer handlePanic()
		p.parse()
	}()
	go func() { // a deliberate crash on input the author rules out: not reported by default
		for j := range jobs {
			if j < 0 {
				panic("negative job")
			}
			work()
		}
	}()
	go p.check() // an invariant that cannot fail, or a chosen crash: not reported by default
	go func() {
		work()
		go func() { // a panic in a goroutine of its own: still the author's choice
			panic("inner")
		}()
	}()
	go func() { // the panic is one call down, in fail: not looked for
		p.fail()
	}()
	go p.relay("9009")
}

// relay crashes when the relay it starts fails, as a start-up failure would.
func (p *parser) relay(port string) {
	go func() { // the chosen crash of a local relay that cannot start: not reported by default
		if err := listen(port); err != nil {
			panic(err)
		}
	}()
}

func listen(string) error { return nil }

// Convention still holds: parse runs recovered elsewhere, so a goroutine that
// runs it bare is reported, whatever else it does.
func (p *parser) again() {
	go func() { // want `goroutine running the function literal does not recover panics, unlike another goroutine that runs parse`
		p.parse()
		if !p.ok {
			panic("not parsed")
		}
	}()
}

type parser struct{ ok bool }

func (p *parser) check() {
	if !p.ok {
		panic("not ok")
	}
	work()
}

func (p *parser) parse() { work() }

func (p *parser) fail() { panic("fail") }
