// Package recovery answers questions about panics and recover(): does a function
// call recover() directly, so that deferring it stops a panic (a recovery helper);
// does a function defer such a call on its own, so that a goroutine running it is
// recovered; does a function run its function argument under a recovering defer (an
// in-house safe.Go); does a function start its function argument in a new goroutine
// without recovering (a launcher such as errgroup's Group.Go); does a call crash on
// purpose (os.Exit, a logger's Fatal or Panic, a helper that ends in one).
//
// What a package's functions do is computed once per package by an Index and
// passed to the packages that import it as a Fact attached to each function, so the
// answers hold across packages without any list of names (the few well-known
// launchers and crashing functions come from package knowledge).
//
// The files: facts.go holds the facts and their String; recover.go the syntax of
// recover() and panic() calls; index.go the Index (the package's functions,
// variables bound to literals, the facts of other packages); derive.go computes
// a function's fact from its body; queries.go answers what the analyzer asks
// of a call, a deferred call or a goroutine; crash.go finds deliberate crashes.
package recovery
