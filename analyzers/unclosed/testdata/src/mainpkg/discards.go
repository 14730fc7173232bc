package main

import (
	"net/http"
	"os"
)

// A response discarded in code that runs once per process holds one connection
// until the process exits, as a response kept and never closed there does: no
// report. setup's one call comes from init.
func setup() {
	_, err := http.Get("http://localhost/ready")
	if err != nil {
		os.Exit(1)
	}
}

func init() {
	setup()
	// A discard in a loop repeats, once per name, even in code that runs once.
	for _, name := range os.Args[1:] {
		_, err := http.Get(name) // want `the HTTP response from http.Get is discarded`
		if err != nil {
			os.Exit(1)
		}
	}
}

// ping's one call is in pingAll's loop: it runs once per address.
func ping(addr string) error {
	_, err := http.Get(addr) // want `the HTTP response from http.Get is discarded`
	return err
}

func pingAll(addrs []string) {
	for _, a := range addrs {
		_ = ping(a)
	}
}

var _ = pingAll
