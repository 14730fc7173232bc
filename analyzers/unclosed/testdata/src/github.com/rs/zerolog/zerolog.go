// Package zerolog is a stub of github.com/rs/zerolog for the tests.
package zerolog

import "os"

type Level int

type Event struct {
	level Level
	done  func(string)
}

func (e *Event) Err(err error) *Event       { return e }
func (e *Event) Str(k, v string) *Event     { return e }
func (e *Event) Msgf(f string, args ...any) { e.Msg(f) }
func (e *Event) Send()                      { e.Msg("") }
func (e *Event) Msg(msg string) {
	if e.done != nil {
		e.done(msg)
	}
}

type Logger struct{}

func (l *Logger) Fatal() *Event { return &Event{done: func(string) { os.Exit(1) }} }
func (l *Logger) Panic() *Event { return &Event{done: func(m string) { panic(m) }} }
func (l *Logger) Error() *Event { return &Event{} }
