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
//   - a variable passed as an argument and assigned after the defer statement reaches
//     the deferred call with its old value, when the code shows that the later value
//     is the one wanted (below).
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
// An assignment after the defer is not a mistake by itself: a deferred call often
// wants the value it was given. A variable is reported only on evidence that the
// later value is wanted:
//
//   - its value at the defer is a placeholder: declared without a value, with its
//     zero value (var err error, n := 0, a named result), or with a constant default
//     that later assignments replace by other constants or count from
//     (status := "ok" ... status = "failed"). The deferred call cannot have meant it;
//   - it is the outcome of the function and the deferred call reports it: a named
//     result (set by a return statement or assigned later), an error (typically
//     nil at the defer, after the error check) or a count or total (n++, n += k,
//     total = total + x), which the deferred call takes as an empty interface, to
//     format or record it (log.Printf("done: %v", err)).
//
// A real value given to a typed parameter is not evidence, even an error or a
// named result: the callee acts on the value it was given, which may be the one
// meant. defer t.endRPC(err), after the RPC began without error, tells a tracker
// that its part went well; the error the function computes later is returned to
// the caller, who owns it, and handing it to endRPC would record it as the
// program's failure even when the caller handles it.
//
// The suggested fix wraps the deferred call in a function literal, so that its
// arguments are evaluated when it runs. It is offered only when the value at the
// defer was a placeholder, and when wrapping changes nothing but that variable: not
// in a loop, where the literal would capture variables the loop changes, and not
// when another operand of the call (a call, a receive, a map or slice element, a
// read through a pointer, a variable assigned after the defer, whose address is
// taken or that a function literal writes) could evaluate differently later.
//
// When the deferred function is itself made by a call (defer
// updateOSMetrics(op, path)(err), defer l.log(x).end(err), through parentheses,
// selectors and conversions), that call must stay at the defer statement: it
// starts a timer, a span or a log line, and a literal around the whole deferred
// call would make it only at return. The message then says to make the call first
// and defer a literal that calls its result, and the fix writes it:
//
//	done := updateOSMetrics(op, path)
//	defer func() { done(err) }()
//
// under the same conditions, and only where the declaration can go on the line
// before: the defer is a statement of a block or case clause of its own (not
// labeled), no other defer of that list is made by a call (both fixes would declare
// the name), the function has no goto (which must not jump over a declaration), and
// done (or done2, ...) is free in the function. A function already stored
// (stop := l.start(x); defer stop(err)) is wrapped as any other.
//
// Not reported, because the code shows that the deferred call wants the value it
// was given:
//
//   - re-defer: a later defer statement (or the same one, again in a loop) reads
//     the variable after the assignment. Each deferred call owns its value; a
//     literal would close the second value twice and the first never;
//   - save and restore: the deferred function is also called explicitly with the
//     new value (defer setLabels(ctx); ctx = withLabels(ctx, l); setLabels(ctx), as
//     in runtime/pprof.Do);
//   - a real object: the value at the defer was a real pointer, slice, map,
//     channel, function, struct or interface other than error, which the deferred
//     call acts on (closes, releases, puts back in a pool, logs the request that
//     arrived: defer logAccess(r); r = r.WithContext(ctx));
//   - a real value transformed: every later assignment computes the new value from
//     the old without counting (buf = buf[:0], x = f(x), err = fmt.Errorf("...: %w", err));
//   - any other real value (a parameter, a call result, a constant default replaced
//     by a computed value): a "stopping" line that mirrors a "starting" line is meant
//     to log the name it started with;
//   - a variable set to nil after the defer, which disables it (as with channels in
//     a select loop) and keeps the deferred call's value on purpose.
//
// Also not reported: time.Now() passed on its own (defer trace(time.Now())
// deliberately records the start time); arguments of a deferred function literal
// call, which are captured on purpose (defer func(n int) { ... }(n)); a variable
// whose address is taken in the call (defer report(&err)); assignments inside
// function literals, whose timing is unknown; variables of an enclosing function.
// Receivers (defer f.Close()) are evaluated early too, but rarely by mistake, and
// are not checked.
//
// A duration computed in the arguments of the call that makes the deferred function
// (defer track(time.Since(start))()) is reported with the plain advice: measuring
// at return means making that call at return too.
//
// Known limits: a status that starts from a computed value (status := classify()),
// a real counter given to a typed parameter (defer record(n); n++) and a real error
// given to a typed reporter (defer span.finish(err) after an earlier error check)
// are not reported, since nothing tells them from a value the call computes with
// or stores. A package-level variable in the deferred call is taken as stable for
// the fix.
package deferargs
