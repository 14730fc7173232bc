// Package maker holds deferred calls whose function is itself the result of a
// call made at the defer statement (defer updateOSMetrics(op, path)(err)): the
// call starts something (a timer, a span, a log line) and returns the function
// that ends it. Wrapping the whole deferred call in a function literal would make
// that call only at return, so the fix keeps it at the defer statement, stores its
// result and defers a literal that calls the result.
package maker

import (
	"errors"
	"log"
	"os"
	"time"
)

func work() error { return errors.New("x") }

// updateOSMetrics starts a timer and returns the function that records it.
func updateOSMetrics(op string, paths ...string) func(err error) {
	start := time.Now()
	return func(err error) { log.Println(op, paths, time.Since(start), err) }
}

// The measured shape: err, the named result, is nil at the defer.
func RemoveAll(dirPath string) (err error) {
	defer updateOSMetrics("removeAll", dirPath)(err) // want `err is evaluated when the defer statement runs, so the deferred call does not see the assignment at line 27: call updateOSMetrics first and defer a function literal that calls its result: done := updateOSMetrics\(\.\.\.\); defer func\(\) \{ done\(err\) \}\(\)`
	return os.RemoveAll(dirPath)
}

// Through parentheses, with a variable assigned later rather than a return.
func paren(dirPath string) (err error) {
	defer (updateOSMetrics("mkdir", dirPath))(err) // want `call updateOSMetrics first and defer .*: done := updateOSMetrics\(\.\.\.\); defer func\(\) \{ done\(err\) \}\(\)`
	err = os.Mkdir(dirPath, 0o755)
	return err
}

// In a case clause, as in minio's OpenFile: a statement list like a block.
func caseClause(name string, write bool) (f *os.File, err error) {
	switch write {
	case true:
		defer updateOSMetrics("openFileW", name)(err) // want `call updateOSMetrics first and defer a function literal that calls its result`
	default:
		defer updateOSMetrics("openFileR", name)(err) // want `call updateOSMetrics first and defer a function literal that calls its result`
	}
	return os.Open(name)
}

type logger struct{ prefix string }

type op struct{ l *logger }

func (l *logger) log(what string) op { return op{l} }

func (o op) end(code int, err error) { log.Println(o.l.prefix, code, err) }

func (l *logger) start(what string) func(int, error) {
	return func(code int, err error) { log.Println(l.prefix, what, code, err) }
}

// A method value on a call result: l.log runs at the defer; the literal calls end
// on its stored result.
func selectorOnResult(l *logger) (err error) {
	defer l.log("sync").end(0, err) // want `call l.log first and defer a function literal that calls its result: done := l.log\(\.\.\.\); defer func\(\) \{ done.end\(0, err\) \}\(\)`
	err = work()
	return err
}

// A name already in use: the fix picks another.
func nameTaken(l *logger, done chan struct{}) (err error) {
	defer l.start("sync")(0, err) // want `done2 := l.start\(\.\.\.\); defer func\(\) \{ done2\(0, err\) \}\(\)`
	err = work()
	close(done)
	return err
}

// The plain shape: the maker's result is stored already, so wrapping the deferred
// call is the fix and l.start still runs where it stands.
func storedFirst(l *logger) (err error) {
	stopFn := l.start("sync")
	defer stopFn(0, err) // want `err is evaluated when the defer statement runs, so the deferred call does not see the assignment at line 81: defer a function literal that reads err$`
	err = work()
	return err
}

// No fix: two makers in one statement list would both take the same name.
func twoInOneList(dirPath string) (err error) {
	defer updateOSMetrics("a", dirPath)(err) // want `call updateOSMetrics first and defer a function literal that calls its result`
	defer updateOSMetrics("b", dirPath)(err) // want `call updateOSMetrics first and defer a function literal that calls its result`
	return os.RemoveAll(dirPath)
}

// No fix: in a loop the literal would capture variables the loop changes.
func inLoop(paths []string) {
	for _, p := range paths {
		var err error
		defer updateOSMetrics("remove", p)(err) // want `call updateOSMetrics first and defer a function literal that calls its result`
		err = os.Remove(p)
	}
}

// No fix: describe() in the arguments would run at return instead of at the defer.
func callInArguments(l *logger, describe func() int) (err error) {
	defer l.start("sync")(describe(), err) // want `call l.start first and defer a function literal that calls its result`
	err = work()
	return err
}

// No fix: a labeled defer is not a plain statement of its list; the declaration
// would go between the label and its statement.
func labeled(dirPath string) (err error) {
	if dirPath == "" {
		goto L
	}
L:
	defer updateOSMetrics("labeled", dirPath)(err) // want `call updateOSMetrics first and defer a function literal that calls its result`
	return os.RemoveAll(dirPath)
}

// A conversion to a function type runs no code: wrapping it is the plain fix.
type finisher func(error)

func conversion(f func(error)) (err error) {
	defer finisher(f)(err) // want `defer a function literal that reads err$`
	err = work()
	return err
}

// Quiet: the time is taken by the maker, not in the deferred call's arguments; the
// returned function computes the duration when it runs.
func timedByMaker() (err error) {
	defer updateOSMetrics("quiet")(nil) // quiet: no variable and no duration in the arguments
	return work()
}

// A duration in the arguments of the result's call: the maker stays at the defer.
func durationAfterMaker(l *logger, report func(string) func(time.Duration)) {
	start := time.Now()
	defer report("sync")(time.Since(start)) // want `time.Since\(start\) is evaluated when the defer statement runs, not when the deferred call runs, so it measures almost nothing: call report first and defer a function literal that calls its result: done := report\(\.\.\.\); defer func\(\) \{ done\(time.Since\(start\)\) \}\(\)`
	_ = work()
}

func open() func(error) { return func(error) {} }

// A conversion of a call result: the call stays at the defer, the conversion moves.
func conversionOfCall() (err error) {
	defer finisher(open())(err) // want `call open first and defer a function literal that calls its result: done := open\(\); defer func\(\) \{ finisher\(done\)\(err\) \}\(\)`
	err = work()
	return err
}

// A duration in the maker's own arguments must be computed at return, maker call
// and all: the literal wraps the whole deferred call.
func durationInMaker(track func(time.Duration) func()) {
	start := time.Now()
	defer track(time.Since(start))() // want `time.Since\(start\) is evaluated when the defer statement runs, not when the deferred call runs, so it measures almost nothing: defer a function literal that computes it$`
	_ = work()
}
