// Package deferloop defines an Analyzer that reports defer statements that run again
// and again in a loop, while their deferred calls wait for the function to return.
//
// # Analyzer deferloop
//
// deferloop: report defer statements in loops, whose calls pile up until the function returns
//
// A deferred call runs when the function returns, not when the loop iteration ends.
// A defer statement that can run again within one call of its function (it lies on a
// cycle of the function's control flow: a for or range loop of any kind, including a
// range over a function, or a loop built with goto) stacks one more deferred call on
// every iteration. The message names the consequence:
//
//   - the loop locks a mutex and the defer unlocks it: the next iteration deadlocks;
//   - no path leaves the loop: the deferred call never runs;
//   - the defer releases something the iteration acquired (Close, Stop, Rollback,
//     Release, a cancel func, Done after Add, RUnlock after RLock): every iteration
//     keeps one open until the function returns;
//   - otherwise: the call runs when the function returns, not at the end of the
//     iteration.
//
// Wrong:
//
//	for _, name := range names {
//		f, err := os.Open(name)
//		if err != nil {
//			continue
//		}
//		defer f.Close()
//		process(f)
//	}
//
// Right:
//
//	for _, name := range names {
//		func() {
//			f, err := os.Open(name)
//			if err != nil {
//				return
//			}
//			defer f.Close()
//			process(f)
//		}()
//	}
//
// The suggested fix does exactly that: it moves the loop body into a function literal
// called in its place, turning a continue of the loop into a return. It is offered
// only when the move changes nothing else: no return, goto, break of the loop, branch
// to a label outside the body, or call of recover in the body, and no defer in the
// body that recovers or writes a variable declared outside the body (a deferred
// literal setting the function's error would be overwritten by its return).
//
// Not reported: a defer after which every path leaves the loop before the next
// iteration (a retry loop whose body ends defer conn.Close(); return use(conn), or a
// branch that defers and breaks; paths ending in panic, os.Exit, log.Fatal, t.Fatal
// or runtime.Goexit); a defer inside a function literal called in the loop or started
// as a goroutine, which belongs to that function; a defer before or after the loop;
// and, unless it deadlocks, a defer that is the last statement its iteration runs.
// Such a loop only sets up what the deferred calls undo at function return (lock
// every mutex of a list, hold every connection, hide flags, remove every file): the
// author wants the calls at return, and running them at the end of the iteration
// would undo each set-up at once. This also leaves unreported the rarer leak whose
// iteration uses the resource before deferring its release. Also not reported, unless
// the loop never exits: a defer whose value the iteration hands on, so that it must
// outlive the iteration (captured by or passed to a go statement, stored into a
// variable declared outside the loop, sent on a channel; a cancel func whose context
// is stored outside the loop); and a plain delay in a loop that runs under a mutex
// the function unlocks after the loop, the idiom that runs callbacks once the lock is
// released.
//
// Limits: a defer guarded so that it runs in one iteration only (if i == 0 { defer
// ... }) is reported, since the control flow allows it to repeat. Calls of other
// functions that never return (a project's own fatal helper) are not known, so a
// loop that such a call ends is reported as repeating. The deadlock message needs a
// Lock in the loop on the same mutex expression, rooted in a variable that the loop
// does not change; the release message needs the released value assigned in the loop
// (for RUnlock and Done, an RLock or Add on the same receiver in the loop). A deferred function literal whose one
// statement is a call is judged and named by that call.
package deferloop
