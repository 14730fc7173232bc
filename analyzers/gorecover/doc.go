// Package gorecover defines an Analyzer that reports recover() calls that can
// never stop a panic and, when asked, goroutines whose panics nothing recovers.
//
// # Analyzer gorecover
//
// gorecover: report recover() calls that never stop a panic and, with -gorecover.goroutines, goroutines that nothing recovers
//
// A panic that is not recovered in its own goroutine ends the whole process: on a
// server, every request in flight dies with it. Recovering needs recover() called
// directly by a function that the goroutine deferred; called anywhere else, recover()
// returns nil and the panic goes on.
//
// The analyzer reports two things; by default only the first.
//
// A recover() that can never stop a panic, wherever it is:
//
//   - defer recover(), which the runtime calls itself, and defer f(recover()),
//     whose recover() runs when the defer statement runs;
//   - recover() in a function literal that is called, not deferred (nested inside a
//     deferred function, or started by a go statement);
//   - recover() in a function that is never deferred (if r := recover(); r != nil
//     at the top of an ordinary function, or of main): reported when every use of
//     the function can be seen, that is for unexported functions and methods (and
//     any function of package main) whose value is never passed around;
//   - a call, without defer, of a recovery helper (a function that calls recover()
//     directly) from a deferred function, or by a go statement, or of a helper that
//     does nothing but recover: its recover() returns nil there.
//
// Such a call is a bug whatever the code base's policy: its author meant to stop
// a panic, and nothing does.
//
// With -gorecover.goroutines (or -gorecover.strict), also a goroutine nothing
// recovers. Not by default, because whether a goroutine should recover is the
// code base's convention, not a bug the analysis can establish: measured on
// code it had never seen (docs/precision.md), these reports were true 9 times
// in 30 in the first measurement, 0 in 8 in the fifth (after a redesign of the
// rule below) and 2 in 6 in the seventh; the others were false or a policy no
// maintainer would act on (getters called on a value the package itself
// returned, taken as the user's code; an unrecovered Run that sits beside its
// recovering RunSafe on purpose).
//
// A goroutine nothing recovers: a go statement, or a function passed to a launcher
// that runs it in a new goroutine without recovering ((*errgroup.Group).Go and
// TryGo, (*sync.WaitGroup).Go, or an in-house function that does the same), whose
// function does not defer a call that recovers. The started function may be a
// literal, a named function or a method; its body is looked into in this package,
// and in other packages through facts. What counts as recovering:
//
//   - a deferred function literal that calls recover();
//   - a deferred call of a function or method that calls recover() directly (a
//     recovery helper such as defer handlePanic() or defer log.Recover(ctx)),
//     recognised through facts in any package, not by its name;
//   - handing the work to a function that runs its function argument under such a
//     defer (an in-house safe.Go(func() { ... }) or safe.Run(ctx, work)), derived
//     through facts so that every codebase's own wrapper works unconfigured.
//     Third-party wrappers are derived the same way; github.com/sourcegraph/conc's
//     WaitGroup.Go and pool.Pool.Go, for example, recover and are recognised;
//   - doing the work in a function literal called on the spot that defers such a
//     call (for batch := range in { func() { defer handlePanic(); process(batch) }() }).
//
// With -gorecover.goroutines, not every such goroutine is reported. Many code
// bases crash on purpose: they recover in no goroutine, or only at a few edges, and want a bug
// to end the process rather than leave it running in an unknown state; adding a
// recover to each of their goroutines is not what their maintainers want. So a
// goroutine is reported only where the package has shown that it recovers
// goroutines: a goroutine of the package itself defers a call that recovers and
// keeps the panic, or is started by a wrapper that recovers it in the new
// goroutine (safe.Go(f)). No sign of it: another package of the module that
// recovers (a worker pool, a test helper: it recovers for reasons of its own); a
// recover that passes the panic on, because a function the goroutine defers
// calls panic() (re-panicking the value, or every value but a sentinel it
// filters); a narrow recover, which discards the value (defer func() { _ =
// recover() }() around a send on a channel the user may have closed: a guard
// around one operation) or recovers only under a condition that does not test
// the panic (if PanicHandler != nil { PanicHandler(recover()) }: an opt-in,
// and without it the package crashes); a wrapper that recovers in the caller's
// goroutine (a helper that checks whether f panics); a goroutine whose work
// merely calls a function that recovers its own panics, as a parser or an
// importer does. And only where this
// goroutine is one a maintainer would want recovered:
//
//   - it departs from the package's own convention: another goroutine that runs
//     the same function recovers (go s.handle(c) where elsewhere go func() {
//     defer handlePanic(); s.handle(c) }()). That most goroutines of a function,
//     file or package recover is no reason: goroutines recover because of the
//     work they run (a pool's workers run their users' tasks), and their
//     siblings that run the package's own housekeeping need not;
//   - it runs code the package does not control: a callback that comes from
//     outside the package. That is a function-typed parameter of an exported
//     function or method (of the function it runs or of the function that
//     starts it), or of an unexported function or function literal that some
//     call of the package passes such a callback, however many unexported
//     calls away from the exported one (func Dispatch(h) { route(h) }); an
//     exported function-typed field of a struct the user fills (not a field of
//     an unexported type of the package); an exported package-level function
//     variable (a callback, hook, handler or dialer the user supplies); an
//     element ranged over from one of these; or a method of an exported
//     interface declared outside the standard library. Such code can panic
//     for reasons the package's author cannot prevent. Not such code: a
//     parameter of an unexported function whose every caller passes the
//     package's own functions, literals or methods (a poller's doPoll handed
//     its RPC code, a reconnect handed its handshake): the author controls
//     that code like any other, and the parameter shares machinery (a
//     timeout, a retry) among its own functions rather than taking a hook; the
//     same, when unsure, for an unexported function whose callers cannot all
//     be seen (its value is passed around, or an interface of the package
//     declares it); an unexported field, which the package sets itself (a
//     hasher, a clock); a method of an interface literal or of an unexported interface,
//     a capability asked of a value the package holds (if wc, ok :=
//     conn.(interface{ CloseWrite() error }); ok); a method called on a
//     variable that a type assertion took from a standard library value (cw, ok
//     := conn.(CloseWriter) with conn a net.Conn); a method of an interface
//     that only the module implements: one with an unexported method (no other
//     package can implement it), one declared in an internal package (the user
//     cannot name it), or the package's own product, which a struct type of
//     its package implements and a function of the package returns (a Client
//     that NewClient returns; a Handler that only an adapter func type
//     implements stays the user's); a logger, that is a method with a logging
//     name (Print, Log, Debug, Info, Warn, Warning, Error or Trace, with f, ln,
//     w, Context or Ctx after it) called on a value whose name or type names a
//     logger (Logger.Printf, s.log.Infof), or a function-typed field or
//     variable with such a name (opts.Logf): logging is not why anyone
//     recovers goroutines; code in a function literal that recovers
//     itself, called on the spot or through a variable (func() { defer
//     handlePanic(); b.cache.Flush() }()); and code in a function literal
//     that the goroutine hands to something that may keep it: it runs where
//     that literal is run, not in this goroutine (env.postCallback(func() {
//     callback(nil, err) }) queues the user's callback for an event loop, as
//     do a literal stored in a field or appended to a list and a
//     time.AfterFunc). Only a literal the goroutine calls, defers, binds to a
//     variable that it only calls, or passes to a function that calls it
//     before returning (a function of the package that calls that
//     parameter itself, (*sync.Once).Do, the sort, slices, maps, strings and
//     bytes packages) runs the user's code in the goroutine.
//
// The message says which of these holds. Where the user's code reports back to
// the goroutine (it is called in a loop, or its result is used by a goroutine
// that communicates with others, as a ForEach that sends the first error on a
// channel), recovering at the top would stop the loop in silence or turn the
// panic into a nil error: the message says to recover around the call of the
// user's code and report the panic as its failure, and no fix is offered.
// The same where the call's result, if any, is dropped and the goroutine does
// more work after it (if hook != nil { hook(err) }; w.Stop()): recovering at
// the top would skip that work, so the message says to recover around the
// call, with no fix. Work after a call whose result it uses (conn, err :=
// opts.Dial(); ... conn.Close()) has nothing to do when the call panics, and
// recovering at the top stays the advice.
// With -gorecover.strict, every goroutine that nothing recovers is reported,
// as before the goroutine rule existed.
//
// Wrong:
//
//	defer recover()
//
//	defer func() {
//		logPanic() // calls recover(), which returns nil here
//	}()
//
//	// with -gorecover.goroutines, in a package whose other goroutines recover
//	func (s *Server) Notify(ev Event) {
//		go func() {
//			s.OnEvent(ev) // the user's callback: a panic here ends the process
//		}()
//	}
//
// Right:
//
//	defer func() {
//		if r := recover(); r != nil {
//			log.Printf("panic: %v", r)
//		}
//	}()
//
//	func (s *Server) Notify(ev Event) {
//		go func() {
//			defer logPanic()
//			s.OnEvent(ev)
//		}()
//	}
//
// # Options
//
//   - -gorecover.goroutines: also report the goroutines that nothing recovers
//     where the package recovers others and this one breaks its convention or
//     runs the user's code (the goroutine rule above), for a code base that
//     means to recover its goroutines.
//   - -gorecover.strict: report every goroutine that nothing recovers, not only
//     those the goroutine rule selects (the exclusions below still apply), for a
//     code base whose policy is that every goroutine recovers: among them the
//     goroutines that call panic() themselves, which the goroutine rule leaves
//     alone. It implies -gorecover.goroutines.
//   - -gorecover.launchers: comma-separated extra functions that start their
//     function arguments in a new goroutine without recovering, written
//     importpath.Func or (*importpath.Type).Method.
//   - -gorecover.recoverers: comma-separated extra functions to treat as recovering
//     where facts cannot see (interface methods, functions behind function values):
//     deferring one recovers, and a function handed to one runs recovered.
//   - -gorecover.tests: also report goroutines that test files start (recover()
//     calls that never work are reported in test files regardless).
//   - -gorecover.handler=importpath.Func: the recovery helper that the suggested fix
//     defers.
//
// The suggested fix inserts defer H() as the first statement of the goroutine's
// function literal, where H is the configured handler or, when there is exactly one,
// the recovery helper that the package already defers in its other goroutines (a
// package-level function deferred without arguments, not shadowed in the
// literal). A recovered panic returns from the literal at once, so the fix is
// offered only where that changes nothing but the crash: the literal returns no
// results (errgroup's Go would take the recovered panic for a nil error, a
// success), and outside its deferred calls it does not communicate on a channel
// (send, receive, select, range, close) nor call the sync and sync/atomic
// packages or a context.CancelFunc, any of which a panic would skip, leaving
// another goroutine waiting for ever: a hang in place of a crash. No fix is
// offered otherwise, nor where the message says to recover around the user's
// code, nor for misplaced recover() calls: what to do with the recovered value
// is the author's decision.
//
// Not reported, deliberately:
//
//   - by default, any goroutine nothing recovers (see above); with
//     -gorecover.goroutines, any goroutine of a package that recovers in none
//     of its own goroutines, or only to pass the panic on, even one that calls
//     panic() or runs a callback: such a code base crashes on purpose, and a
//     panic() it writes in a goroutine is its chosen crash; and, in a package
//     that recovers, a goroutine that neither runs the same function as a
//     recovered one nor runs code the package does not control;
//   - with -gorecover.goroutines, a goroutine for calling panic() itself, even
//     in a package that recovers: measured on code the rule had never seen, such a panic
//     was the author's chosen crash (panic(err) when a local relay cannot
//     start, beside other start-up panics) or a branch that cannot be reached
//     (an invariant, an unknown variant of a closed set), never a failure a
//     reviewer wanted recovered; a recover would only hide it.
//     -gorecover.strict reports these goroutines with all the others;
//   - goroutines started in func main or func init (and the goroutines nested in
//     them): they run for the life of the process beside main, whose own panics
//     are not recovered either, and a crash there is a start-up failure, not a lost
//     request; and, unless -gorecover.tests, goroutines started by tests, where a
//     panic fails the test run loudly; by the goroutine rule, the same for test
//     support outside _test.go files (a mock server): goroutines started by a
//     function that takes a testing handle, or an interface whose methods are
//     all testing.TB's with a variadic Error, Errorf, Fatal or Fatalf among them
//     (a TestReporter written so as not to import testing), or by a method
//     whose receiver is a struct holding one, in a field or in a struct that
//     a field holds, up to three structs down (a test environment that embeds
//     its shared state, which holds a testify mock.Mock, which holds the
//     test's TestingT: its mocks fail the test with a panic, and a panic in
//     its goroutines fails a test run);
//   - a goroutine that defers a call whose body cannot be known (a method of an
//     interface declared outside the standard library, a function value, a
//     function returned by a call as in defer trace()()): it might recover;
//   - a goroutine whose function is a function value or an interface method, or
//     a standard library function started directly (go srv.Serve(l)): the
//     reports are about the module's own code;
//   - a goroutine that runs no code of its own: one that calls nothing but
//     built-in functions other than panic, the standard library's context,
//     sync, sync/atomic, time, os/signal and runtime packages, the Close,
//     Stop, Done, Err and Context methods of standard library types, and
//     functions of its own package that run no code either, however deep
//     (go func() { <-ctx.Done(); conn.Close() }(), go func() { wg.Wait();
//     close(ch) }(), go w.loop() where loop only waits and closes, go func() {
//     <-ctx.Done(); w.stop() }() where stop only closes). Function literals it
//     defers or calls are looked into the same way, so defer func() { done <- err }()
//     is no code of its own;
//   - a goroutine that crashes on purpose: it calls, anywhere in its own code,
//     os.Exit, a function or method named Fatal, Fatalf, Fatalln, Panic, Panicf
//     or Panicln (the standard log's, a logger's, a project's own: by Go's
//     convention these names mean "log, then crash"), or a function whose last
//     statement does one of these (a fatalf helper ending in os.Exit, in this
//     package or another, known through facts). Such a goroutine, typically a
//     signal handler or a loop that gives up on an error, is where the author
//     chose to end the process. A plain panic() does not exempt a goroutine
//     this way: a code base that recovers everywhere (-gorecover.strict) may
//     mean it to be recovered, and a goroutine that departs from the
//     package's convention is reported whether it panics or not;
//   - a goroutine whose work is done by a call of a function that recovers its
//     own panics (go func() { defer close(ch); tx.check(ch) }()), or that hands
//     work to a wrapper that runs it recovered, or to a function literal that it
//     calls on the spot and that recovers; such a call anywhere in the
//     goroutine's function counts, so a goroutine that also does unrecovered
//     work around it is a known false negative;
//   - a goroutine whose function calls recover() itself without deferring it:
//     that recover() is reported instead;
//   - a goroutine that recovers and panics again on purpose: recovering is taken
//     as the author's decision (except (*sync.WaitGroup).Go, a launcher by design);
//   - a recover() in an exported function or method that this package never
//     defers: another package may defer it;
//   - a recover() in a function literal that is passed around rather than called
//     or deferred (sync.OnceFunc(func() { recover() })): its caller is unknown;
//   - calls of an in-house launcher whose go statement is reported where it is,
//     in the same module.
//
// Known limits: a package is analyzed without its test files and with them
// separately, so an unexported function called directly in the package and
// deferred only by its tests has its recover() reported as never deferred (its
// direct calls do not recover anyway); uses through reflection are not seen.
// The goroutine rule looks for code the package does not control in the
// goroutine's own function only, not in the functions it calls, and not in a
// function literal handed to a function of another package, even one that
// calls it before returning (a retry helper elsewhere in the module); "runs no
// code" looks into functions of the same package only; a recover that stores
// the panic for another goroutine to re-panic (a Wait that panics with it) is
// taken as keeping it; an exported hook meant for the package's own tests (set
// only in its test files) counts as the user's code; the same function is
// recognised as a goroutine's work only when the goroutine starts it, or its
// literal calls no other function of the module outside its defers. A field of
// an exported interface type that the package fills itself, from a
// constructor that takes no such value, is still taken as the user's when the
// interface is not its product (see above). A package whose only recover is an
// opt-in handler (sarama's withRecover and PanicHandler) shows no sign, so a
// goroutine it starts bare, breaking its promise to hand every panic to the
// handler, is not reported by the goroutine rule: a known false negative.
package gorecover
