package zerologexit

// An event-builder logger (zerolog) logs when the event is sent: a chain whose
// root is Fatal() and whose last call sends the event
// (log.Fatal().Err(err).Msg("...")) exits the process there, and never returns.
// A function whose one caller answers its error so leaks, on the way out with
// its error, only until the process exits (measurement 13: centrifugo's
// runGRPCAPIServer).

import (
	"errors"
	"net"

	"github.com/rs/zerolog/log"
)

func configure() error { return errors.New("no") }

// Quiet: the listener leaks only on the error return, and the one caller
// exits on that error through zerolog's Fatal event.
func listenAPI(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	if err := configure(); err != nil {
		return nil, err
	}
	go serve(ln)
	return ln, nil
}

func serve(net.Listener) {}

var current net.Listener

func runAPI() {
	ln, err := listenAPI(":0")
	if err != nil {
		log.Fatal().Err(err).Msg("cannot serve the API")
	}
	current = ln // kept: the server holds it
}

// Quiet: a Panic event sent with Send never returns either.
func listenUni(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	if err := configure(); err != nil {
		return nil, err
	}
	go serve(ln)
	return ln, nil
}

func runUni() {
	ln, err := listenUni(":0")
	if err != nil {
		log.Panic().Err(err).Str("addr", ":0").Send()
	}
	current = ln // kept: the server holds it
}

// Reported: the caller sends an Error event, which logs and returns, and goes
// on.
func listenAdmin(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr) // want `ln \(listener from net.Listen\) is not closed on the path to the return at line 74`
	if err != nil {
		return nil, err
	}
	if err := configure(); err != nil {
		return nil, err
	}
	go serve(ln)
	return ln, nil
}

func runAdmin() {
	ln, err := listenAdmin(":0")
	if err != nil {
		log.Error().Err(err).Msg("cannot serve the admin API")
	}
	current = ln // kept: the server holds it
}

// Reported: a Fatal event built and never sent logs nothing and returns.
func listenDebug(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr) // want `ln \(listener from net.Listen\) is not closed on the path to the return at line 95`
	if err != nil {
		return nil, err
	}
	if err := configure(); err != nil {
		return nil, err
	}
	go serve(ln)
	return ln, nil
}

func runDebug() {
	ln, err := listenDebug(":0")
	if err != nil {
		log.Fatal().Err(err)
	}
	current = ln // kept: the server holds it
}
