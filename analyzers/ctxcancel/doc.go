// Package ctxcancel defines an Analyzer that reports context cancel functions
// that are never called.
//
// # Analyzer ctxcancel
//
// ctxcancel: report cancel functions of derived contexts that are lost before they are called
//
// context.WithCancel, WithTimeout, WithDeadline and their *Cause variants return a
// cancel function, and signal.NotifyContext returns a stop function. Until it is
// called, the derived context stays registered with its parent (and its timer, or
// the signal registration, stays alive): one leak per call, on a server one per
// request. A function that returns such a cancel function without calling it (a
// helper, in this package or another) is treated like the context functions
// themselves.
//
// ctxcancel reports a cancel function that is
//
//   - discarded: assigned to _, or dropped with the call's results;
//   - not called on some path to a return: reported at the call and, as go vet's
//     lostcancel does, at the first return reached without calling it; or not
//     called before a loop starts its next iteration;
//   - overwritten before it is called: ctx, cancel = context.WithTimeout(ctx, d) in
//     a loop, or twice in a row;
//   - stored in a struct field, package variable, map or slice that nothing in the
//     package ever reads;
//   - only "used" in ways that cannot call it: _ = cancel, a nil comparison, or
//     passing it to a function known (from its body, across packages) never to call
//     or keep it.
//
// Wrong:
//
//	ctx, cancel := context.WithTimeout(ctx, time.Second)
//	conn, err := dial(ctx)
//	if err != nil {
//		return err // the timer and the context leak
//	}
//	defer cancel()
//
// Right:
//
//	ctx, cancel := context.WithTimeout(ctx, time.Second)
//	defer cancel()
//	conn, err := dial(ctx)
//	if err != nil {
//		return err
//	}
//
// A use is what can call the function: a call or defer of it, returning it,
// storing it in a field or variable that some code in the package reads, passing
// it to a function that may call or keep it (or one we know nothing about: an
// interface method, a function value), a closure or goroutine that calls it. A
// cancel function checked against nil is known not to be nil on the branch where
// it was just created. A path that waits for the derived context's Done channel
// (<-ctx.Done(), or a select case on it) ends there: the context is released. An
// assignment under a test of ctx.Deadline() (adding a timeout when there is
// none) is not taken to overwrite an earlier one. When a helper also returns an
// error, the error branch right after the call is assumed to get a nil cancel
// function. Returning from main.main ends the program, so paths to its returns
// are not checked.
//
// For a discarded cancel function, and for one that is never called at all, the
// suggested fix names it and inserts defer cancel() after the statement; it is
// offered only outside loops, for := and var statements, when the derived context
// is only used by calls in the function itself.
//
// Not reported: a cancel function stored in an exported field or variable (other
// packages may call it); one stored during package initialisation (in an init
// function or a package-level variable's initialiser), whose context serves the
// package for the whole run of the program, as one made in main.main would; aliases (c := cancel) count as uses; a cancel function
// created in a closure and assigned to a variable of the enclosing function counts
// as used when the variable is read anywhere; cancel functions that are not called
// on paths ending in a panic; a deferred closure that calls whatever cancel holds
// when it runs counts as calling every cancel function assigned before it.
package ctxcancel
