// Package deferargs defines an Analyzer that reports deferred calls whose arguments
// are evaluated too early.
//
// # Analyzer deferargs
//
// deferargs: report deferred calls whose arguments are evaluated at the defer statement but meant for later
//
// The arguments of a deferred call are evaluated when the defer statement runs, not
// when the deferred call runs at function return. Two mistakes follow from forgetting
// it:
//
//   - a duration computed in the arguments (time.Since(start), t.Sub(start), or
//     arithmetic on time.Now()) is measured at the defer statement, so it is almost
//     zero;
//   - a variable passed as an argument and assigned after the defer statement (an
//     error, a status, a named result set by a return statement) reaches the deferred
//     call with its old value.
//
// Wrong:
//
//	start := time.Now()
//	defer metrics.Observe(time.Since(start).Seconds())
//
//	var err error
//	defer log.Printf("sync done: %v", err)
//	err = sync()
//
// Right:
//
//	start := time.Now()
//	defer func() { metrics.Observe(time.Since(start).Seconds()) }()
//
//	var err error
//	defer func() { log.Printf("sync done: %v", err) }()
//	err = sync()
//
// The suggested fix wraps the deferred call in a function literal, so that its
// arguments are evaluated when it runs. No fix is offered for a defer inside a loop,
// where the function literal would capture variables that the loop changes.
//
// Not reported: time.Now() passed on its own (defer trace(time.Now()) deliberately
// records the start time); arguments of a deferred function literal call, which are
// captured on purpose (defer func(n int) { ... }(n)); a variable whose address is
// taken (defer report(&err)); a variable set to nil after the defer (disabling it,
// as with channels in a select loop, keeps the deferred call's value on purpose);
// assignments inside function literals, whose timing is unknown. Receivers
// (defer f.Close()) are evaluated early too, but rarely by mistake, and are not
// checked.
package deferargs
