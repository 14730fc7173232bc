// Package loopcapture defines an Analyzer that reports function literals deferred or
// started as goroutines in a loop that read a variable a later iteration changes.
//
// # Analyzer loopcapture
//
// loopcapture: report deferred and concurrent function literals in loops that read a variable the loop changes
//
// A function literal that is deferred, started with go, passed to a goroutine
// launcher ((*errgroup.Group).Go and TryGo, (*sync.WaitGroup).Go) or run as a
// parallel subtest (t.Run with a body that calls t.Parallel) runs after its loop
// iteration has moved on. A variable it reads that the loop assigns again holds
// another iteration's value by then: every deferred function closes the last file,
// every goroutine processes whatever item the loop has reached, racing with it.
//
// Two kinds of variable are reported:
//
//   - a loop's iteration variables (range key and value, variables declared in a
//     three-clause for's init and changed by the loop) in files with Go semantics
//     before 1.22, where one variable serves every iteration; the version is
//     decided per file from the module's go directive and //go:build lines. Unlike
//     go vet's loopclosure, the literal may be anywhere in the loop body;
//   - in any Go version, a variable declared outside the loop that the loop assigns
//     before starting the literal and again on a later iteration.
//
// A goroutine is not reported when the iteration waits for it before the next
// assignment: a call named Wait (wg.Wait(), g.Wait(), or a helper whose name starts
// with wait) or a receive from a channel the literal mentions (<-done, a select
// case, a range over its result channel) on every path to the assignment. The
// literal mentions a channel also through a parameter that the go statement binds
// to it: in go func(ch chan T) { defer close(ch); walk(n, ch) }(ch) the parameter
// holds the argument's value, so for x := range ch waits for the goroutine. Only
// an argument that names a variable counts, and only while the function neither
// assigns that variable after the go statement nor takes its address.
//
// A fan-out and fan-in waits for every goroutine: when a counted loop (for i :=
// 0; i < n; i++) starts one goroutine per round (the go statement a plain
// statement of its body), each of which sends at most once on a channel made in
// the function (every send in its own code, outside loops, ending it or followed
// by a return; the channel only sent on and received from), and a later loop of
// the same count (the same start and limit, the limit unchanged in between)
// receives from that channel as the first statement of each round and is left
// only by its condition or a return, then once the second loop is done every
// goroutine has sent, and has read what it read before. Its condition is a wait
// (a receiving loop that may break early is none):
//
//	errc := make(chan error, tt.requests)
//	for i := 0; i < tt.requests; i++ {
//		go func() { errc <- call(tt.timeout) }()
//	}
//	for i := 0; i < tt.requests; i++ {
//		err = <-errc
//	}
//
// An exchange through a synchronous pipe is a wait too, for what the goroutine
// reads before it uses its end. io.Pipe and net.Pipe have no buffer: a Read on one
// end returns only once the other end has been written to or closed, a Write only
// once the other end has read. So when the goroutine holds one end of a pipe made
// in the innermost loop (pr, pw := io.Pipe(), both ends from one call, neither
// assigned again) and the function names that end nowhere else, and the iteration
// reads or writes the other end (its Read or Write method, or passing it to a
// call: tmp := newReader(pr)) on every path to the assignment, the goroutine has
// used its end by then. The variables it reads only before that use count as
// waited for: those of the statements before the first one naming its end, and
// the receiver and arguments of that statement's call when it names the end only
// as the call's receiver or argument, which are evaluated before the call runs:
//
//	pr, pw := io.Pipe()
//	go func() {
//		werr := get(ctx, fi.Size, pw, fi, disks) // fi and disks read before pw is written
//		pw.CloseWithError(werr)
//	}()
//	entries, err := newReader(pr).filter() // returns once pw is written or closed
//
// A deferred pw.Close() uses the end only at return and does not count as the
// first use; a variable also read after the first use, or inside a function
// literal, is not waited for.
//
// Wrong:
//
//	var f *os.File
//	for _, p := range paths {
//		f, err = os.Open(p)
//		if err != nil {
//			return err
//		}
//		defer func() { f.Close() }() // closes the last file len(paths) times
//	}
//
//	for _, item := range items { // a go 1.21 module
//		go func() { process(item) }()
//	}
//
// Right:
//
//	for _, p := range paths {
//		f, err := os.Open(p)
//		if err != nil {
//			return err
//		}
//		defer func(f *os.File) { f.Close() }(f)
//	}
//
//	for _, item := range items {
//		go func(item Item) { process(item) }(item)
//	}
//
// The suggested fix passes the variables as arguments to a deferred or go function
// literal, and declares copies (item := item) just before the call for a literal
// given to a launcher or to t.Run, whose signature is fixed. No fix is offered when
// the literal assigns the variable or takes its address, when a type cannot be
// written in the file, or when a copy would shadow later assignments, its own or
// the block's (st.done = true after the call).
//
// Nor is one offered, for a variable declared outside the loop, when the literal
// writes through it: an assignment, ++ or range = whose target is rooted at the
// variable (v[i] = x, v.f = x, *v = x, v[i].f = x). The author means the write to
// reach the variable's current storage, and a copy changes what it reaches: a
// struct or array copy takes the write for itself, and a slice copy keeps the old
// backing array once the loop's next append has moved the elements, so
//
//	for ... {
//		resp = append(resp, nil)
//		idx := len(resp) - 1
//		g.Go(func() error { resp[idx] = parse(chunk); return nil })
//	}
//
// still races and loses writes with resp := resp. Such a finding is reported
// with advice instead: collect the values first and start the goroutines after
// the loop, or give each its own slot (a slice made at its final length before
// the loop) or other storage the loop does not assign again. For a pre-Go 1.22
// iteration variable the fix stays: a per-iteration copy is what Go 1.22 gives
// every loop, and b[0] = 0 on a range value b then reaches the element of that
// iteration, as it means to.
//
// Not reported: iteration variables in files at Go 1.22 or later; arguments and
// receivers, evaluated by the defer or go statement itself (defer f.Close(),
// go worker(i)); literals called during the iteration; variables assigned only
// before the loop, or only after the literal is started (the literal then wants the
// latest value), or only in the body of an if testing it against nil (if sub ==
// nil { sub, err = subscribe() }), a lazy initialisation that leaves it alone once
// it holds a value; for deferred functions, named results, bool and error
// variables, which deferred cleanup reads for their final value on purpose (if
// !committed, if err != nil), and totals the loop accumulates, every assignment in
// its body building on the old value (calls++, sum += n, all = append(all, x)),
// which a deferred function reads at return for the final total (passing the total
// as an argument would freeze a partial one in each call; that the defer repeats in
// the loop is deferloop's finding), while a goroutine reading a total is still
// reported, and so is a counter the for statement's post steps; for deferred
// functions, a variable the function clears (v = nil) after starting the literal,
// in the loop or after it, and that the literal tests against nil (if cancel !=
// nil { cancel() }): the code hands v's value on to another owner and clears it,
// and the literal is written to release only what v still holds at return, so
// passing v as an argument would release what was handed on (what earlier
// iterations stored in v and overwrote is lost either way, which is not
// loopcapture's finding); for deferred functions that release a variable
// (defer func() { check(db.Close()) }()), a variable the loop releases itself,
// by a direct call on it of Close, Commit, Release, Rollback, RUnlock, Shutdown,
// Stop or Unlock (or one that is the first statement under if v != nil), on
// every path from the defer to its next assignment (check(db.Close()); db, err =
// Open(dir)): the loop accounts for every value it overwrites, and the deferred
// function is written to release only what v holds at return, so passing v as
// an argument would release the earlier values a second time (that several
// deferred calls release the last value is deferloop's finding); a goroutine
// reading such a variable is still reported; a variable declared outside the
// loop that is shared state under one mutex: every access to it in the literal
// and every assignment
// to it in the loop lies between Lock (RLock for an access that only reads) and
// Unlock of the same sync.Mutex or sync.RWMutex (the same variable or field path,
// declared outside the loop and not assigned in it), in the same block and the
// same function literal, with no Unlock in between (a deferred Unlock right after
// the Lock covers the rest of the block; an Unlock in a branch that then leaves,
// if bad { mu.Unlock(); continue }, does not count): the author synchronised the
// accesses so that the literal reads the current value, which is the design, and
// passing the variable as an argument would change what it does; the parts of a
// subtest before its t.Parallel() call.
// Limits: a literal stored in a variable and then started (fn := func() {...};
// go fn()) is not followed; assignments inside other function literals and through
// pointers (json.Unmarshal(b, &v)) are not seen, nor a lazy initialisation that
// leaves the variable nil and so runs again; launchers other than the ones above,
// including helpers that start their argument in a goroutine, are not recognised;
// for the mutex rule, an Unlock hidden in a called helper is not seen (a false
// negative), and a branch that unlocks and locks again counts as unlocking (a
// false positive); a release by the loop through a helper (closeDB(db)), through
// a field (db.inner.Close()) or not first under its nil guard is not seen (a
// false positive); a write through the variable by a call (v.Reset() with a
// pointer receiver on a struct value, fill(&v[i])) is not seen as one, so the fix
// is still offered there; a receive counts as a wait on any channel the literal
// mentions, whether or not the goroutine closes it, and whether it sends before or
// after reading the variable (a false negative); for pipes, passing the
// iteration's end to a call counts as reading or writing it even when the call
// only stores it (a false negative), and a goroutine whose first statement naming
// its end is anything but a call with the end as plain receiver or argument (if
// err != nil { pw.CloseWithError(err); return }) waits for nothing it reads after
// (a false positive).
package loopcapture
