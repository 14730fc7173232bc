// Package gorecover defines an Analyzer that reports goroutines whose panics
// nothing recovers, and recover() calls that can never stop a panic.
//
// # Analyzer gorecover
//
// gorecover: report goroutines that nothing recovers and recover() calls that never stop a panic
//
// A panic that is not recovered in its own goroutine ends the whole process: on a
// server, every request in flight dies with it. Recovering needs recover() called
// directly by a function that the goroutine deferred; called anywhere else, recover()
// returns nil and the panic goes on.
//
// The analyzer reports two things.
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
//     WaitGroup.Go and pool.Pool.Go, for example, recover and are recognised.
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
// Wrong:
//
//	go func() {
//		handle(req) // a panic here ends the process
//	}()
//
//	defer recover()
//
//	defer func() {
//		logPanic() // calls recover(), which returns nil here
//	}()
//
// Right:
//
//	go func() {
//		defer logPanic()
//		handle(req)
//	}()
//
//	defer func() {
//		if r := recover(); r != nil {
//			log.Printf("panic: %v", r)
//		}
//	}()
//
// # Options
//
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
// package-level function deferred without arguments). No fix is offered otherwise,
// nor for misplaced recover() calls: what to do with the recovered value is the
// author's decision.
//
// Not reported, deliberately:
//
//   - goroutines started in func main or func init (and the goroutines nested in
//     them): they run for the life of the process beside main, whose own panics
//     are not recovered either, and a crash there is a start-up failure, not a lost
//     request; and, by default, goroutines started by tests, where a panic fails
//     the test run loudly;
//   - a goroutine that defers a call whose body cannot be known (a method of an
//     interface declared outside the standard library, a function value, a
//     function returned by a call as in defer trace()()): it might recover;
//   - a goroutine whose function is a function value or an interface method, or
//     a standard library function started directly (go srv.Serve(l)): the
//     reports are about the module's own code;
//   - a goroutine that runs no code of its own: one that calls nothing but
//     built-in functions other than panic, the standard library's context,
//     sync, sync/atomic, time, os/signal and runtime packages, and the Close,
//     Stop, Done, Err and Context methods of standard library types
//     (go func() { <-ctx.Done(); conn.Close() }(), go func() { wg.Wait();
//     close(ch) }());
//   - a goroutine that ends the process itself (os.Exit or log.Fatal anywhere in
//     its function literal), typically a signal handler;
//   - a goroutine whose work is done by a call of a function that recovers its
//     own panics (go func() { defer close(ch); tx.check(ch) }()), or that hands
//     work to a wrapper that runs it recovered; such a call anywhere in the
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
package gorecover
