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
// request. A context with a deadline (WithTimeout, WithDeadline and their Cause
// forms) is released by its timer when the deadline passes, so it and its timer
// leak until then; any other context leaks until its parent is done. The
// messages say which (for a helper's context, which may be either, both). A function that returns such a cancel function without calling it (a
// helper, in this package or another) is treated like the context functions
// themselves. One that defers it, stores it, or hands it to a goroutine that may
// call it (a call of it inside a go statement's function literal, or the cancel
// function given to a goroutine's function not known never to call it) has kept
// the duty to call it: its caller may call it early (to interrupt the work) but
// need not, and is not asked to (aws-lambda-runtime-interface-emulator's
// asyncPayloadCopy, whose copy goroutine cancels its writer when the copy is
// done). Whether that goroutine calls it on every one of its paths is not asked.
// What helpers return and which function parameters they call or keep
// comes from the ownership facts pass, which unclosed shares: a cancel function is
// one kind of obligation there.
//
// ctxcancel reports a cancel function that is
//
//   - discarded: assigned to _, or dropped with the call's results;
//   - not called on some path to a return: reported once, at the call, naming
//     every return reached without calling it ("on the paths to the returns at
//     lines 12 and 15"), which the finding also carries as related positions
//     (editors, and the JSON and SARIF outputs, show them). go vet's lostcancel
//     reports such a leak twice, at the call and at the first such return: one
//     leak, two findings, and a directive or a baseline entry for each. Or not
//     called before a loop starts its next iteration. A return outside the
//     block that declares the variable (a loop body, a case) cannot call it, and
//     "call cancel() first" cannot be followed there: the leak happened where the
//     path left the block. Such a return is not named; the report at the call
//     names that place instead (the continue at line 108, the break, the end of
//     the loop body) and advises calling cancel before it. A return inside the
//     block is still named: a separate way out;
//   - overwritten before it is called: ctx, cancel = context.WithTimeout(ctx, d) in
//     a loop, or twice in a row (where the new context derives from the old one,
//     cancelling the old one first would cancel both: the advice is then to defer
//     the first cancel too, or to derive from the first one's parent). In a loop,
//     not when a later iteration calls the function an earlier one stored (a stop
//     branch of the loop's select cancels what a start branch started): the
//     variable is then state the loop carries, released by a protocol of events
//     the analysis cannot see. A call only in the iteration that stored it (on an
//     error branch), or only after the loop, does not count;
//   - stored in a struct field, package variable, map or slice that nothing in the
//     package ever reads;
//   - only "used" in ways that cannot call it: _ = cancel (unless the derived
//     context is handed on: see owners below), a nil comparison, or passing it to
//     a function known (from its body, across packages) never to call or keep it.
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
// none) is not taken to overwrite an earlier one. When a helper's last result is
// an error (its type implements error: error itself, or a concrete type such as
// *HandlerError, which a failing helper returns the same way), the branch of any
// later test on which that error is non-nil, until the error variable is
// assigned again, is assumed to hold a nil cancel function (unclosed applies the
// same rule to the error beside a resource). Returning from main.main ends the
// program, so paths to its returns are not checked, in its loops too (a path
// round a loop still is).
//
// A helper that returns nil for its cancel function beside no error (one that
// adds a timeout only when the context has no deadline: some return statement
// gives nil for it while its error result, if any, is nil, or it returns such a
// helper's results) may give its caller nothing to call, and a deferred call of
// nil panics: the reports on its cancel function advise
// if cancel != nil { defer cancel() }, and the suggested fix writes that.
//
// For a discarded cancel function, and for one that is never called at all, the
// suggested fix names it and inserts defer cancel() after the statement; it is
// offered only outside loops, for := and var statements, when the derived context
// is only used by calls in the function itself of functions and methods known by
// name (and any value a call makes from it, such as context.WithValue's, only so
// too). A context passed to an interface method or a function value (a publisher
// whose implementation hands it to delivery goroutines) may be kept by code the
// analysis cannot see, which a deferred call would cancel: the report stays (the
// timer lives on), with no fix, and the advice is to call the cancel function
// when that code is done with the context. When the derived context is
// handed to something that outlives the function (see owners below, or a call's
// result that may hold it and is returned or stored), a deferred call would
// cancel it under its holder: no fix is offered, and the advice is to call the
// cancel function on each path that returns without handing the context on. In a
// loop, where deferred calls would pile up until the function returns, no report
// advises defer: the advice is to call it before the iteration ends and before
// each return.
//
// What bounds the cost of a lost cancel function, so that it is not reported:
//
//   - A parent the function cancels. Cancelling a context cancels every context
//     derived from it (each derivation registers the child with its parent; a
//     timer context's cancel stops its timer and removes it from its parent), and
//     a context derived from a parent already cancelled is cancelled at once. So a
//     context of package context's functions whose cancel function is discarded,
//     not called on some path, or overwritten lives no longer than its parent
//     when that parent is the very value a derivation in the same function gave
//     the variable it is derived from (the only definition reaching it: in
//     ctx, cancel := context.WithCancelCause(ctx); ctx, _ = context.WithTimeoutCause(ctx, d, err)
//     the parent is the value ctx held before the second statement), and the
//     function calls that derivation's cancel function on every path from the
//     child to a return (deferred before it, or called on each path, judged as a
//     cancel function itself is), or that parent is in turn released so by its own
//     (a chain, context.WithValue included). A parent that is a parameter,
//     context.Background(), conditionally derived, not cancelled on some path, or
//     made before a loop that derives a child per iteration, releases nothing in
//     time: the child is reported.
//   - A parent that holds nothing. context.WithCancel and WithCancelCause of
//     context.Background() or context.TODO() register with nothing: those parents
//     are never done, so there is no timer, goroutine or entry in a parent's list
//     to release, and the collector takes the context back. The parent may come
//     through a local variable whose every assignment in the function is such a
//     call (ctx := context.Background(); ctx, cancel := context.WithCancel(ctx)),
//     as long as its address is not taken and nothing (a loop, a goto) brings
//     control back round to the call, whose own assignment would then reach it. A timer context of
//     Background holds its timer until the deadline, and signal.NotifyContext its
//     registration: both are still reported. (A goroutine that waits for such a
//     context's Done channel is never told to stop: that is a goroutine leak,
//     which ctxcancel does not look for.) This holds where the context is made,
//     not through a helper that returns its cancel function: such a helper is
//     usually a constructor whose cancel function is the stop signal of
//     goroutines that it, or the value it returns, starts on the context, and the
//     facts cannot tell those from a mere test of its Err method, so a helper's
//     cancel function is an obligation whatever its parent.
//   - An owner. A derived context handed on to an owner outside the function
//     (returned, itself or wrapped in another context, in a value of a type that
//     implements context.Context, such as a project's own context type that a
//     call builds from it, or in a value with a Context method such as an
//     *http.Request; stored in a field, a composite literal, a map or slice
//     element or a variable outside the function; sent on a channel;
//     given to a goroutine, directly or captured by a function literal that goes
//     where it goes) lives as long as that owner needs it, and the parent's
//     cancellation (or the timer) ends it. A deferred cancel would cancel it under
//     its owner. A path that hands the context on ends there. The paths that
//     return before handing it on are still checked, and a context passed to an
//     ordinary call is taken to be used and let go, as go vet assumes.
//     A loop after the derivation whose every iteration hands the context on (a
//     subtest or goroutine per element, the last of which cancels it) is left
//     holding the context only when it runs no iteration at all: whether the
//     collection can be empty is a length the path search cannot read, and
//     authors commonly rule it out before the loop, so that exit is not
//     followed. A return that paths reach after handing the context on is never
//     advised to call cancel first: that would cancel the context under its
//     holder on those paths.
//     A discarded cancel function is a decision to let the owner and the timer
//     end the context (and so is one only assigned to _, _ = cancel, which go
//     vet's lostcancel counts as a use): it is not reported when the context is
//     handed on as above,
//     stored by the statement that derives it (s.ctx, _ = context.WithTimeout(s.ctx,
//     d)), or passed to a call whose result may hold it and is returned or stored
//     (a response whose body streams under it, a transaction it bounds). A result
//     may hold a context when its type is or contains (through fields, pointers
//     and containers) a context, another interface than error, a function or a
//     type parameter: a record of strings cannot, and a discarded cancel function
//     beside it is still reported. In a loop the rule does not apply: each
//     iteration leaves one more context registered with the parent, however its
//     owner ends. A cancel function stored where nothing reads it is still
//     reported: storing it shows someone was meant to call it.
//   - A test. In test code (a _test.go file, a file that imports Ginkgo, Gomega
//     or testify, a function that takes a *testing.T, B, F or testing.TB, or
//     the handle of the module's own test framework (a type declared in a
//     package under a directory named for tests, with Error or Errorf and Fatal,
//     Fatalf or FailNow: go-ethereum's utesting.T), or selects a field of one, or a method of a type that holds one, as a fake
//     server keeping its test's T, or an unexported function, not a method,
//     that only _test.go files of its package refer to, unless a //go:linkname
//     or //export directive names it or the package has assembly: no other code
//     can call it; the plain package's pass, without those files, sees no
//     caller and judges it as other code, which is why deferlint, like go vet,
//     reports a package's test variant in its place where there is one), a cancel function lost once costs at most
//     the test's lifetime: it is reported only when the loss repeats without
//     bound, in a for statement or a range over a channel, an integer or a
//     function (b.N rounds, messages), either in the function or around the
//     function literal that holds it. A range over a table of cases is bounded by
//     the table. The option -ctxcancel.tests reports test code as other code.
//   - The process. Code that runs at most once per process loses one context at
//     most, and the process's exit releases it: main.main in any of its blocks,
//     an init function, a package-level initialiser, and a function whose every
//     use is a plain call from such code (populate(), called from main, which
//     exits when it returns: it runs as many times as it has call sites, a
//     number the code fixes; in a library only an unexported one, since other
//     packages may call an exported one again). The action of a cobra or
//     urfave/cli command runs once too, in any package (a process executes one
//     command line), written in place (in the literal, or assigned to the
//     command's field), named, or a function literal returned by
//     a function of the package whose every call is an action's value (RunE:
//     newRunCommand(ctx, input)), and in a package under a cmd directory (…/cmd/<command>/…,
//     Go's layout for a command's own code) so does an exported function or
//     method its package calls at most once, unless it has ServeHTTP's signature
//     or its type becomes an interface value there (internal/process); a method
//     value as the action (Action: i.bundleAction) counts where methods do. A
//     function literal handed once to a function of the package that calls that
//     parameter a fixed number of times (not in a loop, a goroutine or a literal
//     it keeps, and not passed on or stored) runs as often as the call that
//     hands it (i.ensurePackage(target, build)). A loop in that code, a go statement
//     in a loop, a function used as a value (a
//     handler, a callback), a call site that runs again, recursion or a goto make the code
//     run again, and are still reported. The code of a function of package
//     main that nothing can call (no use in the package, no mention in a file
//     the build leaves out, no cgo //export; not a method) runs zero times, its
//     loops included, and is not reported. A go statement runs its function once each
//     time it executes, as a call does: a goroutine that code running once starts
//     (main's go inGoroutine(), or one started under a package-level sync.Once)
//     runs once, and loses one context at most; vet reports it. A call from a _test.go file does not count (the test binary
//     is another process, whose tests bound what they leak).
//
// These, and the return outside the variable's block above (which vet reports
// at the return too), are deliberate differences from go vet's lostcancel,
// which reports every cancel function not used on all paths; the tests list
// them and check that vet
// still reports each one, and that ctxcancel reports every other line vet
// reports on its test shapes (a return vet reports is covered by the report at
// the call that names it).
//
// Options:
//
//	-ctxcancel.tests  also report in test code a cancel function lost once per
//	                  test (a bounded cost), not only one lost per round of a loop
//
// Not reported: a cancel function stored in an exported field or variable (other
// packages may call it); one stored during package initialisation (in an init
// function or a package-level variable's initialiser), whose context serves the
// package for the whole run of the program, as one made in main.main would; aliases (c := cancel) count as uses; a cancel function
// created in a closure and assigned to a variable of the enclosing function counts
// as used when the variable is read anywhere; cancel functions that are not called
// on paths ending in a panic; a deferred closure that calls whatever cancel holds
// when it runs counts as calling every cancel function assigned before it. So
// does a deferred call of a local variable bound once to a function literal
// that calls the cancel function (cleanup := func() { ... }, or var cleanup =
// func() { ... }, never assigned again nor its address taken), or a deferred
// literal that calls such a variable: the call runs that literal. A call of
// such a variable anywhere else is a call of the cancel function there. The
// literal must call it on each of its paths, unguarded or under a nil test of
// the cancel function or of a companion: a variable of a type that can be nil
// (not an error, not a context) that every assignment of the cancel function
// assigns too (sess, ch, cancel = s.newSession(ctx)), and that is otherwise
// only set to nil right after a statement that calls the cancel function
// (cleanup(); sess = nil). Where such a companion is nil, the cancel function
// is taken to hold nothing, as after a helper's non-nil error: a path from the
// assignment takes no branch on which the companion is nil (if sess != nil {
// return errBusy }; sess, cancel = ... in a loop overwrites nothing).
//
// Known limits: for a cancel function held in a variable, a context passed to a
// call that keeps it (a constructor that stores it, a connection that watches its
// Done channel) is not known to be handed on, so a cancel function called only on
// that call's error path is reported, in test code with -ctxcancel.tests. A
// discarded cancel function whose context a long-lived owner keeps (a statement
// that stores a per-query timeout in its own field) leaves a timer per call until
// the deadline: releasing it sooner needs the owner to keep the cancel function
// too, a change of design, and it is not reported. A loop that releases in one
// branch what another branch stored in an earlier iteration (start and stop
// events) is trusted to alternate them: two starts in a row leak one context,
// and that is not reported. A loop that hands the context on in every iteration
// and can really run zero times (a collection that may be empty) leaks the
// context on that path: not reported. A return on a helper's error that cannot
// happen with the arguments given (a helper that fails only for a non-nil filter,
// called with a literal nil) is still taken to be possible: the leak on it is a
// false positive, since ctxcancel does not tie a helper's errors to its
// arguments' values. A helper that starts a goroutine calling its cancel
// function only on some of the goroutine's paths (on an error), or only on some
// of the helper's own paths (go statement under an if), leaves its caller the
// duty on the others: not reported. A helper whose cancel function belongs to a
// context of context.Background() that nothing waits on (a writer that only
// tests its Err) is still an obligation for its callers: a false positive when
// one drops it. A parent's release is only seen when the child is derived from
// a variable that one derivation defines on every path; a parent reached through
// a field, a helper or a conditional derivation does not count, and such a child
// is still reported (a false positive when the parent is in fact cancelled).
// A context passed to an ordinary function that keeps it (a constructor storing
// it) still gets a defer fix: only interface methods and function values are
// taken to keep it.
// A cleanup variable assigned again after its defer statement is not bound
// once, though the defer holds the literal it had then: a false positive.
// Only one level of cleanup calls counts (a closure that calls a closure that
// calls the cancel function does not), and a helper that returns a nil
// companion beside a live cancel function would leak on the companion's nil
// branch: not reported.
package ctxcancel
