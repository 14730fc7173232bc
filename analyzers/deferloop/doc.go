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
// every iteration. By default it is reported for a concrete consequence, which the
// message names:
//
//   - the loop locks a mutex and the defer unlocks it: the next iteration deadlocks;
//   - the loop read-locks the same sync.RWMutex in every iteration and the defer
//     read-unlocks it: every iteration takes one more read lock before any is
//     released, which sync.RWMutex forbids, since once a writer waits in Lock the
//     next RLock blocks behind it and the writer behind the read locks held: a
//     deadlock;
//   - no path leaves the loop: the deferred call never runs;
//   - in a loop whose count is not fixed when it starts (see below), the defer
//     releases something the iteration acquired (Close, Stop, Rollback,
//     Release, a cancel func, Done after Add, RUnlock after RLock, Unlock after
//     Lock of a mutex that differs per iteration, as each element's): every
//     iteration keeps one open, or locked, until the function returns. For a cancel func whose contexts
//     all have a timeout or a deadline (WithTimeout, WithDeadline, their Cause
//     forms), the timer cancels each context at its deadline: the message says
//     that each stays registered, with its timer, until then, and in memory (held
//     by its deferred call) until the function returns;
//   - in a loop that walks no collection and whose count is not fixed when it
//     starts (a condition, no condition, a channel, goto), the defer keeps what a
//     call of the iteration made: a release
//     function returned beside a value (c, cleanup := dial(); defer cleanup()), or
//     a method deferred on the value a call returned (b, err := t.block(i); defer
//     b.decRef()). The deferred call is what keeps the value alive, one more per
//     round: every iteration's value stays held until the function returns;
//   - in a loop whose input sets its count (a range over a channel, a for statement
//     without a condition, or one whose condition is a call, as for sc.Scan(); not
//     one that walks a collection by a cursor, below), any deferred call: it runs at return, and the calls, with all they capture, pile
//     up for as long as input comes.
//
// Otherwise the only consequence the code shows is that the call runs when the
// function returns, not at the end of the iteration: reported only with
// -deferloop.delayed (see Options).
//
// What an iteration holds until return, in a loop whose count is fixed when it
// starts, and in every loop around it, is reported only with
// -deferloop.collections: a range over a slice, an array, a map, a string or an
// integer, or a counted for i := a; i < n; i++ (or <=, or counting down with >
// or >=) whose counter the body leaves alone and whose start and limit are
// stable (built from constants, variables the body does not change, their
// fields and elements, len, cap and conversions; not a call such as q.Len(),
// nor a slice the body appends to), or a for statement of any condition, none
// included, that walks a slice, an array or a string by a cursor: before the
// defer, at the top level of the body and whatever happens, each iteration
// indexes the collection with exactly the cursor (a variable i, or a field
// t.next of a variable), and the loop changes the cursor only by one ++ or --
// at the end of every iteration (the post statement, or a statement of the
// body with no continue of the loop; no goto), and changes neither it nor the
// collection otherwise, nor the variable holding either field (no assignment,
// address, method call, or use but selecting a field: a call given t could set
// t.next), nor does a function literal of the function (subnet-evm's
// trieToSync.segmentFinished: for { if _, ok := t.segmentsDone[t.next]; !ok {
// break }; segment := t.segments[t.next]; it := ...; defer it.Release(); ...;
// t.next++ }). Each iteration that reaches the defer has indexed the
// collection at a value the cursor never takes again, and an index out of
// range panics: the defer runs at most once per element, as in a range over
// the collection. A map indexed by the cursor bounds nothing (a missing key
// gives the zero value), nor does a cursor changed otherwise (stepped twice,
// assigned, stepped by a method) or an index by another expression (names[i+1]):
// reported as any loop. The pile is then bounded by data the
// program already holds and ends when the function returns; whether holding
// all of it together matters depends on the collection's size and on what
// follows the loop, which the code does not show. Measured on code never tuned
// on (docs/precision.md), such reports were rarely acted on: most were one
// resource per element of a slice of names, a map of hosts or a few shards,
// held on purpose until the function is done. A loop fed by input (a range over
// a channel or a function iterator, whose count is the iterator's; a for without
// a condition, or with any condition but a stable count, that walks nothing by a
// cursor) has no such bound, and
// is reported by default; a lock deadlocks whatever the count, and a loop that
// never exits never releases: both are reported in any loop.
//
// Wrong: a file per line of input, each open until the function returns.
//
//	for sc.Scan() {
//		f, err := os.Open(sc.Text())
//		if err != nil {
//			continue
//		}
//		defer f.Close()
//		process(f)
//	}
//
// Right:
//
//	for sc.Scan() {
//		func() {
//			f, err := os.Open(sc.Text())
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
// only when the move changes nothing but when the body's deferred calls run: no
// return, goto, break of the loop, branch to a label outside the body, or call of
// recover in the body; no defer in the body that recovers or writes a variable
// declared outside the body (a deferred literal setting the function's error would
// be overwritten by its return); no deferred call releasing a value that outlives
// the iteration (handed on, or carried past it by a variable declared outside the
// loop, as below); no go statement, function literal not called where it stands, or method
// value in the body (a goroutine or callback may use the value after the
// iteration); nothing after the loop but return statements without calls (the
// deferred calls would otherwise run before a wait for a reader or a producer's
// publish, not after it); no enclosing loop; and not in test code. When unsure, the
// finding comes without a fix.
//
// In test code (a _test.go file, a file that imports Ginkgo, Gomega or testify,
// or a function taking *testing.T, *testing.B, *testing.F or testing.TB, or the
// handle of the module's own test framework (a type declared in a package under a
// directory named for tests, with Error or Errorf and Fatal, Fatalf or FailNow:
// go-ethereum's utesting.T, which mirrors testing.T), or inside one, or one selecting a field of such a type, as a method of a test
// cluster calling c.t.Fatal, or a method of a type holding one, as a fake server
// that keeps its test's T, or an unexported function, not a method, that only
// _test.go files of its package refer to, unless a //go:linkname or //export
// directive names it or the package has assembly: no other code can call it),
// only the consequences
// that no bound helps are reported by default: the deadlock, the loop that never
// exits, and a range over a channel, whose calls pile up for as long as the channel
// delivers. A test's other loops run over the few cases or the small count the test
// fixes, and what each iteration holds until the function returns is released when
// the test ends: a pile no larger than the test makes it, which no maintainer trims
// (a table of requests whose bodies close at the test's end, the nodes of a test
// cluster shut down by deferred literals, a test server's accept loop).
//
// Test support gets the same default, as unclosed gives it: a package under a
// directory, inside its module, named for tests (one whose name, or a part of it
// between dashes or underscores, starts with test, or ends with testing or
// testutil(s): test, testutils, awstesting; not latest or attestation), for
// examples (example, examples, _examples), for integration or end-to-end tests
// (integration, integrationtest(s), e2e; not integrations), for fakes (mock,
// mocks) or for developer tooling run by hand (scripts, hack; bench, benchmark,
// benchmarks: measuring harnesses), a code generator (a program whose source
// holds the line Go's convention puts at the top of generated files, "Code
// generated ... DO NOT EDIT.", which it writes into the files it generates: a
// maintainer runs it once per generation), and a file whose
// name has a part mock or mocks (mock_store.go). Such code runs by hand or under a
// test, once per run (a repository simulator under internal/testutils that dumps
// its files for a debugging test), and what its loops pile up lives no longer than
// that run. The module's own path does not count; without the module, which some
// drivers do not give, only the file name does. -deferloop.tests judges it as
// other code too.
//
// # Options
//
//   - -deferloop.collections: also report what each iteration acquires and its
//     defer releases only at return (a file per name of a slice, a connection per
//     shard), in a loop whose count is fixed when it starts (above). For a
//     project that holds large collections, or does long work after such loops,
//     where holding one resource per element until return exhausts a limit.
//     Implied by -deferloop.delayed, which reports every repeated defer and names
//     the most concrete consequence it knows. A separate option because plain
//     delay measured worse still (1 of 13 acted on): a project that wants the
//     pile per element need not take every delay with it.
//   - -deferloop.tests: judge test code as other code, with the rules below, for a
//     project whose tests must release what they open as they go (long fuzz or
//     soak runs, a low file-descriptor limit).
//   - -deferloop.delayed: also report a repeated defer whose only consequence is
//     that its call runs at function return ("runs when f returns, not at the end
//     of each iteration"), in any loop. Off by default because, measured on code
//     never tuned on, maintainers almost never acted on it: of the findings with
//     that message, 1 in the first measurement and none of 12 in the second were
//     real problems. Most were a reference-counted handle per element of a small
//     collection (snapshot, release, err := v.Snapshot(); defer release() for each
//     view of a session, or each argument of a command), held until the function
//     is done on purpose, or a cleanup that does nothing in its context. A handle
//     per element of a collection costs in proportion to what the program already
//     holds; an input makes its values as it goes, and is reported by default
//     (above). What each iteration holds over a collection or a fixed count is
//     reported with this option, as with -deferloop.collections, by what it holds. The same holds for a context per element of a collection
//     (see below), reported with this option as plain delay: in the fifth
//     measurement all three such findings were policy (a context per configured
//     peer, per wait strategy, per URL of a health check).
//
// Not reported: a defer after which every path leaves the loop before the next
// iteration (a retry loop whose body ends defer conn.Close(); return use(conn), or a
// branch that defers and breaks; paths ending in panic, os.Exit, log.Fatal, t.Fatal
// or runtime.Goexit); a defer inside a function literal called in the loop or started
// as a goroutine, which belongs to that function; a defer before or after the loop;
// and, unless it deadlocks or the loop is unbounded, a defer that is the last
// statement its iteration runs, or is followed only by other defers. Such a loop
// only sets up what the deferred calls undo at function return (lock every mutex of
// a list, hold every connection, hide flags, remove every file): the author wants the calls at return, and running them at the
// end of the iteration would undo each set-up at once. This also leaves unreported
// the rarer leak whose iteration uses the resource before deferring its release. A
// loop is unbounded when no path leaves it (the calls never run) or when it ranges
// over a channel (they pile up for as long as the channel delivers): it sets nothing
// up, and the defer ending its iteration is reported.
//
// Also not reported, unless the loop never exits, defers the code shows are meant for
// function return:
//
//   - the value released outlives the iteration because the iteration hands it on,
//     or a value derived from it (sub from sub, err := conn.Subscribe(...), a reader
//     wrapping a file; numbers, strings, byte slices and errors derive nothing):
//     captured by or passed to a go statement, stored into a variable declared
//     outside the loop or an element of one (listeners = append(listeners, l),
//     conns[i] = c, m[k] = c), passed to a standard-library function that keeps it
//     (pprof.StartCPUProfile(f), http.Serve(l, h): the one list of such functions,
//     in internal/resources), sent on a channel; a context made beside the
//     deferred cancel func passed to an interface method or a function value
//     that returns a value that may hold it (buildkit's gateway, proc, err :=
//     ctr.Start(initCtx, ...) in its message loop: the call may have started work
//     that runs under the context after the iteration, whose handle it returns,
//     and cancelling at the end of the iteration would stop it; ctxcancel judges
//     such calls alike), but not one passed to a function the package names, nor
//     to a call returning only an error or plain values (if try(pctx) == nil),
//     done with the context when it returns; the released operand is itself an
//     element or field of an outer variable the loop assigns (conns[i], _ = dial(a);
//     defer conns[i].Close()); a variable declared outside the loop carries it to the
//     next iteration (srv = restart(srv)) or past the loop (read after it); a cancel
//     func whose context is stored outside the loop. The values released are those
//     the call reaches through its receiver and arguments, also inside calls it
//     wraps (c.Assert(r.Close(), IsNil), os.Remove(f.Name())), and for a deferred
//     function variable those assigned beside it (ctx, cancel :=
//     context.WithCancel(...); client, shutdown := newClient()), from which nothing
//     further is derived; a map declared outside the loop keeps its keys as well as
//     its values (seen[snapshot] = true, for goroutines after the loop);
//   - a lock per iteration (a mutex rooted in a variable the loop declares or
//     assigns: the range value's) whose iteration, after the defer, stores
//     something read under it into a variable declared outside the loop, a value
//     that shares memory with the locked one (a pointer, slice, map, interface, or
//     a struct holding one: bms = append(bms, other.bitmap), out[s.name] =
//     s.items): what was read under each lock is used after the loop, and the
//     author holds every lock until then (influxdb's SeriesIDSet.Merge, which ors
//     the collected bitmaps after the loop). A copy that shares nothing (total +=
//     s.n) needs no lock once made, and an iteration that carries nothing out
//     holds its lock for nothing: both are reported; the same mutex in every
//     iteration is the deadlock, whatever the iteration carries;
//   - a Close of a listener per iteration (a net.Listener, *net.TCPListener,
//     *net.UnixListener, net.PacketConn or *net.UDPConn in a variable the loop
//     declares or assigns) whose iteration, after the defer, collects its address
//     (Addr, LocalAddr, or a variable set from it) into a collection declared
//     before the loop and read after it (ports = append(ports,
//     l.Addr().(*net.TCPAddr).Port), addrs[i] = addr): an address is reserved only
//     while its socket is open, so holding every listener until return keeps the
//     next net.Listen(":0") from handing out a port already collected (k8s
//     apiserver's getAvailablePorts), the same structure as the lock held while
//     what was read under it is collected. A listener whose iteration collects
//     nothing of its address, or keeps it in a plain variable (only the last
//     survives), is reported;
//   - a removal of a file (os.Remove or os.RemoveAll of a variable p) that the
//     iteration opens again by that name (os.Open(p), os.OpenFile(p, ...)) and
//     whose opened file's Close it defers as well (gqlgen's multipart uploads,
//     each reopened temporary file handed to the request and removed when it is
//     done): an open file keeps its data until it is closed (POSIX removes the
//     name at once and the file at its last close; Windows refuses to remove an
//     open file), so removing the name at the end of the iteration would free
//     nothing. The deferred Close is judged under its own rules; a file the
//     iteration closes itself leaves the removal holding the disk space, reported;
//   - the loop ranges over a composite literal listing variables the function
//     holds (for _, m := range [...]*memDB{a, b} { ...; defer m.decref(); ... }),
//     and the defer releases the element, which the iteration neither assigns nor
//     passes to a call before it: the defers of the listed values, written once;
//   - the defer is a safety net: the iteration makes the same call itself on every
//     path that comes round to the next iteration (defer f.Close(); ...; f.Close(),
//     or err = f.Close()), so the defer acts only when the iteration leaves early;
//     in a loop built with goto, on every path that comes back to the defer (this
//     is the one rule of this list applied to a goto loop). For a deferred Stop of
//     a timer (a named type Timer with a method Stop: time.Timer, or the Timer of a
//     clock package such as k8s.io/utils/clock), a receive from its channel (<-t.C,
//     a select case <-t.C() taken) counts as that call: a timer fires once, and one
//     whose value came has nothing left to stop (virtual-kubelet's lease backoff,
//     whose other case returns). A case that comes round without that receive (a
//     kick that continues the loop) leaves the timer running, and is reported; a
//     Ticker goes on ticking after each receive, and is not a timer. A call that
//     ends the value as the deferred one would counts as the same call, whatever its result:
//     for a deferred Rollback, the transaction's Commit (a *sql.Tx, or any type
//     with both methods, as pgx.Tx: a Commit ends the transaction even when it
//     fails, and a Rollback after it only reports that it is done); for a kind of
//     the resource catalogue with several release methods, any of them, except a
//     writer's Flush, which writes out what it buffered but leaves it open. So
//     does ending the one field that the deferred method ends and nothing else
//     (umoci's Blob.Close only closes b.Data, when it can be closed): a call of the
//     same method on x.Data, on x.Data.(io.ReadCloser), or on a variable the
//     iteration declares from one of them after its x (data, ok :=
//     x.Data.(io.ReadCloser); ...; data.Close()). The method is known by its body,
//     in whatever package: nothing but calls of its own name on one field of its
//     receiver, directly or on an interface asserted from it, with if and return
//     statements around them (a fact the pass exports for each such method).
//     Reading a response's body to its end counts as that call for a deferred
//     x.Body.Close(), x.Body a field of interface type (io.ReadCloser, as in
//     net/http and the clients built on it): io.ReadAll(x.Body), io.Copy(w,
//     x.Body) or io.CopyBuffer. A body that reaches its end hands its connection
//     back to the pool, and one whose read fails has it closed: the deferred Close
//     has nothing left to release. So does a JSON decoder over x.Body that has
//     returned io.EOF (for { if err := dec.Decode(&v); err != nil { if err ==
//     io.EOF { break }; return err } }, dec := json.NewDecoder(x.Body)): the path
//     through the branch taken on io.EOF has read the body to its end, since a
//     json.Decoder returns io.EOF only once its reader has. A decoding loop that
//     breaks on any error, or after a value, leaves the body unread: reported.
//     A body read to its end before the defer counts too, when every path from
//     where x gets its value (x declared by a statement of the loop, changed by no
//     function literal or pointer) to the defer reads it so (xray-core's
//     splithttp upload loop: resp, err := http.ReadResponse(c.r, req); ...;
//     io.Copy(io.Discard, resp.Body); defer resp.Body.Close()): net/http hands a
//     client's connection back when its body reaches EOF, and the body of
//     http.ReadResponse over a connection the caller owns holds nothing past its
//     end, so the deferred Close releases nothing. A body read on some paths
//     only, or in part (io.CopyN), is reported, and so is a file read to its
//     end (a field Body of a concrete type included): it keeps its descriptor
//     until it is closed.
//     So does, for a deferred rows.Close(), a loop
//     for rows.Next() { ... } that ends only when Next returns false (no break of
//     it, no branch out of it; a return or a panic leaves the function), where Next
//     closes the rows when it returns false: *sql.Rows of database/sql (at the end
//     of the last result set, or on an error; not when the iteration calls
//     NextResultSet), pgx's Rows (v4 and v5, which document it; the table is
//     knowledge.NextClosesRows), a Next whose doc comment says so (a sentence
//     naming false, a close, and that it comes automatically or implicitly, as
//     kivik's ResultSet.Next does: "When Next returns false ... Close is called
//     implicitly"), or a wrapper whose Next is only return r.F.Next() on a field F
//     with such a Next (FerretDB's fsql.Rows); the last two are facts the pass
//     exports. Rows read to their end have handed back their connection. A
//     path that skips the loop (a continue before it) or leaves it early (a break)
//     leaves the rows open, and is reported. A call under a nil guard of its receiver (if x
//     != nil { x.Close() }) counts on both branches: where x is nil there is
//     nothing to release;
//   - a deferred literal that acts on the function's outcome: each of its statements
//     is an if whose condition reads a named result (defer func() { if err != nil {
//     x.Close() } }()), known only at return;
//   - a deferred literal, without arguments, that captures no variable declared
//     in the loop, whose calls on a variable the loop assigns the loop also makes
//     itself before assigning it (if cancel != nil { cancel(); cancel = nil } at
//     the top of each attempt, then ctx, cancel = context.WithTimeout(...); defer
//     func() { if cancel != nil { cancel() } }()): the literal reads the variable
//     at return, so every copy acts on the last value, and the loop has released
//     each earlier one before replacing it. A loop that replaces the value without
//     releasing it leaks the earlier ones: reported;
//   - a deferred literal that writes a named result (defer func() { kind =
//     refine(kind, n) }()): only the caller reads a result, after the return, so
//     the write is meant for it; unless the literal also releases what the iteration
//     acquired (defer func() { if cerr := f.Close(); cerr != nil { err = cerr } }()),
//     which stays open per iteration whatever the literal writes;
//   - with -deferloop.tests, in test code, a loop that acquires the value, defers
//     its release and goes on using or collecting it: the test holds every
//     connection it sets up until it ends, which bounds the pile (not for a range
//     over a channel, which the test does not bound);
//   - a plain delay in a loop that runs under a mutex the function unlocks after the
//     loop, the idiom that runs callbacks once the lock is released.
//
// Nor, by default, a deferred cancel of a context the iteration made, in a loop
// over a collection (a slice, an array, a map, a string, a function iterator)
// that no other loop of the function repeats, or that others repeat but whose
// contexts all have a timeout or a deadline (context.WithTimeout, WithDeadline, or
// their Cause forms). A context holds memory, not a descriptor: one per element of
// a collection the program holds (each configured peer, each wait strategy) costs
// in proportion to it, and goes at return. An outer loop retrying the walk (a
// health check over the configured URLs until a time is up) adds a collection's
// worth per round, which only contexts that free themselves at their deadline keep
// bounded. The same holds for a loop of a small constant count (for range 5, up to
// 64) with no loop around it, when every context has a timeout or a deadline: the
// count bounds the pile, and each context frees itself. It is a plain delay,
// reported with -deferloop.delayed. A cancel func in a loop whose count is not
// fixed when it starts (a condition, an input) is still reported; in any other
// count, as every other release over a collection (a file per name is a
// descriptor per name), with -deferloop.collections.
//
// Nor, by default, any defer in a loop whose header fixes its count at no more
// than 8 (for range 4, for depth := 0; depth <= 3; depth++, or a local defined
// once with a constant as the limit), or that ranges over a composite literal of
// no more than 8 elements (an array literal by its length, a slice literal
// without keys, a map literal by its entries: for name, write := range
// map[string]func(io.Writer) error{...three entries...}), or whose limit is built
// from constants and one parameter of an unexported function, not a method, that
// every call in the package passes as a constant (sntpDrift(ntpChecks) around for
// i := 0; i < measurements+2; i++, when the function is never used as a value:
// the package writes the count out at its calls instead of in the header), with
// no loop around it: the pile is no
// larger than a function that acquires that many values one after another and
// defers each release, ordinary Go that no reviewer trims, and a handful of
// descriptors or contexts is far below any limit. Above a handful, a constant
// count is a batch whose size the author picked, and the pile grows with it:
// reported with -deferloop.collections (a fixed count, above). A count the input sets (for d := 0; d <= depth; d++, or a parameter
// an exported function takes or a caller passes as a variable), a condition,
// or an outer loop is not bounded by this rule (what each iteration of a count
// holds is still reported only with -deferloop.collections, unless an outer
// loop is fed by input), and the deadlock and the loop that never exits are
// reported whatever the count. It is a plain delay, reported with
// -deferloop.delayed.
//
// Nor, by default, any defer in a retry loop that counts its attempts, with no
// loop around it (a for loop, or one built with goto). The loop comes round only
// after a failed attempt: every path from the defer back to the next iteration
// enters a branch taken on failure, the then branch of if err != nil (alone or
// with other conditions: if err != nil && attempts > 0), of a call judging the
// error (if policy.ShouldRetry(err, retries), if errors.Is(err, ErrBusy)), the
// else branch of if err == nil, or the statements after if err == nil { return
// resp }, and their like in a switch, which tests its cases as a chain of ifs
// (the body of case err != nil: when nothing falls through into it, what
// follows case err == nil: when that case is not taken; in a switch on the
// error, what follows case nil: and the body of case ErrThrottled:); so every
// successful attempt leaves the loop. And it counts its
// attempts: an integer declared before the loop, changed in it only by ++, --, +=
// or -=, is read by the loop's condition (attempt < max) or by a condition on
// every path back round (ShouldRetry(err, retries), retryAttempts > 0), or by a
// condition on every path from the defer to its next run, since only a run of the
// defer adds to the pile. On those paths, a variable declared in the loop without
// a value (var chal *T) is nil until it is mentioned otherwise than compared with
// nil, which rules out the branches saying it is not and tells which part of a
// condition runs: spire's autocert verify retries with the next challenge type,
// picking it in for chal == nil && next < len(types) { chal = pick(types[next]);
// next++ } and returning if chal == nil, so every run of the defer after the first
// has passed next < len(types). Then the
// deferred calls pile up one per failure the retry policy allows, a number the
// policy bounds and that an outage does not grow (baidubce's SendRequestFromBytes,
// a request body per attempt; smallstep's signWithRetry, a context per attempt on
// a throttled key vault). It is a plain delay, reported with -deferloop.delayed.
// A retry loop without a counter (retry until success) piles up one call per
// failure for as long as the outage lasts, and a loop that comes round after a
// success is a processing loop: both are reported, as are the deadlock and the
// loop that never exits.
//
// Nor, by default, a deferred x.Body.Close() of a response to a HEAD request: x
// assigned in the function only from http.Head, Client.Head, or Client.Do or
// Transport.RoundTrip sending a request built for HEAD (the rule unclosed uses,
// resources.HeadResponse). Its body is http.NoBody and the transport has handed
// the connection back before returning the response, so the Close does nothing
// and nothing is held per iteration. It is a plain delay, reported with
// -deferloop.delayed. A variable also given a GET response is reported.
//
// A release whose receiver holds nothing of its own (knowledge.HoldsNothing: a
// *multipart.Part's Close, which only drains what is left of the part from the
// reader it shares with the other parts; a part has no descriptor or connection)
// keeps nothing open until it runs, and is judged as any deferred call that
// releases nothing. Nor is it reported, whatever the loop, when the loop releases
// each value itself through the next call of the reader that made it
// (knowledge.ClosesPrevious: multipart.Reader's NextPart and NextRawPart close the
// previous part before returning the next), on a reader declared before the loop
// and not assigned in it: every part but the last is closed as the loop goes, and
// the deferred Close is a safety net for the last one and for an early return, as
// is a Close the iteration calls itself (martian's har postData and iris's
// ReadMultipartRelated, for { p, err := mr.NextPart(); ...; defer p.Close();
// io.ReadAll(p) ... }). A part of a reader made anew per iteration is not closed
// by the loop: its deferred Close, holding the part and its reader's buffer, is
// reported as plain delay, by default in a loop whose input sets its count (the
// calls pile up), never as a part held open. A file opened per part is reported
// as any file.
//
// Nor, by default, a deferred x.Release() of a reference-counted value: one whose
// type's method set has both Retain() and Release(), neither taking arguments
// (Arrow's arrays, records, array data, datums and memory buffers, or any other
// library's refcounted handle). Such a value is shared by design: the deferred
// Release drops the function's own reference, and whether anything stays held
// until return depends on its other holders, which the iteration usually makes
// from the value itself (a column or datum wrapping it, a result built from
// x.Data(), a goroutine using it until a wait after the loop, a parent owning a
// zero-copy view's buffers). Constructors retain inside, where the pass does not
// look, so it cannot tell a pile from Arrow's idiom "build, hand on, then drop my
// reference at return", and the advice to release at the end of the iteration
// would there free what the result still reads. The same holds for a value of
// an interface with Release() that one of its package's types implements by
// holding a reference-counted value in a field (Arrow's compute.Datum, whose
// NewDatum retains what it wraps): it may be such a wrapper. In the first
// measurement on arrow-go, 25 of 26 such findings were false or policy. It is a
// plain delay, reported with -deferloop.delayed; a loop that never exits, and a
// loop whose input sets its count (a range over a channel, a for without a
// condition), are reported as for any defer. A Release whose type has no Retain
// (a lease, or an owner of pooled buffers such as parquet pqarrow's level
// result, the one true finding of that measurement) is judged as any release.
//
// Nor, by default, a deferred cancel of contexts that each have a timeout or a
// deadline, made in a loop with no loop around it that waits on every path
// between two runs of the defer (time.Sleep, a Sleep given a time.Duration such
// as gax.Sleep, a receive from a timer's or ticker's channel or from time.After,
// or a select case that takes one) and that is bounded: it watches the contexts'
// parent (parent.Done(), parent.Err()) or tests a counter of its attempts. Each
// context frees its timer and leaves its parent at its deadline, and the waits
// space the attempts, so only the last timeout's worth of them are alive; the
// deferred calls pile up one per attempt, which the parent's deadline or the
// count bounds (pubsub's retryAcks, a 60-second context per acknowledgement
// attempt with a backoff between, under a ten-minute deadline; pkgsite's
// pollForPath, a context per tick until the request ends). It is a plain delay,
// reported with -deferloop.delayed. A cancel of a context without a deadline
// (WithCancel), a loop that does not wait (a tight loop over input), a loop that
// waits on some paths only, and a waiting loop with no bound (a lease kept
// alive for as long as it lasts) are reported.
//
// Nor, whatever its consequence, a defer from which every way back round the loop
// leaves a complete enum switch through no case: a switch, without default, on a
// value of a defined integer or string type whose case lists name every constant
// of that type its package declares at package level (the judgement exhaustiveness
// linters make; for a type of another package, a fact the pass exports, so an
// unexported constant the switch cannot name makes it incomplete). The language
// allows other values (a conversion of any number), but the code's own enum says
// none occurs; so a loop whose cases all return after the defer never comes round
// to it, and it runs once, at return (go-mysql-server's buildBlock handler loop,
// switching on DeclareHandlerAction's Continue, Exit and Undo). Only the unmatched
// path is cut: a case that ends its body comes round, and a switch leaving out one
// constant is reported.
//
// Nor, whatever its consequence, a defer guarded by a latch: it lies in a branch of
// an if statement whose condition reads a variable declared outside the loop, which
// the branch sets by plain assignment and nothing else in the loop assigns (if
// !locked { mu.Lock(); defer mu.Unlock(); locked = true }). The branch closes its
// own guard, so the defer runs in one iteration at most: the lock is held on
// purpose until return. So does a defer of the loop's body itself followed there
// by such an assignment and preceded by the guard, whose branch leaves the loop
// (if loaded { break }; load(); defer unload(); loaded = true, with no jump
// between the defer and the latch: k8s system-validators' kernel config reader
// loads a module once and unloads it at return). A loop built with goto whose every way back to the
// defer passes a goto in such a branch (the condition reads a variable declared
// before the label, the branch sets it, and nothing from the label on assigns it
// otherwise: if !small && errors.Is(err, ErrTooBig) { small = true; goto
// reSplit }) jumps back once at most per latch: the defer runs a number of times
// the code fixes (tonutils-go's ADNL query retries once with smaller packets).
//
// Nor, whatever its consequence, a defer under lazy initialisation: it lies in the
// then branch of if v == nil (alone or in a chain of &&: if v == nil && ok), inside
// the loop nearest to it, where v is a variable of the function declared before its
// loops; every path through the branch to the defer first gives v a value that
// cannot be nil (make, new, &T{}, &x, a composite literal, a function literal),
// assigned in the branch itself or at the top level of a local closure the branch
// calls (a variable declared with a function literal and never assigned again,
// whose body assigns v before any return); and no statement of the function,
// function literals included, gives v any other value, nor takes its address.
// Once the branch has reached the defer, v stays non-nil for the rest of the call,
// so the branch is never taken again and the defer runs at most once
// (go-ethereum's Table.waitForNodes: if notify == nil { sub := initsub(); defer
// sub.Unsubscribe() }, where initsub sets notify = make(chan struct{}, 1)). A
// closure that sets v only on some paths or may return first, v set back to nil
// anywhere (a goroutine included) or from a call that may return nil, a guard v !=
// nil, v declared inside an outer loop, a loop between the branch and the defer,
// and a function using goto are not lazy initialisation: reported, unless the
// branch assigns v itself, which the latch above takes on trust.
//
// Limits: a defer guarded so that it runs in one iteration only by other means (if
// i == 0 { defer ... }, or a counter, if n < 1 { n++; ... }) is reported, since the
// control flow allows it to repeat. A latch is taken on trust: a branch that sets
// its guard back to the opening value (locked = false) is read as a latch as well,
// and so is one that assigns its guard directly on some paths only (if cache ==
// nil { if fill { cache = m }; defer ... }): known false negative; lazy
// initialisation through a closure is held to every path. A lazy initialisation
// through a closure whose value is not visibly non-nil (v = newChan(), v, err =
// open()) is reported, though the constructor may never return nil.
// A context handed to a function the package names that keeps it (one that
// starts a goroutine under it and returns its handle) is not seen to be kept:
// its deferred cancel is reported, known false positive; and one handed to a
// function literal called in place, returning a value that may hold it, counts
// as handed on: known false negative.
// A value written at return by another deferred call (defer
// pprof.Lookup("heap").WriteTo(f, 0)) is not seen to outlive the iteration: the
// defer of its Close is reported. Calls of other
// functions that never return (a project's own fatal helper) are not known, so a
// loop that such a call ends is reported as repeating. A loop that leaves only on
// failure (an accept loop that returns on error) counts as bounded, and so does a
// range over a function iterator, which usually walks a collection: their defers
// ending the iteration stay unreported. Derivation is by type, not by meaning: a
// value computed from the resource but not holding it (a FileInfo from f.Stat())
// that is collected outside silences the report. The deadlock message needs a Lock
// in the loop on the same mutex expression, rooted in a variable that the loop does
// not change; the release message needs the released value assigned in the loop
// (for RUnlock and Done, an RLock or Add on the same receiver in the loop). A
// release method that ends one field but does anything else besides (logs, sets a
// flag, closes through a helper) is not known to end only that field: a defer of
// it whose iteration closes the field itself is reported. A
// deferred function literal whose one statement is a call is judged and named by
// that call; a longer literal is not searched for a release, so one that closes the
// iteration's file among other statements is reported by default only in a loop
// whose input sets its count. A copy of a body into a writer that fails stops
// early and leaves the body unread; the body is taken as read all the same. A
// field named Body of interface type is read as a response's body, whatever its
// dynamic type: a file in it, read to its end, would keep its descriptor. An outer
// loop retrying a walk for long, with contexts of a longer deadline, piles up
// contexts unreported. A handle per element of a collection is taken to be
// bounded by the collection, however large it is (a slice of every block of a
// file): only a count or an input is seen to grow. By default, a resource per
// element of a collection, or per round of a fixed count, is not reported, even
// where holding them all matters (vtcombo's InitTabletMap, a DBA connection per
// shard and cell of the topology, held through the long work after its loops:
// known false negative, reported with -deferloop.collections); a limit read
// through a method that changes it (a field set by a call in the body) is taken
// as stable. A cursor walk is judged by what the function shows: another
// goroutine writing the cursor's field, or a write through another path to the
// same struct (t.sub.parent.next), is not seen, and the walk is taken as bounded;
// a walk whose index comes inside the statement holding the defer (if x :=
// s[i]; ok { defer ... }), or after it, is reported, known false positive. A cleanup that does nothing in
// its context, or a redundant deferred Close, is not recognised; with
// -deferloop.delayed it is reported as plain delay. A defer that ends the iteration
// of a loop without a condition, or with a call as its condition, is read as
// setting up, like any loop but a range over a channel: quiet. A wrapper of rows
// whose Next returns the wrapped Next is taken as drained whatever its own Close
// does besides (FerretDB's drops debug tracking): anything more it holds stays
// unreported. A defer in a case of a select, in an endless loop, whose channel
// delivers one value per call (a transport's roundTrip waiting for its write's
// result, then returning) is reported, as the loop is seen to come round to it
// again: known false positive. Policy, reported by design: an in-memory iterator
// whose Close only drops debug tracking (its Close is a release, and it is
// assigned per iteration), a Done of an iterator of interface type made per
// element (starlark's Iterator, whose lists' Done only undoes a mutation guard:
// what another implementation holds is not known), and a defer in a wait or poll loop that comes round on
// an answer rather than a failed attempt (not ready yet), or is bounded by a time
// rather than a count of attempts, unless it cancels timeout contexts between
// waits (above). A retry is known by the convention that a nil
// error is success: a predicate on an error that holds for a nil error would be
// misread as a failure branch. A retry's counter is taken on trust: any condition
// on the path back round that reads it counts as the retry decision (if attempt >
// 3 { log(...) } as well), whatever the direction of the change and the size of
// the bound (a limit of math.MaxInt is the policy's). A switch on another tag
// (a status code) says nothing about failure, and a retry loop inside another
// loop is reported: the outer loop multiplies the
// attempts. A retry with a path back to the defer that reads no counter is
// reported, as the code does not bound it (spire's autocert verifyRFC, whose
// pick loop lies in a loop over an order's pending authorizations: an order
// with none pending whose wait fails comes round without advancing the count;
// policy, its deferred literal only starts a goroutine "after we're done"). A
// defer under a countdown of a field (if f.n > 0 { f.n--; defer f.checkSynced()
// }) in a loop that comes round only to skip an item is reported (client-go's
// FIFO.Pop): another goroutine may raise the field while the loop waits, and that
// the pending calls act as one (an idempotent callee) is a fact of the callee's
// body, not of the loop: known false positive. A lock per iteration is taken as
// guarding what the iteration stores outside the loop when the value stored is
// rooted in the lock's variable, whether or not the function reads it after the
// loop, and whatever the value is (a struct holding a pointer counts). A timer is
// known by its type's name, Timer, in any package; a timer reset after the receive
// (t.Reset) runs again, unseen: known false negative. A removal is tied to a
// reopened file only through the same variable passed to os.Open or os.OpenFile:
// a path rebuilt (filepath.Join(dir, name)) or a file opened by a helper leaves
// the removal reported, as it does when the reopened file is handed on past the
// iteration by a call the pass cannot see keep it (a method of the request's
// parameters) and its Close is not deferred: known false positive. A
// reference-counted value that nothing else retains piles up unreported, one
// per iteration: known false negative (parquet pqarrow's arrowColumnWriter.Write,
// a result per leaf column owning pooled level buffers, stays reported because
// its type has no Retain). An interface whose package has an implementation
// holding a reference-counted value is taken as shared whatever the dynamic
// value. A method in a non-test file that only the package's tests call (cortex's
// LabelSetTracker.userExists, "used for testing only") is judged as other code:
// an interface may reach it. So is, in the plain package's pass, which sees no
// _test.go file, an unexported function only tests call: it cannot be told from
// one nothing calls (go vet and deferlint report the test variant in its place,
// which sees the calls; a driver that reports the plain package too does not),
// and a function another test-only helper calls: known false positives;
// one called only from a file the build's tags exclude looks uncalled: judged as
// other code, though it may run. A
// count fixed by the package's calls is read only from a parameter of a plain
// function; a method's, or one passed on by a caller's own parameter
// (drift(n) inside check(n) called as check(3)), is not followed.
package deferloop
