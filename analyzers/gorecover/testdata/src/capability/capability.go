package capability // want package:"recovery analyzed"

// Package capability recovers a goroutine, so goroutines that run its user's
// code are reported; methods asked of values the package holds, and functions it
// sets itself, are not the user's code.

import (
	"hash"
	"log"
	"net"
)

func handlePanic() { // want handlePanic:"recovery\\(recovers,only\\)"
	if r := recover(); r != nil {
		log.Printf("panic: %v", r)
	}
}

// CloseWriter is a capability that net.TCPConn and the like have.
type CloseWriter interface{ CloseWrite() error }

// Handler is implemented by the package's users.
type Handler interface{ Handle() }

type Client struct {
	newHash func() hash.Hash // set by the package itself
	Hook    func()           // the user's
	h       Handler
	conn    net.Conn
}

// options is unexported: its fields are filled by the package's own code.
type options struct{ Notify func() }

func (c *Client) serve() {
	go func() {
		defer handlePanic()
		c.h.Handle()
	}()
}

func (c *Client) negatives(o *options, buf []byte) {
	go func() { // a capability asked through an interface literal
		if wc, ok := c.conn.(interface{ CloseWrite() error }); ok {
			_ = wc.CloseWrite()
		}
	}()
	go func() { // a named capability asserted of a standard library value
		if cw, ok := c.conn.(CloseWriter); ok {
			_ = cw.CloseWrite()
		}
	}()
	go func() { // an unexported field the package sets itself
		h := c.newHash()
		h.Write(buf)
	}()
	go func() { // an exported field of an unexported struct
		o.Notify()
	}()
}

// Positives hands its user's callback to positives.
func (c *Client) Positives(done func()) { c.positives(done) } // want Positives:"recovery\\(wraps\\[0\\]\\)"

func (c *Client) positives(done func()) { // want positives:"recovery\\(wraps\\[0\\]\\)"
	go func() { // want `runs code this package does not control \(cw.CloseWrite\)`
		if cw, ok := c.h.(CloseWriter); ok { // the user's Handler: its methods are the user's code
			_ = cw.CloseWrite()
		}
	}()
	go func() { // want `runs code this package does not control \(c.Hook\)`
		c.Hook()
	}()
	go func() { // want `runs code this package does not control \(done\)`
		done()
	}()
}
