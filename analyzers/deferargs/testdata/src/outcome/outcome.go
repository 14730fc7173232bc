// Package outcome holds the shapes in which an error (or a named result) with a
// real value at the defer is assigned later and returned to the caller. The later
// value is evidence only when the deferred call formats or records it through an
// empty interface; a call that takes it through a typed parameter acts on the value
// it was given.
package outcome

import (
	"errors"
	"log"
	"sync"
)

type tracker struct {
	mu      sync.Mutex
	pending int
	failure error // makes the whole program fail once every call is done
}

func (t *tracker) begin() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.pending++
	return nil
}

// end records the first failure of a call as the program's failure.
func (t *tracker) end(err error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if err != nil && t.failure == nil {
		t.failure = err
	}
	t.pending--
}

func call(tok string) (string, error) {
	if tok == "" {
		return "", errors.New("empty token")
	}
	return tok, nil
}

// Quiet (regression, measurement 17: pulumi's invokePackageRaw): a synchronous
// call returns its error to the caller, who owns it. end is deferred with the value
// err has after begin succeeded (nil) on purpose: handing it the later error would
// store it as the program's failure even when the caller handles it. A typed error
// parameter acts on the value; it shows no wish for the later one.
func invoke(t *tracker, tok string) (out string, err error) {
	if err = t.begin(); err != nil {
		return "", err
	}
	defer t.end(err)
	out, err = call(tok)
	if err != nil {
		return "", err
	}
	return out, nil
}

// The same shape, reported without a fix: the deferred call formats err through an
// empty interface, so it reports the outcome, and it only ever sees nil.
func invokeLogged(t *tracker, tok string) (out string, err error) {
	if err = t.begin(); err != nil {
		return "", err
	}
	defer log.Printf("invoke %s: %v", tok, err) // want `err is evaluated when the defer statement runs, so the deferred call does not see the assignment at line 68`
	out, err = call(tok)
	if err != nil {
		return "", err
	}
	return out, nil
}

type span struct{}

func (span) finish(err error) {}

// known false negative: finish reports the outcome through a typed error
// parameter, which the rule cannot tell from end above (it stores the error in
// state that others act on).
func traced(s span, tok string) (out string, err error) {
	if _, err = call("begin"); err != nil {
		return "", err
	}
	defer s.finish(err)
	out, err = call(tok)
	return out, err
}

func size() int { return 1 }

// Quiet: a named result with a real value, given to a typed parameter that
// computes with it; the count at the defer may be the one meant.
func resize(set func(int)) (n int) {
	n = size()
	defer set(n)
	return n + size()
}
