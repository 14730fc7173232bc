// Package evidence holds one case for each kind of evidence that the value a
// variable has when the function returns is the one the deferred call is after.
package evidence

import (
	"errors"
	"fmt"
	"log"
)

func work() error { return errors.New("x") }

// A named result assigned later: the deferred line logs the count the function
// returns.
func count(items []string) (n int) {
	defer log.Println("counted", n) // want `n is evaluated when the defer statement runs, so the deferred call does not see the assignment at line 17`
	n = len(items)
	return
}

type tx struct{}

func finish(t *tx, committed bool) {}

// A flag declared false and set later: the deferred call wants to know whether the
// commit happened.
func commit(t *tx) error {
	committed := false
	defer finish(t, committed) // want `committed is evaluated`
	if err := work(); err != nil {
		return err
	}
	committed = true
	return nil
}

type conn struct{}

func dial() *conn   { return &conn{} }
func closeIt(*conn) {}

// A nil pointer at the defer: closeIt(nil) cannot be what was meant, whatever the
// call does with its argument.
func placeholderObject() {
	var c *conn
	defer closeIt(c) // want `c is evaluated`
	c = dial()
}

func record(code int) {}

// A status code with a constant default replaced by another constant.
func statusCode(fail bool) {
	code := 200
	defer record(code) // want `code is evaluated`
	if fail {
		code = 500
	}
}

// A total counted from zero.
func total(chunks [][]byte) {
	sum := 0
	defer log.Printf("%d bytes", sum) // want `sum is evaluated`
	for _, c := range chunks {
		sum = sum + len(c)
	}
}

// An error declared without a value, set and then wrapped: the first assignment
// gives it its meaning.
func wrapLater() {
	var err error
	defer log.Println("work:", err) // want `err is evaluated`
	err = work()
	if err != nil {
		err = fmt.Errorf("work: %w", err)
	}
}

func report(errs []error) {}

// Errors collected into a nil slice.
func collect(jobs []func() error) {
	var errs []error
	defer report(errs) // want `errs is evaluated`
	for _, job := range jobs {
		if err := job(); err != nil {
			errs = append(errs, err)
		}
	}
}

// Reported without a fix: a real counter reported through an empty interface
// (log.Println formats it) and counted on. Its value at the defer has a meaning,
// so the finding is likely, not certain.
func realCounter(first, rest []string) {
	n := len(first)
	defer log.Println("items:", n) // want `n is evaluated`
	n += len(rest)
}

// Reported without a fix: an error checked before the defer (so nil there) and
// assigned later; an error is the outcome of work, and the deferred call reports it.
func checkedError(open func() (*conn, error), use func(*conn) error) {
	c, err := open()
	if err != nil {
		return
	}
	defer log.Printf("finished: %v", err) // want `err is evaluated`
	err = use(c)
	_ = err
}

func base() int { return 1 }

// Reported without a fix: a named result with a real value at the defer, set again
// by the return statement.
func size() (n int) {
	n = base()
	defer log.Println("size", n) // want `n is evaluated when the defer statement runs, so the deferred call does not see the assignment at line 122`
	return n + base()
}
