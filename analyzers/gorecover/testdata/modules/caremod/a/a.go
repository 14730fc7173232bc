package a // want package:"recovery analyzed"

// Package a recovers its goroutine: the module has shown that it cares.

import "log"

func HandlePanic() { // want HandlePanic:"recovery\\(recovers,only\\)"
	if r := recover(); r != nil {
		log.Print(r)
	}
}

func Serve(work func()) { // want Serve:"recovery\\(runs\\[0\\],starts\\[0\\]\\)"
	go func() {
		defer HandlePanic()
		work()
	}()
}
