package main // want package:"recovery analyzed"

import "log"

func main() { // want main:"recovery\\(recovers\\)"
	if r := recover(); r != nil { // want `recover\(\) in main returns nil and stops no panic`
		log.Print(r)
	}
	go serve() // main: goroutines it starts are not reported
	go func() {
		go serve() // nested in main: not reported either
	}()
}

// Exported, but nothing imports a main package: reported.
func Serve() { // want Serve:"recovery\\(recovers,only\\)"
	if r := recover(); r != nil { // want `recover\(\) in Serve returns nil and stops no panic`
		log.Print(r)
	}
}

func serve() {
	Serve()
	start()
}

func start() {
	go serve() // want "goroutine running serve does not recover panics"
}
