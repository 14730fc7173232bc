package panics // want package:"recovery analyzed, goroutines recover"

// Package panics recovers one of its goroutines; another calls panic() in its
// own code, where nothing recovers it: reported.

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
	go func() { // want `goroutine running the function literal does not recover panics, though it calls panic \(line 27\) and other goroutines of this package recover, so a panic in it ends the whole process`
		for j := range jobs {
			if j < 0 {
				panic("negative job")
			}
			work()
		}
	}()
	go p.check() // want `goroutine running check does not recover panics, though it calls panic \(line 49\)`
	// The panic is in a goroutine of its own, reported there.
	go func() {
		work()
		go func() { // want `though it calls panic`
			panic("inner")
		}()
	}()
	go func() { // known false negative: the panic is one call down, in fail
		p.fail()
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
